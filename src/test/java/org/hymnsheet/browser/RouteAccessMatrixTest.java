package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.shell.RouteAccessTable;
import org.hymnsheet.shell.RouteAccessTable.Outcome;
import org.hymnsheet.shell.RouteAccessTable.Persona;
import org.hymnsheet.shell.RouteAccessTable.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Who may open which page, behind the real filter chain: the whole anonymous column of {@link RouteAccessTable}
 * over HTTP (which addresses the filter chain sends to sign in before the app is reached), and in a real browser
 * a sample of the table with every kind of outcome in it, each persona signing in once as a person would.
 * {@code RouteAccessViewTest} checks every cell of the table without a browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-route-matrix;DB_CLOSE_DELAY=-1")
class RouteAccessMatrixTest extends BrowserTestSupport {

    /**
     * The cells opened in a browser: every kind of outcome at least once, the sign-in redirect of an anonymous
     * visitor (for a staff page and for an address that is no page), a signed-in person sent from setup to sign in,
     * a refusal by the role and a refusal by the partnership, and everything P lists or must hide.
     */
    static final Map<Persona, List<String>> SAMPLE = samples(
            Persona.ANONYMOUS, List.of("/admin/accounts", "/no-such-page", "/survey", "/s/unknown-token", "/k/{k}",
                    "/join", "/you-said/{r}", "/you-said/unknown-token", "/s/{s}/questions", "/k/{k}/staff"),
            Persona.FACILITATOR, List.of("/workshops", "/admin/accounts", "/no-such-page", "/s/{s}", "/second-factor",
                    "/findings/print", "/workshops/{w}/board", "/setup"),
            Persona.ADMIN_OF_P, List.of("/admin/agencies", "/admin/accounts"),
            Persona.ADMIN_OF_Q, List.of("/workshops/{w}", "/admin/agencies"));

    static World world;

    @Autowired
    ApplicationContext spring;

    @BeforeEach
    void world() {
        if (world == null) {
            world = World.create(spring);
        }
    }

    @Test
    void the_sample_has_every_kind_of_outcome() {
        Set<Outcome> sampled = EnumSet.noneOf(Outcome.class);
        SAMPLE.forEach((persona, routes) -> routes.forEach(r -> sampled.add(RouteAccessTable.expected(persona, r))));
        assertThat(sampled).containsExactlyInAnyOrder(Outcome.values());
    }

