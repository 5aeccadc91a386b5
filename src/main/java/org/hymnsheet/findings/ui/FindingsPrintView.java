package org.hymnsheet.findings.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.accounts.PartnershipService;
import org.hymnsheet.findings.FindingsFilter;
import org.hymnsheet.findings.FindingsService;
import org.hymnsheet.security.Role;

/**
 * The findings on one printable page, outside the staff layout (no navigation): the filter from the address, every
 * panel one after another with its chart and its table, and the rule's footnote. The print stylesheet hides the
 * two controls at the top and keeps panels from breaking across pages where it can.
 */
@Route(value = "findings/print", autoLayout = false)
@RolesAllowed({Role.Names.LEAD, Role.Names.ADMIN, Role.Names.FACILITATOR})
public class FindingsPrintView extends Main implements BeforeEnterObserver, HasDynamicTitle {
    private final transient FindingsService findings;
    private final long partnershipId;
    private final String partnership;

    FindingsPrintView(FindingsService findings, AccountService accounts, PartnershipService partnerships) {
        this.findings = findings;
        this.partnershipId = accounts.me().partnershipId();
        this.partnership = partnerships.get(partnershipId).name();
        addClassNames("findings-print");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        FindingsFilter filter = FilterParameters.read(event.getLocation().getQueryParameters());
        removeAll();
        var printButton = new Button(getTranslation("findings.print.print"),
                e -> getElement().executeJs("window.print()"));
        printButton.setId("findings-print-now");
        var controls = new Div(printButton, new RouterLink(getTranslation("findings.print.back"), FindingsView.class));
        controls.addClassNames("findings-no-print", "findings-print-controls");
        var filterLine = new Paragraph(getTranslation("findings.pdf.filter", filter.describe()));
        filterLine.setId("findings-print-filter");
        add(controls, new H1(getTranslation("findings.print.heading", partnership)), filterLine,
                new FindingsBody(findings.findings(partnershipId, filter, getLocale()), getLocale(), null));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("findings.print.heading", partnership) + " | " + getTranslation("app.name");
    }
}
