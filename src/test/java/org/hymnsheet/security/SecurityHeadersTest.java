package org.hymnsheet.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The headers of every kind of response, read over real HTTP: the bootstrap page's script nonce, the baseline policy
 * elsewhere, and HSTS with Secure cookies only when the request came over TLS (here: the X-Forwarded-Proto of a proxy
 * named in hymnsheet.trusted-proxies, which Tomcat's RemoteIpValve turns into a secure request).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:security-headers;DB_CLOSE_DELAY=-1",
        "hymnsheet.trusted-proxies=127.0.0.1/32,::1/128"})
class SecurityHeadersTest {
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final Pattern NONCE = Pattern.compile("script-src 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic' 'unsafe-eval'");

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    FirstScreenScripts scripts;

    HttpResponse<String> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void the_bootstrap_page_runs_only_scripts_that_carry_its_own_fresh_nonce() throws Exception {
        var first = get("/login");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().allValues("Content-Security-Policy")).hasSize(1);
        String policy = header(first, "Content-Security-Policy");
        Matcher m = NONCE.matcher(policy);
        assertThat(m.find()).as(policy).isTrue();
        String nonce = m.group(1);
        assertThat(policy).doesNotContain("'unsafe-inline' 'strict").contains("frame-ancestors 'none'")
                .contains("object-src 'none'").contains("base-uri 'self'");

        List<String> scripts = Pattern.compile("<script\\b[^>]*>").matcher(first.body()).results()
                .map(r -> r.group()).toList();
        assertThat(scripts).isNotEmpty().allSatisfy(tag -> assertThat(tag).contains("nonce=\"" + nonce + "\""));

