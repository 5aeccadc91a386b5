package org.hymnsheet.templates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a template's questions in order and checks what spans several of them: unique ids, sections that
 * carry on until the next one, and {@code show-if} rules that point back at an earlier question's option.
 */
final class QuestionList {
    private final QuestionParser parser;
    private final Problems problems;

    QuestionList(Texts texts, Problems problems) {
        this.parser = new QuestionParser(texts, problems);
        this.problems = problems;
    }

    /** The questions, in file order; only meaningful when no problem was reported. */
    List<Question> read(List<Node> items) {
        List<QuestionParser.Parsed> parsed = new ArrayList<>();
        LocalizedText section = null;
        for (Node item : items) {
            int before = problems.count();
            var map = YamlMap.of(item, "each question should be a set of \"key: value\" lines, starting with "
                    + "\"- id: ...\"", problems);
            if (map.isPresent()) {
                QuestionParser.Parsed question = parser.parse(map.get(), section, before);
                section = question.section();
                parsed.add(question);
            }
        }
        Map<String, Integer> indexById = new HashMap<>();
        for (int i = 0; i < parsed.size(); i++) {
            QuestionParser.Parsed question = parsed.get(i);
            if (question.id() != null) {
                Integer first = indexById.putIfAbsent(question.id(), i);
                if (first != null) {
                    problems.at(question.idLine(), "question id \"" + question.id() + "\" is used twice (first on line "
                            + parsed.get(first).idLine() + ")");
                }
            }
        }
        for (int i = 0; i < parsed.size(); i++) {
            if (parsed.get(i).showIf() != null) {
                checkShowIf(parsed.get(i).showIf(), i, indexById.get(parsed.get(i).showIf().condition().questionId()),
                        parsed);
            }
        }
        return parsed.stream().map(QuestionParser.Parsed::question).toList();
    }

    private void checkShowIf(QuestionParser.ShowIf showIf, int index, Integer target,
                             List<QuestionParser.Parsed> parsed) {
        Condition rule = showIf.condition();
        if (target == null) {
            problems.at(showIf.questionLine(), "show-if refers to question \"" + rule.questionId()
                    + "\", which does not exist");
        } else if (target >= index) {
            problems.at(showIf.questionLine(), "show-if refers to question \"" + rule.questionId()
                    + "\", which does not come before this one: a question can only depend on an earlier answer");
        } else if (parsed.get(target).question() != null) {
            Question earlier = parsed.get(target).question();
            List<Option> options = switch (earlier) {
                case SingleChoice single -> single.options();
                case MultipleChoice multiple -> multiple.options();
                case TrustedPeople people -> people.roles();
                default -> null;
            };
            if (options == null) {
                problems.at(showIf.questionLine(), "show-if refers to question \"" + rule.questionId()
                        + "\", which has no options to match: only single-choice, multiple-choice and trusted-people "
                        + "answers can be matched");
            } else if (options.stream().noneMatch(option -> option.id().equals(rule.optionId()))) {
                problems.at(showIf.answerLine(), "show-if answer \"" + rule.optionId()
                        + "\" is not an option of question \"" + rule.questionId() + "\" (its options: "
                        + String.join(", ", options.stream().map(Option::id).toList()) + ")");
            }
        }
    }
}