    /**
     * Over HTTP, without a session: every address the table sends an anonymous visitor to sign in for is redirected
     * there by the filter chain before the app is reached, and every other one is served.
     */
    @Test
    void the_filter_chain_sends_anonymous_visitors_to_sign_in_exactly_where_the_table_says() throws Exception {
        var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        List<Executable> checks = new ArrayList<>();
        RouteAccessTable.EXPECTED.get(Persona.ANONYMOUS).forEach((route, outcome) -> checks.add(() -> {
            var response = http.send(HttpRequest.newBuilder(URI.create(url(world.path(route)))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = response.headers().firstValue("Location").orElse("");
            String where = "anonymous GET " + route + " (" + outcome + ")";
            // the sign-in page itself, and setup (which the app forwards to sign in once installed), are served
            if (outcome == Outcome.LOGIN && !route.equals("/login") && !route.equals("/setup")) {
                assertThat(response.statusCode()).as(where).isEqualTo(302);
                assertThat(location).as(where).matches(at("/login").pattern());
            } else {
                assertThat(response.statusCode()).as(where).isEqualTo(200);
                assertThat(location).as(where).isEmpty();
            }
            assertThat(response.body()).as("%s shows no stack trace", where).doesNotContain("Exception");
        }));
        assertAll("anonymous over HTTP", checks);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampledPersonas")
    void each_persona_gets_the_pages_the_table_allows_in_a_browser(Persona persona) {
        TestWorld.Persona account = world.account(persona);
        if (account != null) {
            signInToHome(page, account.email(), TestWorld.PASSWORD);
        }
        List<Executable> checks = new ArrayList<>();
        SAMPLE.get(persona).forEach(route -> checks.add(() -> {
            Outcome outcome = RouteAccessTable.expected(persona, route);
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
        String path = world.path(route);
        page.navigate(url(path));
        String where = persona + " opening " + route;
        switch (expected) {
            case LOGIN -> {
                assertThat(page).hasURL(at("/login"));
                assertThat(page.locator("vaadin-login-form")).isVisible();
                assertThat(page.locator("#sign-out")).hasCount(0);
            }
            case OPEN, OPEN_LISTS_P -> {
                assertThat(heading(page)).hasText(RouteAccessTable.HEADINGS.get(route));
                assertThat(page).hasURL(at(path));
                assertThat(page.locator("#sign-out")).isVisible();
            }
            case DENIED -> {
                assertThat(heading(page)).hasText("No access");
                assertThat(page.locator("main")).containsText("Your account does not have access to this page.");
                assertThat(page.locator("vaadin-grid")).hasCount(0);
                assertThat(page.locator("vaadin-text-field, vaadin-email-field, vaadin-password-field")).hasCount(0);
            }
            case NOT_FOUND -> {
                assertThat(heading(page)).hasText("Page not found");
                assertThat(page.locator("main")).containsText("There is no page at this address.");
            }
            case SURVEY_CODE -> {
                assertThat(heading(page)).hasText("Take a survey");
                assertThat(page.locator("#survey-code")).isVisible();
                assertThat(page).hasURL(at(path));
                assertThat(page.locator("#sign-out")).hasCount(0);
            }
            case BOARD -> {
                assertThat(page.locator("#board")).isVisible();
                assertThat(heading(page)).hasText(world.pWorkshopTitle());
                assertThat(page).hasURL(at(path));
                assertThat(page.locator("#sign-out")).hasCount(0);
            }
            case PRINT -> {
                assertThat(heading(page)).hasText(RouteAccessTable.HEADINGS.get(route));
                assertThat(page).hasURL(at(path));
                assertThat(page.locator("#sign-out, vaadin-app-layout")).hasCount(0);
            }
            case HOME -> {
                assertThat(heading(page)).hasText(RouteAccessTable.HEADINGS.get("/"));
                assertThat(page).hasURL(at("/"));
                assertThat(page.locator("#sign-out")).isVisible();
            }
            case WORKSHOP_JOIN -> {
                assertThat(heading(page)).hasText("Join the workshop");
                assertThat(page).hasURL(at(path));
                assertThat(page.locator("#sign-out")).hasCount(0);
            }
            case SURVEY_WELCOME -> {
                assertThat(page.locator("#start")).isVisible();
                assertThat(page).hasURL(at(path));
                assertThat(page.locator("#sign-out")).hasCount(0);
            }
            case TO_SURVEY_START -> {
                assertThat(page.locator("#start, #survey-code")).isVisible();
                assertThat(page).hasURL(at(path.substring(0, path.length() - "/questions".length())));
                assertThat(page.locator("#next, #sign-out")).hasCount(0);
            }
            case KIOSK_EXIT -> {
                assertThat(heading(page)).hasText("Leave kiosk mode");
                assertThat(page.locator("#kiosk-pin")).isVisible();
                assertThat(page).hasURL(at(path));
                assertThat(page.locator("#start, #sign-out")).hasCount(0);
            }
            case STAFF_SIGN_OUT -> {
                assertThat(heading(page)).hasText("You are signed in as staff");
                assertThat(page.locator("#staff-sign-out")).isVisible();
                assertThat(page).hasURL(at(path));
                assertThat(page.locator("#sign-out, #start, #survey-code, vaadin-grid")).hasCount(0);
                assertThat(page.content()).as("%s shows nothing of the staff member", where)
                        .doesNotContain(world.account(persona).email());
            }
            case YOU_SAID -> {
                assertThat(heading(page)).hasText(world.pSurveyTitle());
                assertThat(page.locator("#you-told-us")).isVisible();
                assertThat(page.locator("#we-did")).isVisible();
                assertThat(page).hasURL(at(path));
                assertThat(page.locator("#sign-out, #start")).hasCount(0);
            }
            case YOU_SAID_NOT_FOUND -> {
                assertThat(heading(page)).hasText("Page not found");
                assertThat(page.locator("main")).containsText("We could not find this page. Check the link");
                assertThat(page).hasURL(at(path));
                assertThat(page.locator("#sign-out, #you-told-us")).hasCount(0);
            }
            case SURVEY_NOT_FOUND -> {
                assertThat(heading(page)).hasText("Survey not found");
                assertThat(page.locator("main")).containsText("We could not find this survey.");
                assertThat(page).hasURL(at(path));
                assertThat(page.locator("#sign-out")).hasCount(0);
                assertThat(page.locator("#start")).hasCount(0);
            }
        }
        if (expected == Outcome.OPEN_LISTS_P) {
            for (String text : world.ownListing(route)) {
                assertThat(page.locator("vaadin-grid-cell-content").getByText(text, FirstRunJourneyTest.exact()))
                        .isVisible();
            }
        }
        String body = page.locator("body").innerText();
        assertThat(body).as("%s shows no stack trace", where).doesNotContain("Exception").doesNotContain("at org.");
        if (persona == Persona.ADMIN_OF_Q) {
            for (String secret : world.secretsOfP()) {
                assertThat(body).as("%s never shows partnership P's %s", where, secret).doesNotContain(secret);
            }
            assertThat(page.content()).as("%s never sends P's agency to the browser", where)
                    .doesNotContain(world.pAgency());
        }
    }

    static java.util.stream.Stream<Persona> sampledPersonas() {
        return SAMPLE.keySet().stream();
    }

    private static Map<Persona, List<String>> samples(Object... personasAndRoutes) {
        Map<Persona, List<String>> samples = new LinkedHashMap<>();
        for (int i = 0; i < personasAndRoutes.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> routes = (List<String>) personasAndRoutes[i + 1];
            samples.put((Persona) personasAndRoutes[i], routes);
        }
        return samples;
    }
}
