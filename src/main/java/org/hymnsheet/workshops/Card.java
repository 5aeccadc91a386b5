package org.hymnsheet.workshops;

/** A response or intervention of the partnership, placed by every participant in a card sort. */
public record Card(long id, long workshopId, String text, int version) {}
