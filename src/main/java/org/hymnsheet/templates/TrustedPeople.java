package org.hymnsheet.templates;

import java.util.List;
import java.util.Objects;

/**
 * Which adults the respondent trusts (their guardians, in contextual safeguarding terms).
 *
 * @param roles kinds of adult to choose from, such as teacher or youth worker
 * @param allowOther whether to offer "someone else" with a short box to say who
 */
public record TrustedPeople(String id, LocalizedText text, LocalizedText help, LocalizedText section,
                            Condition showIf, List<Option> roles, boolean allowOther) implements Question {
    public TrustedPeople {
        Objects.requireNonNull(id);
        Objects.requireNonNull(text);
        roles = List.copyOf(roles);
    }
}
