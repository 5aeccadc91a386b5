package org.hymnsheet.security;

/** What the audit log records. Names are stored as they are, so never rename one; add new ones at will. */
public enum AuditAction {
    FACTOR_ENROLLED,
    FACTOR_RESET,
    RECOVERY_CODE_USED
}
