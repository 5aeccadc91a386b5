package org.hymnsheet.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hymnsheet.security.FirstScreenScripts;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;

/**
 * Puts a copy of a young person's or a participant's first screen into the page's HTML, so the phone shows the
 * words at once, with the page's styles, while Vaadin's scripts load behind them; the copy goes in the same moment
 * the page's own components appear (decision 0033).
 *
 * <p>For the pages marked {@link InPageHtml}, Vaadin builds the page on the server while answering the page's
 * request (Flow's "eager server load", here for those pages only): the first UIDL travels inside the HTML instead of
 * in a request of its own, and the copy is written from that same element tree. It is a picture, not a page: it holds
 * only what the page shows anyway (hidden elements are left out), it is {@code inert} (no focus, no clicks, nothing
 * for a screen reader), carries no ids, and Vaadin's own elements become plain boxes with their text, so nothing in
 * it is upgraded or moves when the scripts arrive. It sits over the page ({@code hymnsheet.css}), so the page's own
 * elements do not move when it goes either.
 *
 * <p>Staff pages and boards are built the usual way (their first request carries no UI).
 */
@org.springframework.stereotype.Component
public final class FirstPaint implements VaadinServiceInitListener {
    static final String ID = "hs-first-paint";
    /** How long after its first animation frame a page whose paint is not reported waits for it. */
    public static final int PAINT_WAIT_MILLIS = 1200;
    private static final Pattern SCRIPT_URL = Pattern.compile("\\./VAADIN/build/[\\w.-]+\\.js");
    private static final Set<String> LEFT_OUT = Set.of("id", "for", "tabindex", "href", "src", "srcset", "name",
            "value", "autofocus", "contenteditable");

