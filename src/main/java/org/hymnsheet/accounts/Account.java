package org.hymnsheet.accounts;

import java.util.Set;
import org.hymnsheet.security.Role;

/** A staff account as administrators see it. The password hash never leaves the repository. */
public record Account(long id, long partnershipId, String email, String displayName, Long agencyId,
                      String agencyName, Set<Role> roles, boolean active, boolean platformAdmin, boolean locked,
                      int version) {}
