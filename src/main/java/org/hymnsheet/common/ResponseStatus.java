package org.hymnsheet.common;

/**
 * A young person's response (the {@code response.status} column): answers are saved while it is in progress, and
 * only submitted responses are counted or moderated. Read by surveys only, but it lives here because the generated
 * jOOQ classes use it, and an enum in {@code surveys} would make a package cycle with them.
 */
public enum ResponseStatus { IN_PROGRESS, SUBMITTED }
