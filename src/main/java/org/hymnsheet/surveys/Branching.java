package org.hymnsheet.surveys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hymnsheet.templates.Condition;
import org.hymnsheet.templates.Question;
import org.hymnsheet.templates.SurveyTemplate;

/** Which questions a respondent sees, given their answers so far ("show only when an earlier answer matches"). */
public final class Branching {
    private Branching() {}

    public static List<String> visible(SurveyTemplate template, Map<String, AnswerInput> answers) {
        List<String> shown = new ArrayList<>();
        for (Question q : template.questions()) {
            if (shows(q, answers)) {
                shown.add(q.id());
            }
        }
        return shown;
    }

    public static boolean shows(Question question, Map<String, AnswerInput> answers) {
        Condition condition = question.showIf();
        if (condition == null) {
            return true;
        }
        return chosen(answers.get(condition.questionId())).contains(condition.optionId());
    }

    private static Set<String> chosen(AnswerInput answer) {
        return switch (answer) {
            case AnswerInput.Choice c -> c.optionIds();
            case AnswerInput.Trusted t -> t.roleIds();
            case null, default -> Set.of();
        };
    }
}