    /** Marks a route whose first screen is built while answering the page's request and copied into its HTML. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface InPageHtml {}

    private final FirstScreenScripts scripts;

    FirstPaint(FirstScreenScripts scripts) {
        this.scripts = scripts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setBootstrapInitialPredicate(FirstPaint::inPageHtml);
        event.addIndexHtmlRequestListener(this::addCopy);
    }

    static boolean inPageHtml(VaadinRequest request) {
        String path = Optional.ofNullable(request.getPathInfo()).orElse("/");
        try {
            return RouteConfiguration.forApplicationScope().getRoute(path.startsWith("/") ? path.substring(1) : path)
                    .map(route -> route.isAnnotationPresent(InPageHtml.class)).orElse(false);
        } catch (RuntimeException e) {
            return false; // not a route: the page answers "not found" itself
        }
    }

    void addCopy(IndexHtmlResponse response) {
        // IndexHtmlResponse.getUI() answers only under the global eager setting; these pages are eager by predicate
        Optional<UI> ui = inPageHtml(response.getVaadinRequest()) ? Optional.ofNullable(UI.getCurrent()) : Optional.empty();
        if (ui.isEmpty()) {
            return;
        }
        List<?> chain = ui.get().getInternals().getActiveRouterTargetsChain();
        if (chain.isEmpty() || !(chain.getLast() instanceof Component outermost)) {
            return;
        }
        startScriptsAfterFirstPaint(response.getDocument().head(), scripts.urls(response.getVaadinRequest()));
        Element host = response.getDocument().body().prependElement("div").attr("id", ID).attr("inert", "")
                .attr("aria-hidden", "true");
        // a closed shadow root: nothing outside it (the page's scripts, a test's selectors) can find the copy's
        // elements; the page's own stylesheets, already loaded for the page, style it
        Element root = host.appendElement("template").attr("shadowrootmode", "closed");
        response.getDocument().head().select("link[rel=stylesheet]")
                .forEach(sheet -> root.appendElement("link").attr("rel", "stylesheet").attr("href", sheet.attr("href")));
        copy(outermost.getElement(), root);
        // runs with the first UIDL, right after the page's own elements are made: copy and page never show together
        ui.get().getPage().executeJs("document.getElementById($0)?.remove()", ID);
    }

    /**
     * No script is fetched before the copy has been painted: Vaadin's entry script and every script of the first
     * screen ({@code FirstScreenScripts}) are asked for as module preloads once the browser reports the first
     * contentful paint (the paint timing entry: the frame is on the screen), four per task. On a slow connection the
     * page's HTML and stylesheets then have the line to themselves and the words appear first; the scripts, fetched in
     * parallel, follow. (Named in the HTML, even at low priority, they shared the line with the stylesheets:
     * Lighthouse's mobile run counted all 200 KiB of them before the first and the largest paint, 2.2 s and up to 3.5 s
     * against about 1.3 s without them. Started in the task after the first animation frame, as until 2026-12-03, they
     * still came first whenever that frame took a while to reach the screen: in one Lighthouse run of three the first
     * paint waited a second behind their requests and parsing, and the page scored as if they were in the HTML.) Each
     * preload starts its request on the main thread: thirty in one task held it for 30–80 ms, a quarter of a second on
     * a phone four times slower, in which a tap waits. A tab opened in the background paints nothing and starts at
     * once; a page whose paint is not reported starts {@value #PAINT_WAIT_MILLIS} ms after its first animation frame, a
     * browser without paint timing right after it, and every page after 3 s at the latest. (The wait was 400 ms until
     * 2026-12-04: on a busy machine the frame was still being drawn then in about one Lighthouse run of three, and the
     * scripts' requests and parsing kept it off the screen for another second.)
     *
     * <p>The page's own elements are in the outlet from the first UIDL on (built with the page); when the client router
     * settles, about a second later, it appends them to the outlet again, and that detached the whole page for a
     * moment: a list someone had opened closed, a field lost its focus. The outlet keeps an element it already holds.
     * The element keeps its nonce ({@code ScriptNonces} may run before or after
     * this); the preloads it adds carry it too.
     */
    private static void startScriptsAfterFirstPaint(Element head, List<String> firstScreen) {
        Set<String> urls = new LinkedHashSet<>();
        for (Element preload : head.select("link[rel=modulepreload]")) { // Vaadin's own, or ours if we ran second
            urls.add(preload.attr("href"));
            preload.remove();
        }
        urls.addAll(firstScreen);
        for (Element entry : head.select("script[type=module][src]")) {
            String src = entry.attr("src");
            urls.add(src);
            String list = urls.stream().filter(url -> SCRIPT_URL.matcher(url).matches())
                    .map(url -> "'" + url + "'").collect(Collectors.joining(", "));
            if (!SCRIPT_URL.matcher(src).matches()) {
                continue; // not Vaadin's production entry (development mode): left as it is
            }
            entry.removeAttr("src").removeAttr("crossorigin").appendChild(new DataNode("""
                    {
                      const outlet = document.getElementById('outlet');
                      if (outlet) {
                        const append = outlet.appendChild;
                        outlet.appendChild = function (node) {
                          return node.parentNode === this ? node : append.call(this, node);
                        };
                      }
                      let started = false;
                      const start = () => {
                        if (started) return;
                        started = true;
                        const nonce = document.querySelector('script[nonce]')?.nonce;
                        const hrefs = [%s];
                        const batch = () => {
                          for (const href of hrefs.splice(0, 4)) {
                            const link = document.createElement('link');
                            link.rel = 'modulepreload';
                            link.crossOrigin = '';
                            if (nonce) link.nonce = nonce;
                            link.href = href;
                            document.head.append(link);
                          }
                          if (hrefs.length) setTimeout(batch);
                          else import('%s');
                        };
                        batch();
                      };
                      setTimeout(start, 3000);
                      if (document.visibilityState === 'hidden') {
                        start();
                      } else if (((window.PerformanceObserver || {}).supportedEntryTypes || []).includes('paint')) {
                        new PerformanceObserver((list, observer) => {
                          if (list.getEntriesByName('first-contentful-paint').length) {
                            observer.disconnect();
                            setTimeout(start);
                          }
                        }).observe({type: 'paint', buffered: true});
                        requestAnimationFrame(() => setTimeout(start, %d));
                      } else {
                        requestAnimationFrame(() => setTimeout(start));
                      }
                    }
                    """.formatted(list, src, PAINT_WAIT_MILLIS)));
        }
    }

    private static void copy(com.vaadin.flow.dom.Element from, Element to) {
        if (from.isTextNode()) {
            to.appendText(from.getText());
            return;
        }
        if (!from.isVisible() || from.hasAttribute("hidden") || from.getTag().equals("script")
                || from.getTag().equals("style")) {
            return;
        }
        boolean vaadins = from.getTag().contains("-");
        String label = vaadins ? from.getProperty("label") : null;
        if (label != null && !label.isBlank()) {
            to.appendElement("div").attr("data-part", "label").text(label);
        }
        Element out = to.appendElement(vaadins ? "div" : from.getTag());
        if (vaadins) {
            out.attr("data-tag", from.getTag());
            String helper = from.getProperty("helperText");
            if (helper != null && !helper.isBlank()) {
                to.appendElement("div").attr("data-part", "helper").text(helper);
            }
        }
        from.getAttributeNames()
                .filter(name -> !LEFT_OUT.contains(name) && !name.startsWith("aria-") && !name.startsWith("on"))
                .forEach(name -> out.attr(name, Optional.ofNullable(from.getAttribute(name)).orElse("")));
        from.getChildren().forEach(child -> copy(child, out));
    }
}
