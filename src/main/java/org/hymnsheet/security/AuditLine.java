package org.hymnsheet.security;

import java.time.Instant;

/**
 * A line of the audit log as administrators read it: when, who (name and email, or empty for the system), what,
 * to whom, and the detail (a findings filter, a text's id).
 */
public record AuditLine(long id, Instant at, String actor, AuditAction action, String target, String detail) {}
