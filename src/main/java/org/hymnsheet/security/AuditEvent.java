package org.hymnsheet.security;

import java.time.Instant;

/**
 * One line of the audit log: who (an account, or nobody for the system) did what to which account, when, and with
 * what detail (a findings filter, a text's id; never anything a young person or participant wrote).
 */
public record AuditEvent(Instant at, Long actorAccountId, Long partnershipId, AuditAction action,
                         Long targetAccountId, String detail) {}
