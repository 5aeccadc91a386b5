package org.hymnsheet.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.hymnsheet.Application;
import org.hymnsheet.testing.OnH2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A thread stays signed in while another application context starts in the same JVM. Vaadin installs the context's
 * security strategy into {@code SecurityContextHolder} at every start; with a new strategy each time, the thread's
 * sign-in was gone (test classes that run beside one another saw "Sign in first" in the middle of a test).
 */
@OnH2
class SignedInAcrossContextStartTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_signed_in_thread_stays_signed_in_while_another_application_context_starts() {
        // this class's own context (from the test framework) has started: the thread signs in under its strategy
        var principal = StaffPrincipal.of(42, "lead@test.example", Set.of(Role.LEAD), false, 0);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);

        try (var other = new SpringApplicationBuilder(Application.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:signed-in-across-start;DB_CLOSE_DELAY=-1",
                "--spring.jooq.sql-dialect=H2")) {
            assertThat(other.isActive()).isTrue();
            assertThat(SecurityContextHolder.getContext().getAuthentication()).as("still signed in")
                    .isNotNull()
                    .extracting(a -> a.getPrincipal()).isSameAs(principal);
        }
    }
}
