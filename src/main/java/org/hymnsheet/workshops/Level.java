package org.hymnsheet.workshops;

/** The level a participant works at, as the hymn sheet workshop counts the room. */
public enum Level { PRACTITIONER, MANAGER, STRATEGIC_LEADER }
