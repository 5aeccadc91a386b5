package org.hymnsheet.workshops;

/** An agency of the workshop's partnership a participant can say they come from. */
public record AgencyChoice(long id, String name) {}
