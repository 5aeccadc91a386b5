package org.hymnsheet.workshops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.db.Tables.CARD_PLACEMENT;
import static org.jooq.impl.DSL.count;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Done-when (2): a room placing and re-placing cards at once keeps one placement per participant per card. */
class CardPlacementConcurrencyTest {
    static final int PARTICIPANTS = 60;
    static final int ROUNDS = 3;

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired InputService inputs;
        @Autowired CardService cardService;
        @Autowired DSLContext db;
        @Autowired ApplicationContext context;

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        /** A deterministic, different position for every participant, card and round. */
        static int position(int participant, int card, int round) {
            return (participant * 7 + card * 13 + round * 31) % 101;
        }

        @Test
        void sixty_participants_placing_and_replacing_at_once_leave_exactly_their_last_placements() throws Exception {
            var f = new WorkshopFixture(context);
            List<Card> cards = f.asFacilitator(() -> {
                cardService.add(f.workshop.id(), "Mentoring");
                cardService.add(f.workshop.id(), "Lighting in the underpass");
                return cardService.cards(f.workshop.id());
            });
            f.goTo(WorkshopFixture.CARDS);
            long[] agencies = {f.police, f.health, f.education};
            List<String> tokens = new ArrayList<>();
            for (int p = 0; p < PARTICIPANTS; p++) {
                tokens.add(f.join(agencies[p % 3], Level.values()[p % 3], null));
            }

            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(PARTICIPANTS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int p = 0; p < PARTICIPANTS; p++) {
                    int participant = p;
                    done.add(pool.submit(() -> {
                        go.await();
                        for (int round = 0; round < ROUNDS; round++) {
                            for (int c = 0; c < cards.size(); c++) {
                                inputs.place(tokens.get(participant), WorkshopFixture.CARDS, cards.get(c).id(),
                                        position(participant, c, round));
                            }
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> each : done) {
                    each.get(); // a failed placement fails the test with its cause
                }
            } finally {
                pool.shutdownNow();
            }

            var ids = f.participants().rejoin(tokens.getFirst()).orElseThrow().workshopId();
            assertThat(ids).isEqualTo(f.workshop.id());
            List<Long> cardIds = cards.stream().map(Card::id).toList();
            assertThat(db.fetchCount(CARD_PLACEMENT, CARD_PLACEMENT.CARD_ID.in(cardIds)))
                    .isEqualTo(PARTICIPANTS * cards.size());
            assertThat(db.select(CARD_PLACEMENT.PARTICIPANT_ID, CARD_PLACEMENT.CARD_ID, count()).from(CARD_PLACEMENT)
                    .where(CARD_PLACEMENT.CARD_ID.in(cardIds)).groupBy(CARD_PLACEMENT.PARTICIPANT_ID, CARD_PLACEMENT.CARD_ID)
                    .having(count().gt(1)).fetch()).isEmpty();
            for (int p = 0; p < PARTICIPANTS; p++) {
                Map<Long, Integer> expected = new HashMap<>();
                for (int c = 0; c < cards.size(); c++) {
                    expected.put(cards.get(c).id(), position(p, c, ROUNDS - 1));
                }
                Map<Long, Integer> stored = new HashMap<>();
                f.participants().inputs(tokens.get(p), WorkshopFixture.CARDS).stream()
                        .filter(i -> i.kind() == StageInput.Kind.PLACEMENT)
                        .forEach(i -> stored.put(i.ref(), i.value()));
                assertThat(stored).as("participant %d", p).isEqualTo(expected);
            }
        }

        @Test
        void one_participant_placing_one_card_from_two_devices_at_once_keeps_one_placement() throws Exception {
            var f = new WorkshopFixture(context);
            f.goTo(WorkshopFixture.CARDS);
            String token = f.join(f.police, Level.MANAGER, null);
            long card = f.participants().cards(token).getFirst().id();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int value = t * 10;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < 10; i++) {
                            inputs.place(token, WorkshopFixture.CARDS, card, value);
                        }
                        return null;
                    }));
                }
                for (Future<?> each : done) {
                    each.get();
                }
            } finally {
                pool.shutdownNow();
            }
            var mine = f.participants().inputs(token, WorkshopFixture.CARDS);
            assertThat(mine).filteredOn(i -> i.kind() == StageInput.Kind.PLACEMENT).hasSize(1)
                    .first().extracting(StageInput::value).matches(v -> v % 10 == 0 && v <= 70);
        }
    }
}
