package org.hymnsheet.security;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * What the HTTP session keeps after sign-in: the account id, the roles for view annotations, and the account's
 * session generation at sign-in. When the account's generation has moved on (its password was set by someone
 * else, its roles changed, it was deactivated), the session is over: see {@link CurrentStaff}.
 */
public record StaffPrincipal(long accountId, String email, List<String> authorityNames, int sessionGeneration)
        implements UserDetails {
    @Serial
    private static final long serialVersionUID = 2L;

    /** The principal for an account with these roles, signed in at this session generation. */
    public static StaffPrincipal of(long accountId, String email, Set<Role> roles, boolean platformAdmin,
                                    int sessionGeneration) {
        List<String> authorities = new ArrayList<>();
        roles.stream().sorted().forEach(r -> authorities.add(r.authority()));
        if (platformAdmin) {
            authorities.add("ROLE_" + Role.Names.PLATFORM_ADMIN);
        }
        return new StaffPrincipal(accountId, email, List.copyOf(authorities), sessionGeneration);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorityNames.stream().map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return email;
    }
}
