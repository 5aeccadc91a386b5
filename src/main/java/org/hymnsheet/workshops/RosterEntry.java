package org.hymnsheet.workshops;

import java.time.Instant;

/** A line of the live roster the facilitator sees. */
public record RosterEntry(long participantId, long agencyId, String agencyName, Level level, String firstName,
                          Instant joinedAt) {}
