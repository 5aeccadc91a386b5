package org.hymnsheet.templates;

import java.util.Objects;

/**
 * Show a question only when the answer to an earlier single-choice, multiple-choice or trusted-people question
 * includes this option (or role).
 */
public record Condition(String questionId, String optionId) {
    public Condition {
        Objects.requireNonNull(questionId);
        Objects.requireNonNull(optionId);
    }
}
