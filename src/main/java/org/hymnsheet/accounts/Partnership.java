package org.hymnsheet.accounts;

/** A local multi-agency safeguarding partnership: it owns everything else. */
public record Partnership(long id, String name, int version) {}
