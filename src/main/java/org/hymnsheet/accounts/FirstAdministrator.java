package org.hymnsheet.accounts;

/** What the one-time setup page asks for. */
public record FirstAdministrator(String partnershipName, String email, String displayName, String password) {}
