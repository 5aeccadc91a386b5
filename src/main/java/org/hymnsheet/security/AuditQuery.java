package org.hymnsheet.security;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Which lines of the audit log an administrator asks for: one action or all, and a period of whole days (both
 * ends included, UK time).
 */
public record AuditQuery(Optional<AuditAction> action, Optional<LocalDate> from, Optional<LocalDate> to) {
    public static final AuditQuery ALL = new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty());
}
