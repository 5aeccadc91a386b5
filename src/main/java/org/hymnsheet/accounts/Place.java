package org.hymnsheet.accounts;

public record Place(long id, long partnershipId, String name, PlaceKind kind, int version) {}
