package org.hymnsheet.security;

/** What a staff member may do within their partnership. An account may hold several. */
public enum Role {
    ADMIN,
    FACILITATOR,
    LEAD,
    SAFEGUARDING_LEAD;

    /** Spring Security authority name, as used by {@code @RolesAllowed}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Names for {@code @RolesAllowed}, which needs compile-time constants. */
    public static final class Names {
        public static final String ADMIN = "ADMIN";
        public static final String FACILITATOR = "FACILITATOR";
        public static final String LEAD = "LEAD";
        public static final String SAFEGUARDING_LEAD = "SAFEGUARDING_LEAD";
        public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";

        private Names() {}
    }
}
