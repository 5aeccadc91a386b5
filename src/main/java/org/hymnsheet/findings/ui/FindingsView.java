package org.hymnsheet.findings.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.findings.FindingsFilter;
import org.hymnsheet.findings.FindingsService;
import org.hymnsheet.security.Role;

/**
 * Findings for strategic leads (and administrators; facilitators see those of what they ran): filters applied with
 * one button, then every section's panels, each a chart with its table, and downloads of what is shown: all tables
 * or one as CSV, the board report as PDF, and a print view.
 */
@Route("findings")
@RolesAllowed({Role.Names.LEAD, Role.Names.ADMIN, Role.Names.FACILITATOR})
public class FindingsView extends Main implements HasDynamicTitle {
    private final transient FindingsService findings;
    private final long partnershipId;
    private final Locale locale;
    private final FilterForm form;
    private final Paragraph showing = new Paragraph();
    private final Anchor print = new Anchor();
    private final Div results = new Div();
    private volatile FindingsFilter applied = FindingsFilter.ALL;

    FindingsView(FindingsService findings, AccountService accounts) {
        this.findings = findings;
        this.partnershipId = accounts.me().partnershipId();
        this.locale = getLocale();
        addClassNames("page", "findings-page");
        form = new FilterForm(findings.choices(partnershipId));
        var show = new Button(getTranslation("findings.show"), e -> show());
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        show.setId("findings-show");
        var filters = new Div(form, show);
        filters.addClassName("findings-filter-bar");

        var csv = new Anchor(download("findings.csv", "text/csv;charset=utf-8",
                out -> findings.csv(partnershipId, applied, null, locale, out)), getTranslation("findings.downloadCsv"));
        csv.setId("findings-csv");
        var pdf = new Anchor(download("findings.pdf", "application/pdf",
                out -> findings.pdf(partnershipId, applied, locale, out)), getTranslation("findings.downloadPdf"));
        pdf.setId("findings-pdf");
        print.setText(getTranslation("findings.printView"));
        print.setId("findings-print");
        var downloads = new Div(csv, pdf, print);
        downloads.addClassName("findings-downloads");
        showing.setId("findings-showing");
        add(new H1(getTranslation("findings.heading")), new Paragraph(getTranslation("findings.intro")), filters,
                showing, downloads, results);
        render();
    }

    private void show() {
        form.read().ifPresent(filter -> {
            applied = filter;
            render();
        });
    }

    private void render() {
        FindingsFilter filter = applied;
        showing.setText(getTranslation("findings.showing", form.describe()));
        print.setHref(RouteConfiguration.forSessionScope().getUrl(FindingsPrintView.class) + "?"
                + FilterParameters.of(filter).getQueryString());
        results.removeAll();
        results.add(new FindingsBody(findings.findings(partnershipId, filter, locale), locale,
                table -> download("findings-" + table.id() + ".csv", "text/csv;charset=utf-8",
                        out -> findings.csv(partnershipId, filter, table.id(), locale, out))));
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** A download streamed by the service (which checks access and writes the audit line) as it is made. */
    private static DownloadHandler download(String fileName, String type, Writer writer) {
        return (DownloadEvent event) -> {
            event.setFileName(fileName);
            event.setContentType(type);
            try (OutputStream out = event.getOutputStream()) {
                writer.write(out);
            }
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("findings.heading") + " | " + getTranslation("app.name");
    }
}
