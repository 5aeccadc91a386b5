package org.hymnsheet.surveys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The disclosure indicators a partnership's safeguarding lead maintains: categories of phrases, groups of
 * interchangeable words that phrases name as {@code {group}}, expressions to ignore, and ordinary words never
 * to be read as an indicator word. The default file is {@code safeguarding/disclosure-indicators.yaml}; its
 * comments explain the format to the people who edit it.
 *
 * <p>Everything is checked when loaded, so a mistake in the file stops the application from starting rather
 * than silently switching detection off.
 */
public final class DisclosureIndicators {
    /** One category of indicators, e.g. {@code physical-harm}: "Physical harm and violence". */
    public record Category(String id, String label, List<String> phrases) {
        public Category {
            require(id != null && !id.isBlank(), "a category has no id");
            label = label == null || label.isBlank() ? id : label;
            phrases = List.copyOf(phrases);
            require(!phrases.isEmpty(), "category " + id + " has no phrases");
        }
    }

    private static final Set<String> KEYS = Set.of("groups", "categories", "ignore", "ordinary-words");

    private final List<Category> categories;
    private final Map<String, List<String>> groups;
    private final List<String> ignore;
    private final List<String> ordinaryWords;

    public DisclosureIndicators(List<Category> categories, Map<String, List<String>> groups, List<String> ignore,
            List<String> ordinaryWords) {
        this.categories = List.copyOf(categories);
        this.groups = Map.copyOf(groups);
        this.ignore = List.copyOf(ignore);
        this.ordinaryWords = List.copyOf(ordinaryWords);
        require(!this.categories.isEmpty(), "there are no categories");
        Set<String> ids = new HashSet<>();
        for (Category c : this.categories) {
            require(ids.add(c.id()), "category " + c.id() + " is listed twice");
        }
        this.groups.forEach((name, words) -> {
            require(!words.isEmpty(), "group " + name + " is empty");
            for (String w : words) {
                require(DisclosureText.words(w).size() == 1, "group " + name + ": \"" + w + "\" is not one word");
            }
        });
        for (String w : this.ordinaryWords) {
            require(DisclosureText.words(w).size() == 1, "ordinary word \"" + w + "\" is not one word");
        }
    }

    /** Indicators with no groups, ignored expressions or ordinary words: category id to phrases (for tests). */
    public static DisclosureIndicators of(Map<String, List<String>> phrasesByCategory) {
        List<Category> categories = new ArrayList<>();
        phrasesByCategory.forEach((id, phrases) -> categories.add(new Category(id, id, phrases)));
        return new DisclosureIndicators(categories, Map.of(), List.of(), List.of());
    }

    /** Reads an indicator file. */
    public static DisclosureIndicators load(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource.getDescription());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read disclosure indicators from " + resource.getDescription(), e);
        }
    }

    /** Parses the YAML text of an indicator file; {@code source} names it in error messages. */
    public static DisclosureIndicators parse(String yamlText, String source) {
        try {
            Map<String, Object> root = map(yaml().load(yamlText), "the file");
            for (String key : root.keySet()) {
                require(KEYS.contains(key), "unknown section \"" + key + "\" (expected one of " + KEYS + ")");
            }
            Map<String, List<String>> groups = new LinkedHashMap<>();
            map(root.getOrDefault("groups", Map.of()), "groups")
                    .forEach((name, words) -> groups.put(name, strings(words, "group " + name)));
            List<Category> categories = new ArrayList<>();
            for (Object entry : list(root.get("categories"), "categories")) {
                Map<String, Object> c = map(entry, "a category");
                categories.add(new Category(text(c.get("id")), text(c.get("label")),
                        strings(c.get("phrases"), "category " + c.get("id") + " phrases")));
            }
            return new DisclosureIndicators(categories, groups, strings(root.getOrDefault("ignore", List.of()), "ignore"),
                    strings(root.getOrDefault("ordinary-words", List.of()), "ordinary-words"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("disclosure indicators in " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * YAML that reads every plain value as text: by default "no", "on" and "yes" would become booleans,
     * and a phrase or a group word can be exactly that.
     */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        DumperOptions dumper = new DumperOptions();
        Resolver textOnly = new Resolver() {
            @Override
            protected void addImplicitResolvers() {}
        };
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, textOnly);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        require(value instanceof Map, what + " must be a mapping");
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value, String what) {
        require(value instanceof List, what + " must be a list");
        return (List<?>) value;
    }

    private static List<String> strings(Object value, String what) {
        List<String> out = new ArrayList<>();
        for (Object v : list(value, what)) {
            require(v instanceof String s && !s.isBlank(), what + ": every entry must be text");
            out.add(((String) v).strip());
        }
        return out;
    }

    private static String text(Object value) {
        return value instanceof String s ? s.strip() : null;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public List<Category> categories() {
        return categories;
    }

    /** Groups of interchangeable single words, by name: the phrase "{someone} hurts {me}" uses two. */
    public Map<String, List<String>> groups() {
        return groups;
    }

    /** Expressions that are not disclosures ("die laughing"); an indicator using any of their words is dropped. */
    public List<String> ignore() {
        return ignore;
    }

    /** Real words that look like an indicator word ("rap", "stubbed") and are never read as one. */
    public List<String> ordinaryWords() {
        return ordinaryWords;
    }

    /** The label of a category id, for showing a flag to a safeguarding lead. */
    public String label(String categoryId) {
        return categories.stream().filter(c -> c.id().equals(categoryId)).map(Category::label).findFirst()
                .orElse(categoryId);
    }
}
