package org.hymnsheet.templates;

import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one question of a template, whatever its kind, reporting every problem in it. */
final class QuestionParser extends ItemParser {
    static final List<String> COMMON_KEYS = List.of("id", "kind", "text", "help", "section", "show-if");

    enum Kind {
        SINGLE_CHOICE("options"),
        MULTIPLE_CHOICE("options"),
        SCALE("labels", "faces"),
        FREE_TEXT("max-length"),
        PLACES("ask-why"),
        TRUSTED_PEOPLE("roles", "allow-other");

        private final List<String> keys;

        Kind(String... own) {
            keys = keys(COMMON_KEYS, own);
        }
    }

    /**
     * A question as read, with what the checks across questions need even when the question itself is broken.
     *
     * @param showIf null when the question has no (well-formed) show-if
     * @param question null when the question has a problem (already reported)
     */
    record Parsed(String id, int idLine, LocalizedText section, ShowIf showIf, Question question) {}

    /** A show-if rule and the lines of its two values, for problems found once all questions are read. */
    record ShowIf(Condition condition, int questionLine, int answerLine) {}

    private record Common(String id, LocalizedText text, LocalizedText help, LocalizedText section, Condition showIf) {}

    QuestionParser(Texts texts, Problems problems) {
        super(texts, problems);
    }

    /** @param section the heading this question falls under unless it starts a new one */
    Parsed parse(YamlMap map, LocalizedText section, int problemsBefore) {
        String id = map.id("id");
        Kind kind = kind(map, Kind.values(), k -> k.keys, "question");
        LocalizedText text = texts.required(map, "text");
        LocalizedText help = texts.optional(map, "help");
        LocalizedText ownSection = texts.optional(map, "section");
        ShowIf showIf = showIf(map);
        var common = new Common(id, text, help, ownSection == null ? section : ownSection,
                showIf == null ? null : showIf.condition());
        Question question = kind == null ? null : build(kind, map, common, problemsBefore);
        int idLine = id == null ? 0 : Problems.line(map.value("id"));
        return new Parsed(id, idLine, common.section(), showIf, question);
    }

    private ShowIf showIf(YamlMap map) {
        Node value = map.value("show-if");
        if (value == null) {
            return null;
        }
        var rule = YamlMap.of(value, "\"show-if\" should name an earlier question and one of its answers, "
                + "like {question: has-worker, answer: yes}", problems);
        if (rule.isEmpty()) {
            return null;
        }
        rule.get().allowOnly(List.of("question", "answer"), " in show-if");
        String question = rule.get().requiredString("question");
        String answer = rule.get().requiredString("answer");
        return question == null || answer == null ? null : new ShowIf(new Condition(question, answer),
                Problems.line(rule.get().value("question")), Problems.line(rule.get().value("answer")));
    }

    /** Reads the kind's own keys, and makes the question only when nothing in it had a problem. */
    private Question build(Kind kind, YamlMap map, Common c, int before) {
        return switch (kind) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                List<Option> options = lists.options(map, "options", kind == Kind.SINGLE_CHOICE ? 2 : 1);
                yield !complete(c, before) ? null : kind == Kind.SINGLE_CHOICE
                        ? new SingleChoice(c.id(), c.text(), c.help(), c.section(), c.showIf(), options)
                        : new MultipleChoice(c.id(), c.text(), c.help(), c.section(), c.showIf(), options);
            }
            case SCALE -> {
                List<LocalizedText> labels = lists.labels(map);
                boolean faces = map.flag("faces");
                yield complete(c, before)
                        ? new Scale(c.id(), c.text(), c.help(), c.section(), c.showIf(), labels, faces) : null;
            }
            case FREE_TEXT -> {
                int maxLength = map.number("max-length", FreeText.DEFAULT_MAX_LENGTH, 1, FreeText.LONGEST);
                yield complete(c, before)
                        ? new FreeText(c.id(), c.text(), c.help(), c.section(), c.showIf(), maxLength) : null;
            }
            case PLACES -> {
                boolean askWhy = map.flag("ask-why");
                yield complete(c, before)
                        ? new PlacesQuestion(c.id(), c.text(), c.help(), c.section(), c.showIf(), askWhy) : null;
            }
            case TRUSTED_PEOPLE -> {
                List<Option> roles = lists.options(map, "roles", 1);
                boolean allowOther = map.flag("allow-other");
                yield complete(c, before)
                        ? new TrustedPeople(c.id(), c.text(), c.help(), c.section(), c.showIf(), roles, allowOther)
                        : null;
            }
        };
    }

    /** Every problem is reported where it is found, so an unchanged count means the question is whole. */
    private boolean complete(Common c, int before) {
        return c.id() != null && c.text() != null && problems.count() == before;
    }
}
