package org.hymnsheet.workshops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * The console reads everything it shows in one service call with one access check: the stages, who is here, the
 * words waiting and sent to the lead, and the speaking, in a fixed, small number of statements.
 */
class ConsoleStateTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        /** The statements one console read runs, however many people, texts and turns there are. */
        static final int STATEMENTS = 13;

        @Autowired ApplicationContext context;
        @Autowired WorkshopService workshops;
        @Autowired SpeakingService speaking;
        @Autowired WorkshopModerationService moderation;
        @Autowired DSLContext db;

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        @Test
        void one_read_gives_the_stages_the_room_the_waiting_words_the_sent_words_and_the_speaking() {
            var f = new WorkshopFixture(context);
            String ann = f.join(f.police, Level.MANAGER, "Ann");
            f.join(f.health, Level.PRACTITIONER, "Bo");
            f.inputs().frame(ann, WorkshopFixture.FRAMING, 30, "Words that wait");
            f.goTo(WorkshopFixture.PULSE);
            f.inputs().pulse(ann, WorkshopFixture.PULSE, "space", 3, "Worrying words");
            f.asFacilitator(() -> {
                var worrying = moderation.pending(f.workshop.id()).stream()
                        .filter(p -> p.text().equals("Worrying words")).findFirst().orElseThrow();
                moderation.escalate(f.workshop.id(), worrying.kind(), worrying.ref(), null);
                speaking.tap(f.workshop.id(), f.police, Level.MANAGER);
                return null;
            });

            ConsoleState state = f.asFacilitator(() -> workshops.console(f.workshop.id()));

            assertThat(state.workshop().id()).isEqualTo(f.workshop.id());
            assertThat(state.stages()).hasSize(6);
            assertThat(state.currentStage().position()).isEqualTo(WorkshopFixture.PULSE);
            assertThat(state.roster()).extracting(RosterEntry::firstName).containsExactlyInAnyOrder("Ann", "Bo");
            assertThat(state.pending()).extracting(PendingText::text).containsExactly("Words that wait");
            assertThat(state.escalated()).extracting(EscalatedText::text).containsExactly("Worrying words");
            assertThat(state.speakingNow()).isEqualTo(new ConsoleState.Speaker(f.police, Level.MANAGER));
            assertThat(state.speaking().byAgency()).extracting(SpeakingShare::agencyId).containsExactly(f.police);
        }

        @Test
        void a_console_read_runs_the_same_few_statements_for_a_full_room() {
            var f = new WorkshopFixture(context);
            for (int i = 0; i < 12; i++) {
                String token = f.join(i % 2 == 0 ? f.police : f.health, Level.PRACTITIONER, "P" + i);
                f.inputs().frame(token, WorkshopFixture.FRAMING, 10 * (i % 10), "Sentence " + i);
            }
            f.asFacilitator(() -> workshops.console(f.workshop.id())); // warm: nothing lazy counts below

            int statements = counting(() -> f.asFacilitator(() -> workshops.console(f.workshop.id())));

            assertThat(statements).as("statements per console read").isBetween(1, STATEMENTS);
        }

        @Test
        void another_partnerships_facilitator_reads_nothing() {
            var f = new WorkshopFixture(context);
            var other = new WorkshopFixture(context);
            assertThatThrownBy(() -> other.asFacilitator(() -> workshops.console(f.workshop.id())))
                    .isInstanceOf(AccessDeniedException.class);
            TestWorld.anonymous();
            assertThatThrownBy(() -> workshops.console(f.workshop.id())).isInstanceOf(AccessDeniedException.class);
        }

        /** Counts the statements this thread runs through the application's jOOQ configuration. */
        private int counting(Runnable action) {
            var configuration = (DefaultConfiguration) db.configuration();
            ExecuteListenerProvider[] before = configuration.executeListenerProviders();
            AtomicInteger count = new AtomicInteger();
            Thread me = Thread.currentThread();
            ExecuteListener counter = ExecuteListener.onExecuteStart(ctx -> {
                if (Thread.currentThread() == me) {
                    count.incrementAndGet();
                }
            });
            ExecuteListenerProvider[] with = java.util.Arrays.copyOf(before, before.length + 1);
            with[before.length] = new DefaultExecuteListenerProvider(counter);
            configuration.set(with);
            try {
                action.run();
            } finally {
                configuration.set(before);
            }
            return count.get();
        }
    }
}
