package org.hymnsheet.workshops;

import java.time.OffsetDateTime;

/**
 * A workshop text the facilitator sent to the safeguarding lead, as the console shows it afterwards: when it went
 * and whether a lead has opened it yet (said they are dealing with it, or handled it).
 */
public record EscalatedText(long flagId, String text, OffsetDateTime sentAt, boolean opened) {}
