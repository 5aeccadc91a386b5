package org.hymnsheet.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.accounts.PartnershipService;
import org.hymnsheet.common.ui.DateInput;
import org.hymnsheet.security.AuditAction;
import org.hymnsheet.security.AuditLine;
import org.hymnsheet.security.AuditLog;
import org.hymnsheet.security.AuditQuery;
import org.hymnsheet.security.Role;

/**
 * The partnership's audit log for its administrators (a platform administrator picks the partnership): newest
 * first, filtered by action and period, read page by page from the database as the list scrolls. Read only: no
 * service method edits or deletes a line.
 */
@Route("audit")
@RolesAllowed(Role.Names.ADMIN)
public class AuditView extends Main implements HasDynamicTitle {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss")
            .withZone(ZoneId.of("Europe/London"));
    private final transient AuditLog audit;
    private final PartnershipPicker picker;
    private final ComboBox<AuditAction> action = new ComboBox<>();
    private final DateInput from;
    private final DateInput to;
    private final Paragraph count = new Paragraph();
    private final Grid<AuditLine> grid = new Grid<>();
    private AuditQuery query = AuditQuery.ALL;

    AuditView(AuditLog audit, AccountService accounts, PartnershipService partnerships) {
        this.audit = audit;
        addClassName("page");
        picker = new PartnershipPicker(partnerships, accounts.me().partnershipId(), id -> refresh());
        action.setLabel(getTranslation("audit.action"));
        action.setPlaceholder(getTranslation("audit.anyAction"));
        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(a -> getTranslation("audit.action." + a.name()));
        action.setClearButtonVisible(true);
        action.setId("audit-action");
        from = new DateInput(getTranslation("audit.from"), "audit-from");
        to = new DateInput(getTranslation("audit.to"), "audit-to");
        var show = new Button(getTranslation("audit.filter"), e -> filter());
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        show.setId("audit-show");
        var filters = new Div(action, from, to, show);
        filters.addClassNames("form-actions", "findings-filter-bar");

        grid.addColumn(l -> WHEN.format(l.at())).setHeader(getTranslation("audit.when")).setAutoWidth(true);
        grid.addColumn(l -> l.actor().isEmpty() ? getTranslation("audit.system") : l.actor())
                .setHeader(getTranslation("audit.who")).setFlexGrow(2);
        grid.addColumn(l -> getTranslation("audit.action." + l.action().name())).setHeader(getTranslation("audit.action"))
                .setAutoWidth(true);
        grid.addColumn(AuditLine::target).setHeader(getTranslation("audit.target")).setFlexGrow(1);
        grid.addColumn(l -> l.detail() == null ? "" : l.detail()).setHeader(getTranslation("audit.detail")).setFlexGrow(2);
        // long names and filters wrap within their column, so the log never scrolls sideways
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("audit.empty"));
        grid.setPageSize(50);
        grid.setId("audit-log");
        grid.setItems(q -> audit.lines(picker.selectedId(), query, q.getOffset(), q.getLimit()).stream(),
                q -> total());
        count.setId("audit-count");
        add(new H1(getTranslation("audit.heading")), new Paragraph(getTranslation("audit.intro")), picker, filters,
                count, grid);
    }

    private int total() {
        int n = audit.count(picker.selectedId(), query);
        count.setText(getTranslation("audit.count", n));
        return n;
    }

    private void filter() {
        if (from.value().isPresent() && to.value().isPresent() && to.value().get().isBefore(from.value().get())) {
            to.setError(getTranslation("findings.periodInvalid"));
            return;
        }
        to.setError(null);
        query = new AuditQuery(action.getOptionalValue(), from.value(), to.value());
        refresh();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.heading") + " | " + getTranslation("app.name");
    }
}
