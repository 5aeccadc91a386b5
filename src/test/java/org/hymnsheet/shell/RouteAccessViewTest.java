package org.hymnsheet.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.browserless.mocks.MockedUI;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.VaadinSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.shell.RouteAccessTable.Outcome;
import org.hymnsheet.shell.RouteAccessTable.Persona;
import org.hymnsheet.shell.RouteAccessTable.World;
import org.hymnsheet.testing.OnH2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every cell of {@link RouteAccessTable}, without a browser: each persona opens each route in a fresh UI, through the
 * app's router, its views built by Spring and its own navigation access control, and the page it gets is checked
 * for what a person would see (heading, address, staff layout or not) and for what it must never show or send.
 *
 * <p>The one thing decided before Vaadin is reached is the HTTP filter chain, which sends anonymous visitors of
 * every staff address to sign in; {@code RouteAccessMatrixTest} proves that over HTTP for the whole anonymous column
 * and in a real browser for a sample of every kind of outcome.
 */
@OnH2
class RouteAccessViewTest extends SpringBrowserlessTest {
    private static World world;

    @Autowired
    ApplicationContext spring;

    @BeforeEach
    void world() {
        if (world == null) {
            world = World.create(spring);
        }
    }

    @AfterEach
    void signOut() {
        TestWorld.anonymous();
    }

    @Test
    void the_table_covers_every_persona_and_every_route() {
        assertThat(RouteAccessTable.EXPECTED.keySet()).containsExactly(Persona.values());
        RouteAccessTable.EXPECTED.values().forEach(row ->
                assertThat(row.keySet()).containsExactlyElementsOf(RouteAccessTable.ROUTES));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Persona.class)
    void each_persona_gets_exactly_the_pages_the_table_allows(Persona persona) {
        var account = world.account(persona);
        if (account != null) {
            TestWorld.as(account);
        }
        List<Executable> checks = new ArrayList<>();
        RouteAccessTable.EXPECTED.get(persona).forEach((route, outcome) -> checks.add(() -> {
            try {
                check(persona, route, outcome);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(persona + " opening " + route + " should give " + outcome + ": "
                        + e.getMessage(), e);
            }
        }));
        assertAll(persona + " on every route", checks);
    }

