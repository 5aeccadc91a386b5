package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.common.ui.Forms;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.FlaggedText;
import org.hymnsheet.surveys.QueueService;
import org.hymnsheet.surveys.SafeguardingSummary;

/**
 * Possible disclosures from young people's answers for the safeguarding lead to act on: open ones first, newest
 * first, paged from the database as the list scrolls so none is ever cut off, with how many arrived in the last
 * hour above the list, so a flood is seen as one.
 */
@Route("safeguarding")
@RolesAllowed(Role.Names.SAFEGUARDING_LEAD)
public class SafeguardingView extends Main implements HasDynamicTitle {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm").withZone(ZoneId.of("Europe/London"));
    private final transient QueueService queues;
    private final long partnershipId;
    private final Grid<FlaggedText> grid = new Grid<>();
    private final Paragraph summary = new Paragraph();

    SafeguardingView(QueueService queues, AccountService accounts) {
        this.queues = queues;
        this.partnershipId = accounts.me().partnershipId();
        addClassName("page");
        grid.addColumn(f -> WHEN.format(f.flaggedAt())).setHeader(getTranslation("safeguarding.when")).setAutoWidth(true);
        grid.addColumn(FlaggedText::surveyTitle).setHeader(getTranslation("safeguarding.survey")).setAutoWidth(true);
        grid.addColumn(f -> f.deviceLabel() == null ? getTranslation("safeguarding.ownDevice") : f.deviceLabel())
                .setHeader(getTranslation("safeguarding.device")).setAutoWidth(true);
        grid.addComponentColumn(this::text).setHeader(getTranslation("safeguarding.text")).setFlexGrow(3);
        grid.addColumn(FlaggedText::indicators).setHeader(getTranslation("safeguarding.indicators"));
        grid.addComponentColumn(this::handling).setHeader(getTranslation("safeguarding.action")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("safeguarding.empty"));
        grid.addClassName("queue-grid");
        grid.setId("safeguarding-queue");
        grid.setItems(q -> queues.safeguardingQueue(partnershipId, q.getOffset(), q.getLimit()).stream(), q -> count());
        summary.setId("safeguarding-summary");
        add(new H1(getTranslation("safeguarding.title")), new Paragraph(getTranslation("safeguarding.intro")), summary, grid);
        addComponentAtIndex(2, new AlertsNotice());
    }

    private int count() {
        SafeguardingSummary now = queues.safeguardingSummary(partnershipId);
        summary.setText(getTranslation("safeguarding.summary", now.lastHour(), now.open(), now.total()));
        return now.total();
    }

    private Div text(FlaggedText flag) {
        var body = new Span(flag.body());
        body.addClassName("free-text");
        var text = new Div(body);
        if (flag.earlier() != null) {
            var earlier = new Paragraph(getTranslation("safeguarding.earlier") + " " + flag.earlier());
            earlier.addClassNames("free-text", "earlier-text");
            text.add(earlier);
        }
        return text;
    }

    private Div handling(FlaggedText flag) {
        if (!flag.open()) {
            return new Div(new Span(getTranslation("safeguarding.handled") + (flag.note() == null ? "" : ": " + flag.note())));
        }
        var note = new TextField();
        note.setPlaceholder(getTranslation("safeguarding.note"));
        note.setAriaLabel(getTranslation("safeguarding.note"));
        note.setMaxLength(2000);
        var done = new Button(getTranslation("safeguarding.markHandled"), e -> {
            if (Forms.save(this, Map.of("note", note), () -> queues.markHandled(flag.id(), note.getValue()))) {
                refresh();
            }
        });
        return new Div(note, done);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("safeguarding.title") + " | " + getTranslation("app.name");
    }
}
