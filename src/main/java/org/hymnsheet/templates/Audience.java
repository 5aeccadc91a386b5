package org.hymnsheet.templates;

/** Who answers a survey: young people (anonymous, plain words) or professionals (a self-assessment). */
public enum Audience {
    YOUNG_PEOPLE,
    PROFESSIONALS
}
