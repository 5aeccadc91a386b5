package org.hymnsheet.security;

/** What a staff member needs to add Hymn Sheet to an authenticator app: the key as text and as an otpauth:// address. */
public record Enrolment(String email, String secret, String otpauthUri) {}