        Matcher again = NONCE.matcher(header(get("/login"), "Content-Security-Policy"));
        assertThat(again.find()).isTrue();
        assertThat(again.group(1)).as("a new nonce for every page").isNotEqualTo(nonce);
    }

    @Test
    void every_script_of_a_first_screen_is_named_at_once_in_the_html_or_after_the_first_frame_each_with_the_nonce() throws Exception {
        // a staff page shows nothing without its scripts: they are named in its HTML, fetched with the stylesheets
        var staff = get("/login");
        Matcher staffNonce = NONCE.matcher(header(staff, "Content-Security-Policy"));
        assertThat(staffNonce.find()).isTrue();
        var staffHtml = org.jsoup.Jsoup.parse(staff.body());
        assertThat(staffHtml.select("link[rel=modulepreload]")).hasSizeGreaterThan(5)
                .allSatisfy(link -> assertThat(link.attr("nonce")).isEqualTo(staffNonce.group(1)));
        for (String file : scripts.forRoute(org.hymnsheet.security.ui.LoginView.class)) {
            assertThat(staffHtml.select("link[rel=modulepreload][href=./VAADIN/build/" + file + "], script[src=./VAADIN/build/" + file + "]"))
                    .as(file).hasSize(1);
        }

        // a young person's page paints its words from the HTML: the same list is asked for after the first frame
        var page = get("/join");
        Matcher m = NONCE.matcher(header(page, "Content-Security-Policy"));
        assertThat(m.find()).isTrue();
        var html = org.jsoup.Jsoup.parse(page.body());
        assertThat(html.select("link[rel=modulepreload]")).as("nothing fetched before the first paint but the styles").isEmpty();
        var loader = html.select("script[type=module]:not([src])").stream()
                .filter(s -> s.data().contains("modulepreload")).findFirst().orElseThrow();
        assertThat(loader.attr("nonce")).isEqualTo(m.group(1));
        assertThat(loader.data()).contains("link.nonce = nonce").contains("getEntriesByName('first-contentful-paint')")
                .contains("hrefs.splice(0, 4)");
        List<String> files = scripts.forRoute(org.hymnsheet.workshops.ui.JoinCodeView.class);
        assertThat(files).as("Flow's bootstrap, client and first bundle")
                .anyMatch(f -> f.startsWith("FlowClient-")).anyMatch(f -> f.startsWith("FlowBootstrap-"))
                .anyMatch(f -> f.startsWith("generated-flow-imports-"));
        for (String file : files) {
            assertThat(loader.data()).as(file).contains("'./VAADIN/build/" + file + "'");
            assertThat(get("/VAADIN/build/" + file).statusCode()).as(file).isEqualTo(200);
        }
        // the survey's questions and the kiosk's PIN page have chunks of their own too (decision 0035): a bundle not
        // rebuilt after a page was split off has none for them, and the page's components would never be defined
        for (var route : List.of(org.hymnsheet.workshops.ui.PhoneTextScripts.class, org.hymnsheet.workshops.ui.PhoneChoiceScripts.class, org.hymnsheet.surveys.ui.KioskView.class,
                org.hymnsheet.surveys.ui.RespondView.class, org.hymnsheet.surveys.ui.RespondQuestionsView.class,
                org.hymnsheet.surveys.ui.KioskQuestionsView.class, org.hymnsheet.surveys.ui.CodeQuestionsView.class,
                org.hymnsheet.surveys.ui.KioskExitView.class, org.hymnsheet.workshops.ui.JoinView.class)) {
            assertThat(scripts.hasChunk(route)).as(route.getSimpleName() + "'s chunk found in the bundle").isTrue();
        }
        // a survey's welcome screen (by link, on a kiosk, after a code) does not bring the questions' components, the
        // kiosk's dialogs: setting them up was most of the blocking time of a young person's first
        // screen (decision 0035); the questions' own page does bring them
        var questionsOnly = List.of("vaadin-radio-group", "vaadin-checkbox-group", "vaadin-text-area", "vaadin-dialog",
                "vaadin-progress-bar");
        for (Class<?> welcome : List.<Class<?>>of(org.hymnsheet.surveys.ui.RespondView.class, org.hymnsheet.surveys.ui.KioskView.class,
                org.hymnsheet.surveys.ui.CodeView.class)) {
            assertThat(scripts.forRoute(welcome)).as(welcome.getSimpleName() + "'s scripts")
                    .noneMatch(file -> questionsOnly.stream().anyMatch(file::startsWith));
        }
        // nor does the page for typing a workshop's code bring the agency list and the level choice of the next step
        assertThat(scripts.forRoute(org.hymnsheet.workshops.ui.JoinCodeView.class)).as("/join's scripts")
                .noneMatch(file -> file.startsWith("selectConnector") || file.startsWith("vaadin-radio-group"));
        assertThat(scripts.forRoute(org.hymnsheet.workshops.ui.JoinView.class)).as("/join/<code>'s scripts")
                .anyMatch(file -> file.startsWith("selectConnector")).anyMatch(file -> file.startsWith("vaadin-radio-group"));
        // a participant's page opens on "You're in": the stages' fields come in a chunk of their own, when a stage shows
        assertThat(scripts.forRoute(org.hymnsheet.workshops.ui.ParticipantView.class)).as("/w/<code>'s scripts")
                .noneMatch(file -> file.startsWith("selectConnector") || file.startsWith("vaadin-radio-group")
                        || file.startsWith("vaadin-text-area") || file.startsWith("vaadin-checkbox-group"));
        // the first stage (framing) needs only the text area; the other stages' choice fields are a chunk of their own
        assertThat(scripts.forRoute(org.hymnsheet.workshops.ui.PhoneTextScripts.class)).as("the text area's scripts")
                .anyMatch(file -> file.startsWith("vaadin-text-area"))
                .noneMatch(file -> file.startsWith("selectConnector") || file.startsWith("vaadin-radio-group")
                        || file.startsWith("vaadin-checkbox-group"));
        assertThat(scripts.forRoute(org.hymnsheet.workshops.ui.PhoneChoiceScripts.class)).as("the choice fields' scripts")
                .anyMatch(file -> file.startsWith("vaadin-radio-group")).anyMatch(file -> file.startsWith("selectConnector"))
                .anyMatch(file -> file.startsWith("vaadin-checkbox-group"));
        assertThat(scripts.forRoute(org.hymnsheet.surveys.ui.RespondQuestionsView.class)).as("the questions' scripts")
                .anyMatch(file -> file.startsWith("vaadin-radio-group")).anyMatch(file -> file.startsWith("vaadin-text-area"));
    }

    @Test
    void a_young_persons_page_arrives_with_its_first_screen_painted_in_the_html_and_a_staff_page_does_not() throws Exception {
        var page = get("/join");
        var html = org.jsoup.Jsoup.parse(page.body());
        var copy = html.getElementById("hs-first-paint");
        assertThat(copy).as("the copy of the first screen").isNotNull();
        assertThat(copy.hasAttr("inert")).isTrue();
        assertThat(copy.select("h1").text()).isEqualTo("Join the workshop");
        assertThat(copy.select("template[shadowrootmode=closed]")).as("out of reach of the page's scripts and selectors")
                .hasSize(1);
        assertThat(copy.select("template [id], template [tabindex], template [for]")).as("no ids, focus or labels that could clash with the page's own").isEmpty();
        assertThat(copy.select("vaadin-button, vaadin-text-field")).as("Vaadin's elements are plain boxes in the copy").isEmpty();
        assertThat(copy.select("[data-tag=vaadin-button]").text()).isEqualTo("Next");
        // the page's own UI is built with the page: its first UIDL is in the HTML, with the call that removes the copy
        assertThat(page.body()).contains("hs-first-paint").contains("flow-container-root");
        Matcher m = NONCE.matcher(header(page, "Content-Security-Policy"));
        assertThat(m.find()).isTrue();
        var entry = html.select("script[type=module]:not([src])").stream()
                .filter(s -> s.data().contains("requestAnimationFrame")).findFirst();
        assertThat(entry).as("Vaadin's entry script, started after the first frame").isPresent();
        assertThat(entry.get().attr("nonce")).isEqualTo(m.group(1));
        String src = entry.get().data().replaceAll("(?s).*import\\('([^']+)'\\).*", "$1");
        assertThat(entry.get().data()).as("preloaded with the rest of the first screen's scripts").contains("'" + src + "',")
                .doesNotContain("fetchpriority");

        // what the address carries reaches the page (the copy and the first UIDL in the HTML) only as text
        for (String path : List.of("/join/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", "/join/%3C%2Fscript%3E%3Cb%3Ex")) {
            var hostile = org.jsoup.Jsoup.parse(get(path).body());
            assertThat(hostile.select("img, b, [onerror]")).as(path).isEmpty();
            assertThat(hostile.select("script:not([src])")).as(path).allSatisfy(script ->
                    assertThat(script.data()).doesNotContain("</script"));
        }

        var staff = org.jsoup.Jsoup.parse(get("/login").body());
        assertThat(staff.getElementById("hs-first-paint")).isNull();
        assertThat(staff.select("script[type=module][src]")).isNotEmpty();
    }

    @Test
    void every_kind_of_response_says_nosniff_no_referrer_no_index_and_may_not_be_framed_at_all() throws Exception {
        for (String path : List.of("/login", "/actuator/health", "/s/no-such-survey", "/workshops",
                "/VAADIN/no-such-file.js", "/favicon.ico", "/robots.txt", "/s/")) {
            var response = get(path);
            assertThat(header(response, "X-Robots-Tag")).as(path).isEqualTo("noindex, nofollow");
            assertThat(header(response, "X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(header(response, "Referrer-Policy")).as(path).isEqualTo("no-referrer");
            assertThat(header(response, "Permissions-Policy")).as(path).contains("camera=()").contains("geolocation=()");
            assertThat(header(response, "X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(header(response, "Content-Security-Policy")).as(path).contains("frame-ancestors 'none'")
                    .contains("default-src 'self'").doesNotContain("unsafe-inline' 'unsafe-eval");
            assertThat(header(response, "Strict-Transport-Security")).as(path + " over plain HTTP").isNull();
        }
        assertThat(header(get("/actuator/health"), "Content-Security-Policy")).contains("script-src 'self'");
    }

    @Test
    void over_tls_through_a_trusted_proxy_the_answer_asks_for_tls_and_the_session_cookie_is_secure() throws Exception {
        var response = get("/login", "X-Forwarded-Proto", "https");
        assertThat(header(response, "Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
        String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");

        String plain = get("/login").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(plain).as("plain HTTP, as on a laptop at localhost").doesNotContain("Secure").contains("HttpOnly");
    }

    @Test
    void the_session_id_never_travels_in_an_address() throws Exception {
        for (String path : List.of("/VAADIN/no-such-file.js", "/workshops", "/admin/accounts", "/")) {
            var response = get(path);
            assertThat(header(response, "Location")).as(path).satisfiesAnyOf(
                    location -> assertThat(location).isNull(),
                    location -> assertThat(location).doesNotContainIgnoringCase("jsessionid"));
            assertThat(response.body()).as(path).doesNotContainIgnoringCase("jsessionid=");
        }
    }

    @Test
    void pages_are_not_kept_by_the_browser_cache_but_the_bundle_is() throws Exception {
        for (String path : List.of("/login", "/s/no-such-survey", "/join")) {
            assertThat(header(get(path), "Cache-Control")).as(path).contains("no-store");
        }
        Matcher bundle = Pattern.compile("<script type=\"module\"[^>]* src=\"([^\"]+)\"").matcher(get("/login").body());
        assertThat(bundle.find()).isTrue();
        String path = "/" + bundle.group(1).replaceFirst("^\\.?/", "");
        var script = get(path);
        assertThat(script.statusCode()).as(path).isEqualTo(200);
        assertThat(String.valueOf(header(script, "Cache-Control"))).as(path).doesNotContain("no-store");
    }

    @Test
    void stylesheets_and_scripts_go_compressed_but_pages_do_not_and_there_is_a_favicon() throws Exception {
        String page = get("/login").body();
        Matcher lumo = Pattern.compile("<link[^>]+href=\"([^\"]*lumo[^\"]*\\.css[^\"]*)\"").matcher(page);
        assertThat(lumo.find()).as("the Lumo stylesheet is linked from the page").isTrue();
        Matcher bundle = Pattern.compile("<script type=\"module\"[^>]* src=\"([^\"]+)\"").matcher(page);
        assertThat(bundle.find()).isTrue();
        for (String asset : List.of(lumo.group(1), bundle.group(1))) {
            String path = "/" + asset.replaceFirst("^\\.?/", "");
            var response = get(path, "Accept-Encoding", "gzip");
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(header(response, "Content-Encoding")).as(path).isEqualTo("gzip");
        }
        // the page itself carries the session's token beside what a visitor can influence: never compressed (BREACH)
        assertThat(header(get("/login", "Accept-Encoding", "gzip"), "Content-Encoding")).isNull();

        var icon = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/favicon.ico")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(header(icon, "Content-Type")).startsWith("image/");
        assertThat(icon.body()).startsWith(0, 0, 1, 0);
    }

    /**
     * A page whose session has ended closes its push connection as it unloads; that request must not start a session,
     * or its cookie can replace the next page's (which then reloads itself): see {@code EndedSessionPushClose}.
     */
    @Test
    void closing_the_push_connection_of_a_page_whose_session_has_ended_starts_no_session() throws Exception {
        String close = "/VAADIN/push?v-r=push&v-uiId=0&v-pushId=ended&X-Atmosphere-Transport=close"
                + "&X-Atmosphere-tracking-id=ended&X-Vaadin-LastSeenServerSyncId=3";
        for (String cookie : List.of("JSESSIONID=0123456789ABCDEF0123456789ABCDEF", "")) {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + close))
                    .POST(HttpRequest.BodyPublishers.noBody());
            if (!cookie.isEmpty()) {
                request.header("Cookie", cookie);
            }
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(cookie).isLessThan(300);
            assertThat(response.headers().allValues("Set-Cookie")).as(cookie)
                    .noneMatch(c -> c.startsWith("JSESSIONID"));
        }
    }

    /**
     * Search engines are asked to stay out of everything, and a young person's address with its code or link cut
     * off goes to the page where a code is typed, not to the staff sign-in page.
     */
    @Test
    void robots_are_kept_out_and_a_young_persons_address_without_its_code_goes_where_a_code_is_typed() throws Exception {
        var robots = get("/robots.txt");
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(header(robots, "Content-Type")).startsWith("text/plain");
        assertThat(robots.body()).isEqualTo("User-agent: *\nDisallow: /\n");
        for (var bare : java.util.Map.of("/s/", "/survey", "/s", "/survey", "/k/", "/survey", "/k", "/survey",
                "/w/", "/join", "/w", "/join").entrySet()) {
            var response = get(bare.getKey());
            assertThat(response.statusCode()).as(bare.getKey()).isEqualTo(303);
            assertThat(header(response, "Location")).as(bare.getKey()).endsWith(bare.getValue())
                    .doesNotContain("login");
            assertThat(response.headers().allValues("Set-Cookie")).as(bare.getKey()).isEmpty();
        }
        // anything longer is the page's own business: an unknown survey link is a page that says so
        assertThat(get("/s/no-such-survey").statusCode()).isEqualTo(200);
    }
}
