package org.hymnsheet.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.Role;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/** The area's population shares: administrators write them, the partnership's findings readers read them, all checked. */
class PopulationServiceTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired PopulationService population;
        @Autowired ApplicationContext context;

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        static BigDecimal percent(String value) {
            return new BigDecimal(value);
        }

        static String refusal(Runnable action) {
            try {
                action.run();
            } catch (ValidationException e) {
                return e.field() + ": " + e.messageKey();
            }
            throw new AssertionError("not refused");
        }

        @Test
        void an_administrator_saves_each_question_and_leads_and_facilitators_read_the_shares() {
            var world = new TestWorld(context);
            long p = world.partnership();
            TestWorld.as(world.account(p, Role.ADMIN));
            population.save(p, "about-ethnicity", Map.of("asian", percent("9.6"), "black", percent("4.2"),
                    "mixed", percent("3.00"), "white", percent("81.1"), "other", percent("2.1")));
            population.save(p, "about-care", Map.of("yes", percent("0.7")));

            for (Role reader : List.of(Role.LEAD, Role.FACILITATOR, Role.ADMIN)) {
                TestWorld.as(world.account(p, reader));
                var shares = population.shares(p);
                assertThat(shares).containsOnlyKeys("about-ethnicity", "about-care");
                assertThat(shares.get("about-ethnicity")).hasSize(5);
                assertThat(shares.get("about-ethnicity").get("asian")).isEqualByComparingTo("9.60");
                assertThat(shares.get("about-ethnicity").get("white")).isEqualByComparingTo("81.1");
                assertThat(shares.get("about-care")).containsOnlyKeys("yes");
            }
        }

        @Test
        void saving_a_question_again_replaces_its_shares_and_an_empty_one_has_no_figure() {
            var world = new TestWorld(context);
            long p = world.partnership();
            TestWorld.as(world.account(p, Role.ADMIN));
            population.save(p, "about-gender", Map.of("girl-woman", percent("49"), "boy-man", percent("50")));
            Map<String, BigDecimal> again = new HashMap<>();
            again.put("girl-woman", percent("48.5"));
            again.put("boy-man", null);
            population.save(p, "about-gender", again);
            assertThat(population.shares(p).get("about-gender")).containsOnlyKeys("girl-woman");
            assertThat(population.shares(p).get("about-gender").get("girl-woman")).isEqualByComparingTo("48.5");
            population.save(p, "about-gender", Map.of());
            assertThat(population.shares(p)).doesNotContainKey("about-gender");
        }

        @Test
        void shares_outside_0_to_100_or_adding_up_to_more_than_100_are_refused() {
            var world = new TestWorld(context);
            long p = world.partnership();
            TestWorld.as(world.account(p, Role.ADMIN));
            assertThat(refusal(() -> population.save(p, "about-age", Map.of("11-13", percent("100.01")))))
                    .isEqualTo("11-13: population.range");
            assertThat(refusal(() -> population.save(p, "about-age", Map.of("11-13", percent("-1")))))
                    .isEqualTo("11-13: population.range");
            assertThat(refusal(() -> population.save(p, "about-age", Map.of("11-13", percent("10.125")))))
                    .isEqualTo("11-13: population.range");
            assertThat(refusal(() -> population.save(p, "about-age", Map.of("11-13", percent("60"), "14-15", percent("40.01")))))
                    .isEqualTo("total: population.total");
            assertThat(refusal(() -> population.save(p, "about-age", Map.of("prefer-not-to-say", percent("1")))))
                    .isEqualTo("prefer-not-to-say: population.unknownOption");
            assertThat(refusal(() -> population.save(p, "about-age", Map.of("26-30", percent("1")))))
                    .isEqualTo("26-30: population.unknownOption");
            assertThat(refusal(() -> population.save(p, "most-safe", Map.of("home", percent("1")))))
                    .isEqualTo("question: population.unknownQuestion");
            population.save(p, "about-age", Map.of("11-13", percent("60"), "14-15", percent("40")));
            assertThat(population.shares(p).get("about-age")).hasSize(2);
        }

        @Test
        void only_administrators_of_the_partnership_write_and_its_findings_readers_read() {
            var world = new TestWorld(context);
            long p = world.partnership();
            long other = world.partnership();
            for (Role role : List.of(Role.LEAD, Role.FACILITATOR, Role.SAFEGUARDING_LEAD)) {
                TestWorld.as(world.account(p, role));
                assertThatThrownBy(() -> population.save(p, "about-care", Map.of("yes", percent("1"))))
                        .isInstanceOf(AccessDeniedException.class);
            }
            TestWorld.as(world.account(other, Role.ADMIN));
            assertThatThrownBy(() -> population.save(p, "about-care", Map.of("yes", percent("1"))))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> population.shares(p)).isInstanceOf(AccessDeniedException.class);
            TestWorld.as(world.account(p, Role.SAFEGUARDING_LEAD));
            assertThatThrownBy(() -> population.shares(p)).isInstanceOf(AccessDeniedException.class);
            TestWorld.anonymous();
            assertThatThrownBy(() -> population.shares(p)).isInstanceOf(AccessDeniedException.class);
        }
    }
}
