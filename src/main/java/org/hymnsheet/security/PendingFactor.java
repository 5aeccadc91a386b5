package org.hymnsheet.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A session whose password was right but whose second factor is still owed. It is deliberately not a
 * {@link StaffPrincipal}: {@link CurrentStaff} sees nobody, so every service refuses, and it carries no role, so
 * no role-protected view opens. The staff principal inside is what the session becomes once the code is right.
 */
public record PendingFactor(StaffPrincipal staff) implements UserDetails {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The only authority of a session that still owes its second factor. */
    public static final String AUTHORITY = "FACTOR_PENDING";

    public long accountId() {
        return staff.accountId();
    }

    /** Whether this authentication still owes its second factor. */
    public static boolean owed(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof PendingFactor;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(AUTHORITY));
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return staff.email();
    }
}
