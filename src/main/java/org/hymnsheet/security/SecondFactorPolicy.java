package org.hymnsheet.security;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who owes a second factor after a right password: anyone holding a role in {@code hymnsheet.mfa.required-roles}
 * (by default those who read disclosures or administer), every platform administrator, and anyone who has
 * enrolled a factor. Such a sign-in becomes a {@link PendingFactor} until the code is right.
 */
@Component
public class SecondFactorPolicy {
    private final Set<Role> required;
    private final FactorRepository factors;

    SecondFactorPolicy(@Value("${hymnsheet.mfa.required-roles:ADMIN,SAFEGUARDING_LEAD}") String roles,
                       FactorRepository factors) {
        this.factors = factors;
        Set<Role> set = EnumSet.noneOf(Role.class);
        for (String name : roles.split(",")) {
            String role = name.strip().toUpperCase(Locale.ROOT);
            if (role.equals("ALL")) {
                set.addAll(EnumSet.allOf(Role.class));
            } else if (!role.isEmpty()) {
                set.add(Role.valueOf(role)); // an unknown name stops the start, rather than silently asking nobody
            }
        }
        this.required = Set.copyOf(set);
    }

    /** The roles that require a second factor, as configured. */
    public Set<Role> requiredRoles() {
        return required;
    }

    /** What a right password yields: the full sign-in, or a pending one that must still give a code. */
    public Authentication afterPassword(Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof StaffPrincipal staff) || !owes(staff)) {
            return authentication;
        }
        var pending = new PendingFactor(staff);
        return UsernamePasswordAuthenticationToken.authenticated(pending, null, pending.getAuthorities());
    }

    private boolean owes(StaffPrincipal staff) {
        boolean roleNeedsIt = required.stream().anyMatch(r -> staff.authorityNames().contains(r.authority()))
                || staff.authorityNames().contains("ROLE_" + Role.Names.PLATFORM_ADMIN);
        return roleNeedsIt || factors.enrolled(staff.accountId());
    }
}
