package org.hymnsheet.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import java.util.Map;
import org.hymnsheet.accounts.ui.AccountsView;
import org.hymnsheet.accounts.ui.AgenciesView;
import org.hymnsheet.accounts.ui.AuditView;
import org.hymnsheet.accounts.ui.MyAccountView;
import org.hymnsheet.accounts.ui.PartnershipsView;
import org.hymnsheet.accounts.ui.PlacesView;
import org.hymnsheet.findings.population.ui.PopulationView;
import org.hymnsheet.findings.ui.FindingsView;
import org.hymnsheet.surveys.ui.ModerationView;
import org.hymnsheet.surveys.ui.SafeguardingView;
import org.hymnsheet.surveys.ui.SurveysView;
import org.hymnsheet.surveys.ui.WeDidView;
import org.hymnsheet.templates.ui.TemplatesView;
import org.hymnsheet.workshops.ui.WorkshopsView;
import org.junit.jupiter.api.Test;

/** The menu's paths (strings, so the layout pulls no staff page into the first bundle) are the pages' routes. */
class MainLayoutTest {

    @Test
    void every_menu_path_is_the_route_of_its_page() {
        Map<String, Class<?>> menu = Map.ofEntries(Map.entry(MainLayout.SURVEYS, SurveysView.class),
                Map.entry(MainLayout.WORKSHOPS, WorkshopsView.class), Map.entry(MainLayout.MODERATION, ModerationView.class),
                Map.entry(MainLayout.FINDINGS, FindingsView.class), Map.entry(MainLayout.SAFEGUARDING, SafeguardingView.class),
                Map.entry(MainLayout.TEMPLATES, TemplatesView.class), Map.entry(MainLayout.WE_DID, WeDidView.class),
                Map.entry(MainLayout.MY_ACCOUNT, MyAccountView.class), Map.entry(MainLayout.PARTNERSHIPS, PartnershipsView.class),
                Map.entry(MainLayout.AGENCIES, AgenciesView.class), Map.entry(MainLayout.PLACES, PlacesView.class),
                Map.entry(MainLayout.POPULATION, PopulationView.class), Map.entry(MainLayout.ACCOUNTS, AccountsView.class),
                Map.entry(MainLayout.AUDIT, AuditView.class));
        menu.forEach((path, page) -> assertThat(page.getAnnotation(Route.class).value()).as(page.getSimpleName())
                .isEqualTo(path));
    }
}
