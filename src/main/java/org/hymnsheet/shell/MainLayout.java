package org.hymnsheet.shell;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Set;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.accounts.ui.AccountsView;
import org.hymnsheet.accounts.ui.AgenciesView;
import org.hymnsheet.accounts.ui.AuditView;
import org.hymnsheet.accounts.ui.MyAccountView;
import org.hymnsheet.accounts.ui.PartnershipsView;
import org.hymnsheet.accounts.ui.PlacesView;
import org.hymnsheet.findings.ui.FindingsView;
import org.hymnsheet.live.LiveSignals;
import org.hymnsheet.live.Topic;
import org.hymnsheet.live.ui.LiveRefresh;
import org.hymnsheet.safeguarding.AlertService;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.ui.ModerationView;
import org.hymnsheet.surveys.ui.SafeguardingView;
import org.hymnsheet.surveys.ui.SurveysView;
import org.hymnsheet.surveys.ui.WeDidView;
import org.hymnsheet.findings.population.ui.PopulationView;
import org.hymnsheet.security.Staff;
import org.hymnsheet.templates.ui.TemplatesView;
import org.hymnsheet.workshops.ui.WorkshopsView;

/**
 * The frame around every staff page; its navigation shows only what the signed-in role may open. A safeguarding
 * lead also sees how many flags are open beside "Safeguarding queue", kept current by push.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {
    private final transient AlertService alerts;
    private final OpenFlagsCount openFlags = new OpenFlagsCount();

    MainLayout(AccountService accounts, AuthenticationContext auth, AlertService alerts, LiveSignals signals) {
        this.alerts = alerts;
        Staff me = accounts.me();
        var title = new Span(getTranslation("app.name"));
        title.addClassName("app-title");
        var signOut = new Button(getTranslation("nav.signOut"), e -> auth.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.setId("sign-out");
        var user = new Div(new Span(me.displayName()), signOut);
        user.addClassName("user-box");
        var toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("nav.menu"));
        addToNavbar(toggle, title, user);
        Div navigation = navigation(me);
        addToDrawer(new Scroller(navigation));
        setPrimarySection(Section.DRAWER);
        if (me.has(Role.SAFEGUARDING_LEAD)) {
            long partnership = me.partnershipId();
            showOpenFlags(partnership);
            LiveRefresh.on(navigation, signals, () -> showOpenFlags(partnership))
                    .follow(Set.of(Topic.safeguarding(partnership)));
        }
    }

    private void showOpenFlags(long partnership) {
        openFlags.show(alerts.openFlags(partnership));
    }

    /**
     * Administration is a second, labelled navigation rather than an expandable item: the expandable
     * vaadin-side-nav-item's toggle button points aria-controls at an id its shadow root does not have,
     * which accessibility checkers report as a critical error.
     */
    private Div navigation(Staff me) {
        var nav = new SideNav();
        nav.addItem(new SideNavItem(getTranslation("nav.home"), HomeView.class));
        if (me.has(Role.FACILITATOR) || me.has(Role.ADMIN)) {
            nav.addItem(new SideNavItem(getTranslation("nav.surveys"), SurveysView.class));
            nav.addItem(new SideNavItem(getTranslation("nav.workshops"), WorkshopsView.class));
            nav.addItem(new SideNavItem(getTranslation("nav.moderation"), ModerationView.class));
        }
        if (me.has(Role.LEAD) || me.has(Role.ADMIN) || me.has(Role.FACILITATOR)) {
            nav.addItem(new SideNavItem(getTranslation("nav.findings"), FindingsView.class));
        }
        if (me.has(Role.SAFEGUARDING_LEAD)) {
            var safeguarding = new SideNavItem(getTranslation("nav.safeguarding"), SafeguardingView.class);
            safeguarding.setSuffixComponent(openFlags);
            nav.addItem(safeguarding);
        }
        if (me.has(Role.ADMIN) || me.has(Role.FACILITATOR)) {
            nav.addItem(new SideNavItem(getTranslation("nav.templates"), TemplatesView.class));
        }
        if (me.has(Role.LEAD) || me.has(Role.ADMIN)) {
            nav.addItem(new SideNavItem(getTranslation("nav.weDid"), WeDidView.class));
        }
        nav.addItem(new SideNavItem(getTranslation("nav.myAccount"), MyAccountView.class));
        var navigation = new Div(nav);
        if (me.has(Role.ADMIN)) {
            var admin = new SideNav(getTranslation("nav.admin"));
            admin.addItem(new SideNavItem(getTranslation("nav.partnerships"), PartnershipsView.class));
            admin.addItem(new SideNavItem(getTranslation("nav.agencies"), AgenciesView.class));
            admin.addItem(new SideNavItem(getTranslation("nav.places"), PlacesView.class));
            admin.addItem(new SideNavItem(getTranslation("nav.population"), PopulationView.class));
            admin.addItem(new SideNavItem(getTranslation("nav.accounts"), AccountsView.class));
            admin.addItem(new SideNavItem(getTranslation("nav.audit"), AuditView.class));
            navigation.add(admin);
        }
        return navigation;
    }
}
