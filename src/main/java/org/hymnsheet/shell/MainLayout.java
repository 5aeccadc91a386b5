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
import org.hymnsheet.live.LiveSignals;
import org.hymnsheet.live.Topic;
import org.hymnsheet.live.ui.LiveRefresh;
import org.hymnsheet.safeguarding.AlertService;
import org.hymnsheet.security.Role;
import org.hymnsheet.security.Staff;

/**
 * The frame around every staff page; its navigation shows only what the signed-in role may open. A safeguarding
 * lead also sees how many flags are open beside "Safeguarding queue", kept current by push.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {
    /*
     * The menu names the staff pages by their paths, not their classes: Vaadin's production build puts every
     * component of a class the layout refers to into the bundle that every page loads first, so a class reference
     * here would make young people's pages download the staff pages' grids, combo boxes and charts.
     * MainLayoutTest checks each path against its page's @Route.
     */
    static final String SURVEYS = "surveys";
    static final String WORKSHOPS = "workshops";
    static final String MODERATION = "moderation";
    static final String FINDINGS = "findings";
    static final String SAFEGUARDING = "safeguarding";
    static final String TEMPLATES = "templates";
    static final String WE_DID = "we-did";
    static final String MY_ACCOUNT = "account";
    static final String PARTNERSHIPS = "admin/partnerships";
    static final String AGENCIES = "admin/agencies";
    static final String PLACES = "admin/places";
    static final String POPULATION = "admin/population";
    static final String ACCOUNTS = "admin/accounts";
    static final String AUDIT = "audit";
    static final String RETENTION = "admin/retention";
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
            nav.addItem(new SideNavItem(getTranslation("nav.surveys"), SURVEYS));
            nav.addItem(new SideNavItem(getTranslation("nav.workshops"), WORKSHOPS));
            nav.addItem(new SideNavItem(getTranslation("nav.moderation"), MODERATION));
        }
        if (me.has(Role.LEAD) || me.has(Role.ADMIN) || me.has(Role.FACILITATOR)) {
            nav.addItem(new SideNavItem(getTranslation("nav.findings"), FINDINGS));
        }
        if (me.has(Role.SAFEGUARDING_LEAD)) {
            var safeguarding = new SideNavItem(getTranslation("nav.safeguarding"), SAFEGUARDING);
            safeguarding.setSuffixComponent(openFlags);
            nav.addItem(safeguarding);
        }
        if (me.has(Role.ADMIN) || me.has(Role.FACILITATOR)) {
            nav.addItem(new SideNavItem(getTranslation("nav.templates"), TEMPLATES));
        }
        if (me.has(Role.LEAD) || me.has(Role.ADMIN)) {
            nav.addItem(new SideNavItem(getTranslation("nav.weDid"), WE_DID));
        }
        nav.addItem(new SideNavItem(getTranslation("nav.myAccount"), MY_ACCOUNT));
        var navigation = new Div(nav);
        if (me.has(Role.ADMIN)) {
            var admin = new SideNav(getTranslation("nav.admin"));
            admin.addItem(new SideNavItem(getTranslation("nav.partnerships"), PARTNERSHIPS));
            admin.addItem(new SideNavItem(getTranslation("nav.agencies"), AGENCIES));
            admin.addItem(new SideNavItem(getTranslation("nav.places"), PLACES));
            admin.addItem(new SideNavItem(getTranslation("nav.population"), POPULATION));
            admin.addItem(new SideNavItem(getTranslation("nav.accounts"), ACCOUNTS));
            admin.addItem(new SideNavItem(getTranslation("nav.retention"), RETENTION));
            admin.addItem(new SideNavItem(getTranslation("nav.audit"), AUDIT));
            navigation.add(admin);
        }
        return navigation;
    }
}
