package org.hymnsheet.accounts;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hymnsheet.security.Role;
import org.hymnsheet.security.StaffPrincipal;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Builds partnerships, accounts, agencies and places straight through the repositories, with unique names,
 * so tests sharing one database never collide, and signs test code in as a given persona.
 */
public final class TestWorld {
    public static final String PASSWORD = "correct horse battery staple";

    /** A staff member the tests act as. */
    public record Persona(long accountId, String email, long partnershipId, Set<Role> roles, boolean platformAdmin) {}

    private final PartnershipRepository partnerships;
    private final AccountRepository accounts;
    private final DirectoryRepository directory;
    private final String passwordHash;

    public TestWorld(ApplicationContext context) {
        this.partnerships = context.getBean(PartnershipRepository.class);
        this.accounts = context.getBean(AccountRepository.class);
        this.directory = context.getBean(DirectoryRepository.class);
        this.passwordHash = hash(context.getBean(PasswordEncoder.class));
    }

    private static String cachedHash;

    /** bcrypt is slow on purpose; one hash of the shared test password serves every persona. */
    private static synchronized String hash(PasswordEncoder encoder) {
        if (cachedHash == null) {
            cachedHash = encoder.encode(PASSWORD);
        }
        return cachedHash;
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public long partnership() {
        return partnerships.insert(unique("Partnership"));
    }

    public Persona account(long partnershipId, Role... roles) {
        return create(partnershipId, false, roles);
    }

    public Persona platformAdmin(long partnershipId) {
        return create(partnershipId, true, Role.ADMIN);
    }

    private Persona create(long partnershipId, boolean platform, Role... roles) {
        String email = UUID.randomUUID().toString().substring(0, 12) + "@test.example";
        Set<Role> set = roles.length == 0 ? Set.of() : Set.copyOf(EnumSet.copyOf(List.of(roles)));
        long id = accounts.insert(partnershipId, email, "Test " + email, null, passwordHash, platform, set);
        return new Persona(id, email, partnershipId, set, platform);
    }

    public long agency(long partnershipId) {
        return directory.insert(DirectoryRepository.AGENCIES, partnershipId, unique("Agency"), Sector.POLICE.name());
    }

    /** An agency with a name the test chooses (make it unique, for example with {@link #unique}). */
    public long agency(long partnershipId, String name) {
        return directory.insert(DirectoryRepository.AGENCIES, partnershipId, name, Sector.POLICE.name());
    }

    /** Marks first-run setup as done, as the setup page would, so sign-in is offered instead of setup. */
    public void markInstalled() {
        accounts.claimInstallation();
    }

    public long place(long partnershipId) {
        return directory.insert(DirectoryRepository.PLACES, partnershipId, unique("Place"), PlaceKind.PARK.name());
    }

    /**
     * Signs the current thread in as this persona, as Spring Security would after a form sign-in when the account
     * was new (session generation 0): once its password was set by someone else, its roles changed or it was
     * deactivated, such a session counts as ended, as a real one would.
     */
    public static void as(Persona persona) {
        var principal = StaffPrincipal.of(persona.accountId(), persona.email(), persona.roles(),
                persona.platformAdmin(), 0);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        keepInVaadinSession(context);
    }

    public static void anonymous() {
        SecurityContextHolder.clearContext();
        keepInVaadinSession(null);
    }

    /**
     * In a browserless test the Vaadin session holds the sign-in too, as the HTTP session does after a real one.
     * A page's refresh that a live signal runs on the signal's own thread ({@code LiveRefresh}, whichever thread
     * gets the session's lock first) then finds it there through Vaadin's security strategy, as it does in the app.
     * Without it that refresh ran signed out, now and then, and failed the test with "Sign in first".
     */
    private static void keepInVaadinSession(SecurityContext context) {
        VaadinSession vaadin = VaadinSession.getCurrent();
        WrappedSession session = vaadin == null ? null : vaadin.getSession();
        if (session == null) {
            return;
        }
        if (context == null) {
            session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        } else {
            session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
    }
}
