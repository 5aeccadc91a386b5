package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.live.LiveSignals;
import org.hymnsheet.live.Topic;
import org.hymnsheet.live.ui.LiveRefresh;
import org.hymnsheet.safeguarding.SafeguardingAlerts;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.FlaggedText;
import org.hymnsheet.surveys.QueueFilter;
import org.hymnsheet.surveys.QueueService;
import org.hymnsheet.surveys.QueueSource;
import org.hymnsheet.surveys.SafeguardingSummary;

/**
 * Possible disclosures for the safeguarding lead to act on, one card each: open ones first, newest first, paged from
 * the database as the list scrolls so none is ever cut off, with how many arrived in the last hour above the list, so
 * a flood is seen as one. Filters by state and by survey or workshop. The page follows the partnership's queue by
 * push; what a lead types about a flag is in a form above the list, so a new flag arriving never loses it.
 */
@Route("safeguarding")
@RolesAllowed(Role.Names.SAFEGUARDING_LEAD)
public class SafeguardingView extends Main implements HasDynamicTitle {
    /** The filter's choice of "every survey and workshop". */
    private static final QueueSource EVERY_SOURCE = new QueueSource(null, null, "");
    private final transient QueueService queues;
    private final long partnershipId;
    private final Grid<FlaggedText> list = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final Paragraph empty = new Paragraph();
    private final Select<QueueFilter.State> state = new Select<>();
    private final Select<QueueSource> source = new Select<>();
    private List<QueueSource> shownSources = List.of();
    private final HandleFlagForm handleForm;

    SafeguardingView(QueueService queues, AccountService accounts, LiveSignals signals, SafeguardingAlerts alerts) {
        this.queues = queues;
        this.partnershipId = accounts.me().partnershipId();
        this.handleForm = new HandleFlagForm(queues, this::refresh);
        addClassNames("page", "safeguarding-page");
        state.setLabel(getTranslation("safeguarding.state"));
        state.setItems(QueueFilter.State.values());
        state.setItemLabelGenerator(s -> getTranslation("safeguarding.state." + s.name()));
        state.setValue(QueueFilter.State.ALL);
        state.setId("safeguarding-state");
        source.setLabel(getTranslation("safeguarding.source"));
        source.setItemLabelGenerator(this::sourceName);
        source.setId("safeguarding-source");
        sources();
        state.addValueChangeListener(e -> refresh());
        source.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                refresh();
            }
        });
        var filters = new Div(state, source);
        filters.addClassName("queue-filters");

        // one column of cards: each wraps its words to the page's width, whatever their length
        list.addComponentColumn(flag -> new FlagCard(flag, queues, this::refresh, handleForm::show))
                .setHeader(getTranslation("safeguarding.listName"));
        list.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_NO_ROW_BORDERS);
        list.setSelectionMode(Grid.SelectionMode.NONE);
        list.setItems(q -> queues.safeguardingQueue(partnershipId, filter(), q.getOffset(), q.getLimit()).stream(),
                q -> count());
        list.addClassName("flag-list");
        list.setId("safeguarding-queue");
        summary.setId("safeguarding-summary");
        empty.setText(getTranslation("safeguarding.empty"));
        empty.setId("safeguarding-empty");
        add(new H1(getTranslation("safeguarding.title")), new Paragraph(getTranslation("safeguarding.intro")), summary,
                new AlertsNotice(alerts), filters, handleForm, empty, list);
        LiveRefresh.on(this, signals, this::refresh).follow(Set.of(Topic.safeguarding(partnershipId)));
    }

    private QueueFilter filter() {
        QueueSource from = source.getValue();
        return from == null ? new QueueFilter(state.getValue(), null, null)
                : new QueueFilter(state.getValue(), from.surveyId(), from.workshopId());
    }

    private int count() {
        SafeguardingSummary now = queues.safeguardingSummary(partnershipId);
        summary.setText(getTranslation("safeguarding.summary", now.lastHour(), now.open(), now.total()));
        int count = queues.safeguardingCount(partnershipId, filter());
        empty.setVisible(count == 0);
        return count;
    }

    /** The surveys and workshops with flags; the one chosen stays chosen when the list is read again. */
    private void sources() {
        List<QueueSource> all = new ArrayList<>();
        all.add(EVERY_SOURCE);
        all.addAll(queues.safeguardingSources(partnershipId));
        QueueSource chosen = source.getValue();
        if (all.equals(shownSources)) {
            return;
        }
        shownSources = all;
        source.setItems(all);
        source.setValue(all.stream().filter(s -> Objects.equals(s, chosen)).findFirst().orElse(EVERY_SOURCE));
    }

    private String sourceName(QueueSource s) {
        if (s == null || s == EVERY_SOURCE || s.title().isEmpty()) {
            return getTranslation("safeguarding.everySource");
        }
        return s.workshop() ? getTranslation("safeguarding.fromWorkshop", s.title()) : s.title();
    }

    private void refresh() {
        sources();
        list.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("safeguarding.title") + " | " + getTranslation("app.name");
    }
}
