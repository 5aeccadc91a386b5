package org.hymnsheet.security;

import java.time.Instant;

/** One line of the audit log: who (an account, or nobody for the system) did what to which account, when. */
public record AuditEvent(Instant at, Long actorAccountId, Long partnershipId, AuditAction action,
                         Long targetAccountId) {}
