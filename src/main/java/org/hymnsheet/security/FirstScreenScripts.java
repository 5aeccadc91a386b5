package org.hymnsheet.security;


import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Names in each page's HTML every script of Vaadin's production bundle its first screen will need, as module
 * preloads, so the browser fetches them all at once with the page's styles.
 *
 * <p>Without this a first visit is a chain of requests, each waiting for the one before: the page, its entry script,
 * the bootstrap request, Flow's bootstrap script, the first bundle and its components, Flow's client engine, the first
 * UIDL, and only then the page's own chunk of components (decision 0030). On a slow phone connection each link costs
 * a round trip; a young person's first screen appeared after about 3.5 s in Lighthouse's mobile run. The scripts
 * themselves do not change: the browser runs them when Vaadin asks for them, as before, from its module map.
 *
 * <p>What each script imports is read once from the bundle itself ({@code META-INF/VAADIN/webapp/VAADIN/build}): the
 * entry script's dynamic imports of Flow's scripts, every script's static imports, and in the first bundle the chunk
 * Vaadin loads on demand for each route (keyed by the SHA-256 of the route's class name) with the scripts that chunk
 * needs. Without a production bundle (development mode) nothing is added. {@code FirstScreenScriptsTest} fails when a
 * Vaadin upgrade changes the bundle's shape so that a young person's page is left without its chunk.
 */
@Component
public class FirstScreenScripts {
    private static final Logger log = LoggerFactory.getLogger(FirstScreenScripts.class);
    static final String BUILD = "META-INF/VAADIN/webapp/VAADIN/build/";
    private static final String HREF = "./VAADIN/build/";
    private static final Pattern STATIC_IMPORT = Pattern.compile("(?:\\bimport|\\bfrom)\\s*[\"'`]\\./([\\w.-]+\\.js)[\"'`]");
    private static final Pattern DYNAMIC_IMPORT = Pattern.compile("\\bimport\\(\\s*[\"'`]\\./([\\w.-]+\\.js)[\"'`]\\s*\\)");
    private static final Pattern DEPENDENCY_LIST = Pattern.compile("\\.f=\\[([^\\]]*)]");
    private static final Pattern ROUTE_CHUNK = Pattern.compile(
            "[\"'`]([0-9a-f]{64})[\"'`][^;]*?\\bimport\\(\\s*[\"'`]\\./[\\w.-]+\\.js[\"'`]\\s*\\)\\s*,\\s*__vite__mapDeps\\(\\[([\\d,\\s]*)]\\)");

    private final List<String> common;
    private final Map<String, List<String>> byRouteKey;

    FirstScreenScripts() {
        this(read());
    }

    FirstScreenScripts(Map<String, String> bundle) {
        var entry = bundle.keySet().stream().filter(name -> name.startsWith("indexhtml-")).findFirst();
        if (entry.isEmpty()) {
            common = List.of();
            byRouteKey = Map.of();
            return;
        }
        // Flow's scripts, which the entry script imports once it knows it is a Flow page
        Set<String> flow = new LinkedHashSet<>(matches(DYNAMIC_IMPORT, bundle.get(entry.get())));
        common = List.copyOf(withStaticImports(flow, bundle));
        Map<String, List<String>> routes = new HashMap<>();
        for (String name : flow) {
            String text = bundle.getOrDefault(name, "");
            Matcher list = DEPENDENCY_LIST.matcher(text);
            if (!name.startsWith("generated-flow-imports") || !list.find()) {
                continue;
            }
            List<String> files = matches(Pattern.compile("[\"'`]\\./([\\w.-]+\\.js)[\"'`]"), list.group(1));
            Matcher chunk = ROUTE_CHUNK.matcher(text);
            while (chunk.find()) {
                Set<String> needs = new LinkedHashSet<>();
                for (String index : chunk.group(2).split(",")) {
                    if (!index.isBlank() && Integer.parseInt(index.strip()) < files.size()) {
                        needs.add(files.get(Integer.parseInt(index.strip())));
                    }
                }
                routes.put(chunk.group(1), List.copyOf(withStaticImports(needs, bundle)));
            }
        }
        byRouteKey = Map.copyOf(routes);
        log.info("First-screen preloads: {} scripts on every page, chunks for {} routes", common.size(), routes.size());
    }

    /**
     * Adds the preloads for the page this bootstrap response is for; scripts already named in it are skipped. A page
     * built while answering its own request (Flow's eager load: the young people's pages, decision 0033) is left alone:
     * its first screen is in its HTML and its scripts wait for the first frame ({@code FirstPaint}, from {@link #urls}).
     */
    void addTo(IndexHtmlResponse response) {
        if (common.isEmpty() || builtWithItsRequest(response.getVaadinRequest())) {
            return;
        }
        Element head = response.getDocument().head();
        Set<String> present = new LinkedHashSet<>();
        head.select("script[src], link[href]").forEach(e -> present.add(e.hasAttr("src") ? e.attr("src") : e.attr("href")));
        for (String url : urls(response.getVaadinRequest())) {
            if (!present.contains(url)) {
                head.appendElement("link").attr("rel", "modulepreload").attr("crossorigin", "").attr("href", url);
            }
        }
    }

    /** The addresses ({@code ./VAADIN/build/…}) of every script the first screen of this request's page needs. */
    public List<String> urls(VaadinRequest request) {
        String path = Optional.ofNullable(request.getPathInfo()).orElse("/");
        Set<String> files = new LinkedHashSet<>(common);
        route(path.startsWith("/") ? path.substring(1) : path).ifPresent(files::addAll);
        return files.stream().map(file -> HREF + file).toList();
    }

    private static boolean builtWithItsRequest(VaadinRequest request) {
        var predicate = request.getService().getBootstrapInitialPredicate();
        return predicate != null && predicate.includeInitialUidl(request);
    }

    List<String> forRoute(Class<?> route) {
        List<String> all = new ArrayList<>(common);
        all.addAll(byRouteKey.getOrDefault(key(route), List.of()));
        return all;
    }

    boolean hasChunk(Class<?> route) {
        return byRouteKey.containsKey(key(route));
    }

    private Optional<List<String>> route(String path) {
        try {
            Optional<Class<? extends com.vaadin.flow.component.Component>> target = RouteConfiguration.forApplicationScope().getRoute(path);
            return target.map(c -> byRouteKey.getOrDefault(key(c), List.of()));
        } catch (RuntimeException e) {
            return Optional.empty(); // not a route (the page answers "not found" itself)
        }
    }

    /** Vaadin keys a route's chunk by the SHA-256 of the route class's name. */
    static String key(Class<?> route) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(route.getName().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> withStaticImports(Set<String> start, Map<String, String> bundle) {
        Set<String> all = new LinkedHashSet<>();
        var todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            String name = todo.poll();
            if (bundle.containsKey(name) && all.add(name)) {
                todo.addAll(matches(STATIC_IMPORT, bundle.get(name)));
            }
        }
        return all;
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Map<String, String> read() {
        Map<String, String> bundle = new HashMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:" + BUILD + "*.js")) {
                try (var in = r.getInputStream()) {
                    bundle.put(r.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bundle;
    }
}
