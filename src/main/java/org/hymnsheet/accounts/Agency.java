package org.hymnsheet.accounts;

public record Agency(long id, long partnershipId, String name, Sector sector, int version) {}
