package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.common.ui.Forms;
import org.hymnsheet.common.ui.SendToLeadForm;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.PendingText;
import org.hymnsheet.surveys.QueueService;

/**
 * Young people's free text waits here until a facilitator approves it for boards and findings. The list is paged
 * from the database as it scrolls, so nothing is ever cut off. Approval names the exact words shown, and a text
 * flagged as a possible disclosure is approved only after a confirmation that names the flag. Any text can be sent
 * to the safeguarding lead instead, with a reason; the texts this facilitator sent are listed below, with whether a
 * lead has opened them.
 */
@Route("moderation")
@RolesAllowed({Role.Names.FACILITATOR, Role.Names.ADMIN})
public class ModerationView extends Main implements HasDynamicTitle {
    private final transient QueueService queues;
    private final long partnershipId;
    private final Grid<PendingText> grid = new Grid<>();
    private final Paragraph waiting = new Paragraph();
    private final SentToLead sent = new SentToLead();
    private final SendToLeadForm sendForm = new SendToLeadForm(false);
    private final Section confirm = new Section();

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
        // the buttons wrap onto a second line rather than squeeze the words
        grid.addComponentColumn(this::actions).setHeader(getTranslation("moderation.decision")).setWidth("20rem")
                .setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("moderation.empty"));
        grid.addClassName("queue-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setId("moderation-queue");
        grid.setItems(q -> queues.pendingTexts(partnershipId, q.getOffset(), q.getLimit()).stream(), q -> count());
        waiting.setId("moderation-waiting");
        confirm.setId("moderation-confirm");
        confirm.addClassName("side-form");
        confirm.setVisible(false);
        add(new H1(getTranslation("moderation.title")), new Paragraph(getTranslation("moderation.intro")), waiting, confirm,
                sendForm, grid, sent);
        sent.show(queues.sentTexts(partnershipId));
    }

    private int count() {
        int count = queues.pendingCount(partnershipId);
        waiting.setText(getTranslation("moderation.waiting", count));
        return count;
    }

    private Span flag() {
        var flag = new Span(getTranslation("moderation.flagged"));
        flag.addClassName("flag-badge");
        return flag;
    }

    private Div actions(PendingText text) {
        var approve = new Button(getTranslation("moderation.approve"), e -> approve(text));
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        var reject = new Button(getTranslation("moderation.reject"), e -> decide(() -> queues.reject(text.id())));
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        var send = new Button(getTranslation("escalate.button"), e -> sendForm.show(text.body(),
                reason -> queues.escalate(text.id(), text.body(), reason), this::reread));
        send.addClassName("escalate");
        var actions = new Div(approve, reject, send);
        actions.addClassName("moderation-actions");
        return actions;
    }

    private void approve(PendingText text) {
        if (text.flagged()) {
            confirmFlagged(text);
        } else {
            decide(() -> queues.approve(text.id(), text.body(), false));
        }
    }

    /**
     * Asks before a flagged answer goes on boards, in a section above the list (the committed frontend bundle does
     * not load dialogs on this page).
     */
    private void confirmFlagged(PendingText text) {
        confirm.removeAll();
        var question = new Paragraph(text.flagReason().isBlank() ? getTranslation("moderation.flaggedConfirmPlain")
                : getTranslation("moderation.flaggedConfirm", text.flagReason()));
        var anyway = new Button(getTranslation("moderation.approveAnyway"), e -> {
            confirm.setVisible(false);
            decide(() -> queues.approve(text.id(), text.body(), true));
        });
        anyway.setId("moderation-approve-anyway");
        var cancel = new Button(getTranslation("directory.cancel"), e -> confirm.setVisible(false));
        cancel.setId("moderation-approve-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var buttons = new Div(cancel, anyway);
        buttons.addClassName("form-buttons");
        confirm.add(new H2(getTranslation("moderation.flaggedTitle")), question, buttons);
        confirm.setVisible(true);
        cancel.focus();
    }

    /** After every decision, taken or refused, the list is read again: a changed text then shows as it is now. */
    private void decide(Runnable decision) {
        Forms.save(this, Map.of(), decision);
        reread();
    }

    private void reread() {
        grid.getDataProvider().refreshAll();
        sent.show(queues.sentTexts(partnershipId));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("moderation.title") + " | " + getTranslation("app.name");
    }
}
