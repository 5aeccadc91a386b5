package org.hymnsheet.workshops;

/** Someone in the room, without an account: an agency, a level and, if they gave one, a first name. */
public record Participant(long id, long workshopId, long agencyId, Level level, String firstName) {}
