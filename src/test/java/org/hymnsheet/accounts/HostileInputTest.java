package org.hymnsheet.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.db.Tables.INSTALLATION;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.Role;
import org.hymnsheet.testing.Blns;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every text input of every form gets the empty string, 10,000 characters and each of the Big List of Naughty
 * Strings. Each must be stored and read back exactly, or refused with a message that exists in the bundle;
 * a second copy of a stored name must be refused as a duplicate; nothing may fail in any other way.
 */
class HostileInputTest {
    static List<String> inputs;
    static Properties messages;

    @BeforeAll
    static void load() throws IOException {
        inputs = new ArrayList<>(Blns.strings());
        inputs.add("");
        inputs.add("x".repeat(10_000));
        messages = new Properties();
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/vaadin-i18n/translations.properties")) {
            messages.load(in);
        }
    }

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired DirectoryService directory;
        @Autowired PartnershipService partnerships;
        @Autowired AccountService accounts;
        @Autowired SetupService setup;
        @Autowired StaffAuthenticationProvider signIn;
        @Autowired AccountRepository accountRows;
        @Autowired DSLContext db;
        @Autowired ApplicationContext context;
        TestWorld world;
        long p;
        List<String> problems;
        int stored;

        @BeforeEach
        void world() {
            world = new TestWorld(context);
            p = world.partnership();
            TestWorld.as(world.platformAdmin(p));
            problems = new ArrayList<>();
        }

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        /** Runs a save; returns what it stored (null when refused), noting any failure that is not a clear refusal. */
        <T> T attempt(String form, String input, Supplier<T> save) {
            try {
                T result = save.get();
                stored++;
                return result;
            } catch (ValidationException refused) {
                if (!messages.containsKey(refused.messageKey())) {
                    problems.add(form + ": refusal without a message for " + printable(input));
                }
                return null;
            } catch (RuntimeException e) {
                problems.add(form + ": " + e.getClass().getSimpleName() + " for " + printable(input));
                return null;
            }
        }

        void expectExact(String form, String input, String shown) {
            if (!input.equals(shown)) {
                problems.add(form + ": stored " + printable(input) + " but shows " + printable(shown));
            }
        }

        void expectDuplicateRefused(String form, String input, Runnable again) {
            try {
                again.run();
                problems.add(form + ": duplicate accepted for " + printable(input));
            } catch (ValidationException expected) {
                // refused as it should be
            }
        }

        @Test
        void agency_and_place_names_are_stored_exactly_or_refused_with_a_message() {
            for (String s : inputs) {
                Agency agency = attempt("agency", s, () -> directory.createAgency(p, s, Sector.OTHER));
                if (agency != null) {
                    String shown = directory.agencies(p).stream().filter(a -> a.id() == agency.id()).findFirst().orElseThrow().name();
                    expectExact("agency", s, shown);
                    expectDuplicateRefused("agency", s, () -> directory.createAgency(p, s, Sector.POLICE));
                    Agency renamed = attempt("agency rename", s, () -> directory.updateAgency(agency.id(), s + " (renamed)", Sector.POLICE, agency.version()));
                    if (renamed != null) {
                        expectExact("agency rename", s + " (renamed)", renamed.name());
                    }
                }
                Place place = attempt("place", s, () -> directory.createPlace(p, s, PlaceKind.OTHER));
                if (place != null) {
                    expectExact("place", s, directory.places(p).stream().filter(x -> x.id() == place.id()).findFirst().orElseThrow().name());
                }
            }
            assertThat(problems).isEmpty();
            assertThat(stored).as("most naughty strings are legitimate names").isGreaterThan(900);
        }

        @Test
        void partnership_names_are_stored_exactly_or_refused_with_a_message() {
            for (String s : inputs) {
                Partnership created = attempt("partnership", s, () -> partnerships.create(s));
                if (created != null) {
                    expectExact("partnership", s, partnerships.get(created.id()).name());
                    expectDuplicateRefused("partnership", s, () -> partnerships.create(s));
                }
            }
            assertThat(problems).isEmpty();
        }

        @Test
        void account_names_emails_and_passwords_are_stored_exactly_or_refused_with_a_message() {
            for (String s : inputs) {
                String email = TestWorld.unique("a").replace(" ", "") + "@test.example";
                Account byName = attempt("account name", s, () -> accounts.create(p,
                        new AccountDraft(email, s, null, Set.of(Role.LEAD), TestWorld.PASSWORD)));
                if (byName != null) {
                    expectExact("account name", s, accounts.get(byName.id()).displayName());
                }
                Account byEmail = attempt("account email", s, () -> accounts.create(p,
                        new AccountDraft(s, "Named", null, Set.of(Role.LEAD), TestWorld.PASSWORD)));
                if (byEmail != null) {
                    expectExact("account email", s.strip().toLowerCase(Locale.ROOT), accounts.get(byEmail.id()).email());
                    expectDuplicateRefused("account email", s, () -> accounts.create(p,
                            new AccountDraft(s, "Twin", null, Set.of(Role.LEAD), TestWorld.PASSWORD)));
                }
                if (byName != null) {
                    Boolean reset = attempt("password", s, () -> {
                        accounts.resetPassword(byName.id(), s);
                        return true;
                    });
                    if (reset != null && !signIn.signIn(email, s, "127.0.0.1", Instant.now()).isAuthenticated()) {
                        problems.add("password: cannot sign in with " + printable(s));
                    }
                }
            }
            assertThat(problems).isEmpty();
        }

        @Test
        void the_setup_form_stores_names_exactly_or_refuses_them_with_a_message() {
            for (String s : inputs) {
                db.deleteFrom(INSTALLATION).execute();
                TestWorld.anonymous();
                String email = TestWorld.unique("setup").replace(" ", "") + "@test.example";
                String partnershipName = s.isEmpty() ? s : s + " " + TestWorld.unique("");
                Boolean done = attempt("setup", s, () -> {
                    setup.createFirstAdministrator(new FirstAdministrator(partnershipName, email, s, TestWorld.PASSWORD));
                    return true;
                });
                if (done != null) {
                    var me = signIn.signIn(email, TestWorld.PASSWORD, "127.0.0.1", Instant.now());
                    var account = accountRows.credentials(email).orElseThrow();
                    TestWorld.as(new TestWorld.Persona(account.id(), email, 0, account.roles(), true));
                    expectExact("setup name", s, accounts.me().displayName());
                    expectExact("setup partnership", partnershipName, partnerships.get(accounts.me().partnershipId()).name());
                    assertThat(me.isAuthenticated()).isTrue();
                }
            }
            accountRows.claimInstallation();
            assertThat(problems).isEmpty();
        }

        static String printable(String s) {
            String shown = s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + ")" : s;
            StringBuilder b = new StringBuilder("\"");
            shown.codePoints().forEach(cp -> {
                if (cp < 0x20 || cp == 0x7f) {
                    b.append(String.format("\\u%04x", cp));
                } else {
                    b.appendCodePoint(cp);
                }
            });
            return b.append('"').toString();
        }
    }
}
