package org.hymnsheet.accounts;

import java.util.Set;
import org.hymnsheet.security.Role;

/** What an administrator types to create an account. */
public record AccountDraft(String email, String displayName, Long agencyId, Set<Role> roles, String password) {}
