package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.common.ui.Forms;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.PendingText;
import org.hymnsheet.surveys.QueueService;

/** Young people's free text waits here until a facilitator approves it for boards and findings. */
@Route("moderation")
@RolesAllowed({Role.Names.FACILITATOR, Role.Names.ADMIN})
public class ModerationView extends Main implements HasDynamicTitle {
    private final transient QueueService queues;
    private final long partnershipId;
    private final Grid<PendingText> grid = new Grid<>();

    ModerationView(QueueService queues, AccountService accounts) {
        this.queues = queues;
        this.partnershipId = accounts.me().partnershipId();
        addClassName("page");
        grid.addColumn(PendingText::surveyTitle).setHeader(getTranslation("moderation.survey")).setAutoWidth(true);
        grid.addComponentColumn(t -> {
            var body = new Span(t.body());
            body.addClassName("free-text");
            return t.flagged() ? new Div(flag(), body) : body;
        }).setHeader(getTranslation("moderation.text")).setFlexGrow(3);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("moderation.decision")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("moderation.empty"));
        grid.setAllRowsVisible(true);
        add(new H1(getTranslation("moderation.title")), new Paragraph(getTranslation("moderation.intro")), grid);
        refresh();
    }

    private Span flag() {
        var flag = new Span(getTranslation("moderation.flagged"));
        flag.addClassName("flag-badge");
        return flag;
    }

    private Div actions(PendingText text) {
        var approve = new Button(getTranslation("moderation.approve"), e -> decide(() -> queues.approve(text.id())));
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        var reject = new Button(getTranslation("moderation.reject"), e -> decide(() -> queues.reject(text.id())));
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new Div(approve, reject);
    }

    private void decide(Runnable decision) {
        if (Forms.save(this, java.util.Map.of(), decision)) {
            refresh();
        }
    }

    private void refresh() {
        grid.setItems(queues.pendingTexts(partnershipId));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("moderation.title") + " | " + getTranslation("app.name");
    }
}