    private void check(Persona persona, String route, Outcome expected) {
        if (persona == Persona.ANONYMOUS && route.equals("/no-such-page")) {
            // an address that is no route never reaches the router anonymously: the filter chain sends it to sign
            // in (RouteAccessMatrixTest); the router alone would show its "Page not found"
            open(route);
            assertThat(h1()).isEqualTo("Page not found");
            return;
        }
        var account = world.account(persona);
        String path = world.path(route);
        open(route);
        String where = persona + " opening " + route;
        switch (expected) {
            case LOGIN -> {
                assertThat(location()).as(where).isEqualTo("/login");
                assertThat(visible(LoginForm.class)).as(where).isTrue();
                assertThat(byId("sign-out")).as(where).isEmpty();
            }
            case OPEN, OPEN_LISTS_P -> {
                assertThat(h1()).as(where).containsPattern(RouteAccessTable.HEADINGS.get(route));
                assertThat(location()).as(where).isEqualTo(path);
                assertThat(visibleId("sign-out")).as(where).isTrue();
            }
            case DENIED -> {
                assertThat(h1()).as(where).isEqualTo("No access");
                assertThat(getCurrentView()).as(where).isInstanceOfAny(ForbiddenView.class, ServiceAccessDeniedView.class);
                assertThat(text()).as(where).contains("Your account does not have access to this page.");
                assertThat(all(Grid.class)).as(where).isEmpty();
                assertThat(Stream.of(TextField.class, EmailField.class, PasswordField.class).flatMap(c -> all(c).stream()))
                        .as(where).isEmpty();
            }
            case NOT_FOUND -> {
                assertThat(h1()).as(where).isEqualTo("Page not found");
                assertThat(getCurrentView()).as(where).isInstanceOf(NotFoundView.class);
                assertThat(text()).as(where).contains("There is no page at this address.");
            }
            case SURVEY_CODE -> {
                assertThat(h1()).as(where).isEqualTo("Take a survey");
                assertThat(visibleId("survey-code")).as(where).isTrue();
                assertThat(location()).as(where).isEqualTo(path);
                assertThat(byId("sign-out")).as(where).isEmpty();
            }
            case BOARD -> {
                assertThat(visibleId("board")).as(where).isTrue();
                assertThat(h1()).as(where).isEqualTo(world.pWorkshopTitle());
                assertThat(location()).as(where).isEqualTo(path);
                assertThat(byId("sign-out")).as(where).isEmpty();
            }
            case PRINT -> {
                assertThat(h1()).as(where).containsPattern(RouteAccessTable.HEADINGS.get(route));
                assertThat(location()).as(where).isEqualTo(path);
                assertThat(byId("sign-out")).as(where).isEmpty();
                assertThat(all(MainLayout.class)).as(where).isEmpty();
            }
            case HOME -> {
                assertThat(h1()).as(where).containsPattern(RouteAccessTable.HEADINGS.get("/"));
                assertThat(location()).as(where).isEqualTo("/");
                assertThat(visibleId("sign-out")).as(where).isTrue();
            }
            case WORKSHOP_JOIN -> {
                assertThat(h1()).as(where).isEqualTo("Join the workshop");
                assertThat(location()).as(where).isEqualTo(path);
                assertThat(byId("sign-out")).as(where).isEmpty();
            }
            case SURVEY_WELCOME -> {
                assertThat(visibleId("start")).as(where).isTrue();
                assertThat(location()).as(where).isEqualTo(path);
                assertThat(byId("sign-out")).as(where).isEmpty();
            }
            case TO_SURVEY_START -> {
                assertThat(location()).as(where).isEqualTo(path.substring(0, path.length() - "/questions".length()));
                assertThat(visibleId("start") || visibleId("survey-code")).as(where).isTrue();
                assertThat(byId("next")).as("%s shows no question", where).isEmpty();
                assertThat(byId("sign-out")).as(where).isEmpty();
            }
            case KIOSK_EXIT -> {
                assertThat(h1()).as(where).isEqualTo("Leave kiosk mode");
                assertThat(visibleId("kiosk-pin")).as(where).isTrue();
                assertThat(location()).as(where).isEqualTo(path);
                assertThat(byId("sign-out")).as(where).isEmpty();
                assertThat(byId("start")).as(where).isEmpty();
            }
            case STAFF_SIGN_OUT -> {
                assertThat(h1()).as(where).isEqualTo("You are signed in as staff");
                assertThat(visibleId("staff-sign-out")).as(where).isTrue();
                assertThat(location()).as(where).isEqualTo(path);
                for (String id : List.of("sign-out", "start", "survey-code")) {
                    assertThat(byId(id)).as("%s shows no #%s", where, id).isEmpty();
                }
                assertThat(all(Grid.class)).as(where).isEmpty();
                assertThat(sent()).as("%s shows nothing of the staff member", where).doesNotContain(account.email());
            }
            case YOU_SAID -> {
                assertThat(h1()).as(where).isEqualTo(world.pSurveyTitle());
                assertThat(visibleId("you-told-us")).as(where).isTrue();
                assertThat(visibleId("we-did")).as(where).isTrue();
                assertThat(location()).as(where).isEqualTo(path);
                assertThat(byId("sign-out")).as(where).isEmpty();
                assertThat(byId("start")).as(where).isEmpty();
            }
            case YOU_SAID_NOT_FOUND -> {
                assertThat(h1()).as(where).isEqualTo("Page not found");
                assertThat(text()).as(where).contains("We could not find this page. Check the link");
                assertThat(location()).as(where).isEqualTo(path);
                assertThat(byId("sign-out")).as(where).isEmpty();
                assertThat(byId("you-told-us")).as(where).isEmpty();
            }
            case SURVEY_NOT_FOUND -> {
                assertThat(h1()).as(where).isEqualTo("Survey not found");
                assertThat(text()).as(where).contains("We could not find this survey.");
                assertThat(location()).as(where).isEqualTo(path);
                assertThat(byId("sign-out")).as(where).isEmpty();
                assertThat(byId("start")).as(where).isEmpty();
            }
        }
        if (expected == Outcome.OPEN_LISTS_P) {
            assertThat(gridTexts()).as("%s lists P's own", where).containsAll(world.ownListing(route));
        }
        assertThat(text()).as("%s shows no stack trace", where).doesNotContain("Exception").doesNotContain("at org.");
        if (persona == Persona.ADMIN_OF_Q) {
            String sent = sent();
            for (String secret : world.secretsOfP()) {
                assertThat(sent).as("%s never shows or sends partnership P's %s", where, secret).doesNotContain(secret);
            }
        }
    }

