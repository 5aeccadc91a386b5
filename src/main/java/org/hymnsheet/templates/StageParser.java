package org.hymnsheet.templates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hymnsheet.templates.PulseStage.PulseQuestion;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the stages of a workshop template in order, whatever their kind, reporting every problem in them. */
final class StageParser extends ItemParser {
    static final List<String> COMMON_KEYS = List.of("id", "kind", "title", "prompt", "minutes");
    static final int LONGEST_STAGE_MINUTES = 240;
    static final int DEFAULT_CHOICES = 3;
    static final int MOST_CHOICES = 10;
    static final int DEFAULT_DOTS = 3;
    static final int MOST_DOTS = 20;
    private static final List<String> PULSE_QUESTION_KEYS = List.of("id", "text", "labels", "allow-text");

    enum Kind {
        FRAMING("left", "right", "sentence-prompt"),
        VOICE("influence-prompt", "influence-choices"),
        CARD_SORT("left", "right", "contexts", "starter-cards"),
        PULSE("questions"),
        NEEDS("categories", "dots-per-participant"),
        MAPPING("columns");

        private final List<String> keys;

        Kind(String... own) {
            keys = keys(COMMON_KEYS, own);
        }
    }

    private record Common(String id, LocalizedText title, LocalizedText prompt, int minutes) {}

    StageParser(Texts texts, Problems problems) {
        super(texts, problems);
    }

    /** The stages, in file order; only meaningful when no problem was reported. */
    List<Stage> read(List<Node> items) {
        List<Stage> stages = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (Node item : items) {
            YamlMap.of(item, "each stage should be a set of \"key: value\" lines, starting with \"- id: ...\"",
                    problems).map(map -> parse(map, ids)).ifPresent(stages::add);
        }
        return stages;
    }

    /** The stage, or null when it has a problem (already reported). */
    private Stage parse(YamlMap map, Map<String, Integer> ids) {
        int before = problems.count();
        String id = map.id("id");
        if (id != null) {
            problems.unique(ids, id, Problems.line(map.value("id")), "stage id \"" + id + "\" is used twice");
        }
        Kind kind = kind(map, Kind.values(), k -> k.keys, "stage");
        var common = new Common(id, texts.required(map, "title"), texts.required(map, "prompt"),
                map.number("minutes", 0, 0, LONGEST_STAGE_MINUTES));
        return kind == null ? null : build(kind, map, common, before);
    }

    /** Reads the kind's own keys, and makes the stage only when nothing in it had a problem. */
    private Stage build(Kind kind, YamlMap map, Common c, int before) {
        return switch (kind) {
            case FRAMING -> {
                LocalizedText left = texts.required(map, "left");
                LocalizedText right = texts.required(map, "right");
                LocalizedText sentence = texts.optional(map, "sentence-prompt");
                yield whole(before, () -> new FramingStage(c.id(), c.title(), c.prompt(), c.minutes(), left, right,
                        sentence));
            }
            case VOICE -> {
                LocalizedText influence = texts.required(map, "influence-prompt");
                int choices = map.number("influence-choices", DEFAULT_CHOICES, 1, MOST_CHOICES);
                yield whole(before, () -> new VoiceStage(c.id(), c.title(), c.prompt(), c.minutes(), influence,
                        choices));
            }
            case CARD_SORT -> {
                LocalizedText left = texts.required(map, "left");
                LocalizedText right = texts.required(map, "right");
                List<Option> contexts = lists.options(map, "contexts", 1);
                List<LocalizedText> cards = starterCards(map);
                yield whole(before, () -> new CardSortStage(c.id(), c.title(), c.prompt(), c.minutes(), left, right,
                        contexts, cards));
            }
            case PULSE -> {
                List<PulseQuestion> questions = pulseQuestions(map);
                yield whole(before, () -> new PulseStage(c.id(), c.title(), c.prompt(), c.minutes(), questions));
            }
            case NEEDS -> {
                List<Option> categories = lists.options(map, "categories", 1);
                int dots = map.number("dots-per-participant", DEFAULT_DOTS, 1, MOST_DOTS);
                yield whole(before, () -> new NeedsStage(c.id(), c.title(), c.prompt(), c.minutes(), categories,
                        dots));
            }
            case MAPPING -> {
                List<Option> columns = lists.options(map, "columns", 1);
                yield whole(before, () -> new MappingStage(c.id(), c.title(), c.prompt(), c.minutes(), columns));
            }
        };
    }

    /** The cards a card sort starts with (none when left out), each written once. */
    private List<LocalizedText> starterCards(YamlMap map) {
        List<Node> items = map.value("starter-cards") == null ? List.of() : map.list("starter-cards");
        List<LocalizedText> cards = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Node item : items == null ? List.<Node>of() : items) {
            LocalizedText card = texts.read(item, "starter card " + (cards.size() + 1));
            if (card != null && problems.unique(seen, card.in(LocalizedText.FALLBACK), Problems.line(item),
                    "starter card \"" + card.in(LocalizedText.FALLBACK) + "\" is written twice")) {
                cards.add(card);
            }
        }
        return cards;
    }

    /**
     * The questions of a pulse, each a 1-to-5 scale with an id unique in the stage; a null marks one already
     * reported.
     */
    private List<PulseQuestion> pulseQuestions(YamlMap map) {
        List<Node> items = map.nonEmptyList("questions", "a pulse needs at least one question");
        List<PulseQuestion> questions = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (Node item : items == null ? List.<Node>of() : items) {
            YamlMap.of(item, "each question should be written as \"- id: ...\" with \"text:\" and \"labels:\" lines "
                    + "under it", problems).ifPresent(question -> {
                question.allowOnly(PULSE_QUESTION_KEYS, " in a pulse question");
                int before = problems.count();
                String id = question.id("id");
                if (id != null) {
                    problems.unique(ids, id, Problems.line(question.value("id")),
                            "question id \"" + id + "\" is used twice in this stage");
                }
                LocalizedText text = texts.required(question, "text");
                List<LocalizedText> labels = lists.labels(question);
                boolean allowText = question.flag("allow-text");
                questions.add(whole(before, () -> new PulseQuestion(id, text, labels, allowText)));
            });
        }
        return questions;
    }
}
