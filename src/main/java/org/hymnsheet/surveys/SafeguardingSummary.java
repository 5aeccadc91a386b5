package org.hymnsheet.surveys;

/** The safeguarding queue in numbers: everything in it, what is still open, and what arrived in the last hour. */
public record SafeguardingSummary(int total, int open, int lastHour) {}
