package org.hymnsheet.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a Vaadin Flow page over plain HTTP with the requests Chromium makes for it (watched on Vaadin 25.2 in
 * Chromium 156), so the server creates the same session and UI as for a browser, without a browser:
 *
 * <ol>
 *   <li>{@code GET /<route>}: the bootstrap page (Vaadin's index.html; sets the session cookie); for a page built
 *       with its request (decision 0033: the young people's and participants' pages) it already holds the UI's
 *       first UIDL with the view, and the next two requests are not made, as in the browser;</li>
 *   <li>{@code GET /?v-r=init&location=<route>&query=&v-sh=...}: Flow's init request with the browser details
 *       (screen and window size, time zone, ...); the server creates the UI and answers JSON with its first UIDL
 *       and the UI's security key;</li>
 *   <li>{@code POST /?v-r=uidl&v-uiId=0} with the {@code ui-navigate} event on node 1 (route and query): the
 *       server runs the router and answers with the view's UIDL, which must hold {@code expectedText};</li>
 *   <li>{@code POST /?v-r=uidl&v-uiId=0} with an empty {@code value-changed} or {@code checked-changed} event
 *       for each element the view gave such a listener: the events the web components fire when they upgrade
 *       in the browser.</li>
 * </ol>
 *
 * Not made: the static files (CSS, JavaScript; no session state) and the push script with the close message the
 * browser sends once the view has turned push off. Each page has its own HTTP client and cookie store, so its own
 * server session; the client is closed once the page is open and the client keeps nothing of it.
 */
final class VaadinPageClient {
    static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "HeadlessChrome/156.0.0.0 Safari/537.36";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\":(\\d+)");
    private static final Pattern UPGRADE_LISTENER = Pattern.compile(
            "\\{\"node\":(\\d+),\"type\":\"put\",\"key\":\"(value-changed|checked-changed)\",\"feat\":4,");

    /** What the server sent for one page: its session id, the bootstrap HTML, the init JSON, the view's UIDL. */
    record OpenedPage(String sessionId, String html, String init, String view, int requests) {}

    private VaadinPageClient() {}

    /**
     * Opens {@code route} (for example {@code k/abc}) on {@code base} (for example {@code http://localhost:8080/})
     * and fails unless the view's UIDL contains {@code expectedText}.
     */
    static OpenedPage open(URI base, String route, String expectedText) throws IOException, InterruptedException {
        var cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        try (HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(TIMEOUT).build()) {
            String html = send(http, get(base.resolve(route)).header("Accept", "text/html").build(), "the page");
            if (!html.contains("window.Vaadin")) {
                throw new IllegalStateException("Not a Vaadin bootstrap page at " + route + ":\n" + html);
            }
            String init;
            String view;
            int requests;
            if (SECURITY_KEY.matcher(html).find()) {
                // a page built with its request (decision 0033): the first UIDL, with the view, is in the HTML
                init = html;
                view = html;
                requests = 1;
            } else {
                init = send(http, get(base.resolve("?v-r=init&location=" + encode(route) + "&query="
                        + browserDetails())).build(), "the init request");
                view = null;
                requests = 3;
            }
            String key = find(SECURITY_KEY, init, "the security key", route);
            String uiId = find(UI_ID, init, "the UI id", route);
            URI uidl = base.resolve("?v-r=uidl&v-uiId=" + uiId);
            if (view == null) {
                view = send(http, post(uidl, """
                        {"csrfToken":"%s","rpc":[{"type":"event","node":1,"event":"ui-navigate","data":{"route":"%s",\
                        "query":"","appShellTitle":"","historyState":null,"trigger":""}}],"syncId":0,"clientId":0}"""
                        .formatted(key, route)), "the navigation");
            }
            if (!view.contains(expectedText)) {
                throw new IllegalStateException("The view at " + route + " does not contain \"" + expectedText
                        + "\":\n" + view);
            }
            List<String> events = new ArrayList<>();
            Matcher listener = UPGRADE_LISTENER.matcher(view);
            while (listener.find()) {
                events.addFirst("{\"type\":\"event\",\"node\":%s,\"event\":\"%s\",\"data\":{}}"
                        .formatted(listener.group(1), listener.group(2)));
            }
            if (!events.isEmpty()) {
                String syncId = find(SYNC_ID, view, "the sync id", route);
                send(http, post(uidl, "{\"csrfToken\":\"%s\",\"rpc\":[%s],\"syncId\":%s,\"clientId\":%d}"
                        .formatted(key, String.join(",", events), syncId, requests == 1 ? 0 : 1)), "the upgrade events");
                requests++;
            }
            String session = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No session cookie for " + route));
            return new OpenedPage(session, html, init, view, requests);
        }
    }

    private static HttpRequest.Builder get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("User-Agent", USER_AGENT)
                .header("Accept-Language", "en-GB,en;q=0.9").GET();
    }

    private static HttpRequest post(URI uri, String json) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("User-Agent", USER_AGENT)
                .header("Accept-Language", "en-GB,en;q=0.9").header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static String send(HttpClient http, HttpRequest request, String what) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(what + " (" + request.uri() + ") answered " + response.statusCode()
                    + ":\n" + response.body());
        }
        return response.body();
    }

    private static String find(Pattern pattern, String text, String what, String route) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("No " + what + " in the answer for " + route + ":\n" + text);
        }
        return m.group(1);
    }

    /** What Chromium 156 sends from a 1280×720 headless window (Flow.ts collectBrowserDetails). */
    private static String browserDetails() {
        return "&v-sh=720&v-sw=1280&v-wh=720&v-ww=1280&v-bh=720&v-bw=1280&v-curdate=" + System.currentTimeMillis()
                + "&v-tzo=0&v-dstd=0&v-rtzo=0&v-dston=false&v-tzid=UTC&v-wn="
                + encode("v-" + ThreadLocalRandom.current().nextDouble())
                + "&v-td=false&v-pr=1&v-np=" + encode("Linux x86_64") + "&v-cs=light&v-pv=VISIBLE"
                + "&v-fs=NOT_FULLSCREEN&v-so=landscape-primary&v-soa=0&v-tn=lumo&v-ga=UNSUPPORTED&v-wla=SUPPORTED"
                + "&v-ws=false";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
