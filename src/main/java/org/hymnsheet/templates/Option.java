package org.hymnsheet.templates;

import java.util.Objects;

/** A choice in a single-choice or multiple-choice question, or a role in a trusted-people question. */
public record Option(String id, LocalizedText label) {
    public Option {
        Objects.requireNonNull(id);
        Objects.requireNonNull(label);
    }
}