    /** Opens the route's address in a fresh UI of the session, as a new browser tab would. */
    private void open(String route) {
        UI.getCurrent().navigate(world.path(route).substring(1));
    }

    /** The address the UI shows, with a leading slash and without a query. */
    private static String location() {
        return "/" + UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    /** The text of the one level-one heading. */
    private String h1() {
        List<H1> headings = all(H1.class);
        assertThat(headings).as("one level-one heading").hasSize(1);
        return headings.getFirst().getText();
    }

    /** All the text on the page (the UI's own element holds none: its content hangs under a wrapper). */
    private static String text() {
        return roots().map(Element::getTextRecursively).collect(java.util.stream.Collectors.joining("\n"));
    }

    /** The elements of what the UI shows: the layout, or the view of a route outside the layout. */
    private static Stream<Element> roots() {
        return UI.getCurrent().getChildren().map(Component::getElement);
    }

    private static <T extends Component> List<T> all(Class<T> type) {
        return components().filter(type::isInstance).map(type::cast).toList();
    }

    private static boolean visible(Class<? extends Component> type) {
        return all(type).stream().anyMatch(RouteAccessViewTest::shown);
    }

    private static Optional<Component> byId(String id) {
        return components().filter(c -> c.getId().filter(id::equals).isPresent()).findFirst();
    }

    private static boolean visibleId(String id) {
        return byId(id).filter(RouteAccessViewTest::shown).isPresent();
    }

    private static boolean shown(Component component) {
        for (Optional<Component> c = Optional.of(component); c.isPresent(); c = c.get().getParent()) {
            if (!c.get().isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Every component attached to the UI, layout and view, depth first. */
    private static Stream<Component> components() {
        List<Component> out = new ArrayList<>();
        roots().forEach(root -> collect(root, out));
        return out.stream();
    }

    private static void collect(Element element, List<Component> out) {
        element.getComponent().ifPresent(out::add);
        element.getChildren().forEach(child -> collect(child, out));
    }

    /** Every text of every row of every grid on the page. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<String> gridTexts() {
        List<String> texts = new ArrayList<>();
        for (Grid grid : all(Grid.class)) {
            GridTester tester = test(grid);
            for (int row = 0; row < tester.size(); row++) {
                for (int column = 0; column < grid.getColumns().size(); column++) {
                    try {
                        texts.add(tester.getCellText(row, column));
                    } catch (RuntimeException componentColumn) {
                        // a column of components has no text of its own
                    }
                }
            }
        }
        return texts;
    }

    /**
     * Everything the page would send to a browser: its title, every element's text, attributes and properties, every row
     * of every grid (more than a browser holds at once, which only shows the rows in view).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private String sent() {
        StringBuilder all = new StringBuilder(String.valueOf(UI.getCurrent().getInternals().getTitle())).append('\n');
        roots().forEach(root -> sent(root, all));
        for (Grid grid : all(Grid.class)) {
            GridTester tester = test(grid);
            for (int row = 0; row < tester.size(); row++) {
                all.append(tester.getRow(row)).append('\n');
            }
            all.append(String.join("\n", gridTexts()));
        }
        return all.toString();
    }

    private static void sent(Element element, StringBuilder all) {
        all.append(element.getText()).append('\n');
        element.getAttributeNames().forEach(a -> all.append(element.getAttribute(a)).append('\n'));
        element.getPropertyNames().forEach(p -> all.append(element.getPropertyRaw(p)).append('\n'));
        element.getChildren().forEach(child -> sent(child, all));
    }
}
