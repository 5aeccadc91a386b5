package org.hymnsheet.security;

import java.util.Set;

/**
 * The signed-in staff member as the services see them, read fresh from the database on each check,
 * so a role change or a deactivation takes effect at once, not at the next sign-in.
 */
public record Staff(long accountId, long partnershipId, String email, String displayName, Set<Role> roles,
                    boolean platformAdmin) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Administrators manage their own partnership; a platform administrator manages every partnership. */
    public boolean administers(long partnership) {
        return has(Role.ADMIN) && (platformAdmin || partnershipId == partnership);
    }

    public boolean belongsTo(long partnership) {
        return partnershipId == partnership || administers(partnership);
    }
}
