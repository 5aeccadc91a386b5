package org.hymnsheet.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import org.hymnsheet.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Deny by default: every view needs an access annotation, every other URL needs a signed-in user,
 * except the health probe and the theme's static stylesheet. The session id changes at sign-in
 * (Spring Security's default session-fixation protection) and sign-out invalidates the session.
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, CurrentStaff staff) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**", "/styles/**").permitAll());
        http.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        http.headers(SecurityHeaders::configure);
        http.logout(l -> l.invalidateHttpSession(true).clearAuthentication(true).deleteCookies("JSESSIONID"));
        // A session whose account changed since sign-in (password set by someone else, roles, deactivation) ends.
        http.addFilterAfter(new EndedSessionFilter(staff), SecurityContextHolderFilter.class);
        // Vaadin's default for an address that is neither a route nor a framework resource is denyAll, which
        // gave signed-in staff an empty HTTP 403 for a mistyped address; signed in, such an address now
        // reaches the router and its "Page not found" view. Anonymous visitors are still sent to sign in.
        return http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .anyRequest(rule -> rule.authenticated())).build();
    }

    /**
     * Vaadin's strategy (a thread's own context, else its Vaadin session's), one instance for the whole JVM. Vaadin
     * installs this bean into {@code SecurityContextHolder} whenever an application context starts; a new instance
     * each time would drop the signed-in context of every thread then running in the JVM (seen when test classes ran
     * beside one another: one class's context start signed the other's test thread out mid-test).
     */
    private static final SecurityContextHolderStrategy CONTEXT_STRATEGY = new VaadinAwareSecurityContextHolderStrategy();

    @Bean
    SecurityContextHolderStrategy securityContextHolderStrategy() {
        return CONTEXT_STRATEGY;
    }

    /**
     * bcrypt, behind a delegating encoder (hashes stored as {bcrypt}...) so a later algorithm can take over
     * without a reset. The cost defaults to 12; tests lower it to keep the suite fast.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${hymnsheet.password.bcrypt-strength:12}") int strength) {
        var bcrypt = new BCryptPasswordEncoder(strength);
        var encoder = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", bcrypt));
        encoder.setDefaultPasswordEncoderForMatches(bcrypt);
        return encoder;
    }
}
