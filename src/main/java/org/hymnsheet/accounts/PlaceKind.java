package org.hymnsheet.accounts;

/** Kinds of local place young people are asked about in the safe-places survey. */
public enum PlaceKind {
    PARK,
    TRANSPORT_HUB,
    SCHOOL,
    HIGH_STREET,
    ESTATE,
    ONLINE,
    OTHER
}
