package org.hymnsheet.workshops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.testing.Blns;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every string of the Big List of Naughty Strings in every text a participant types (first name, framing
 * sentence, pulse comment, need, mapping note) and in the workshop title: stored and read back exactly, or
 * refused with a message key; nothing fails in any other way.
 */
class WorkshopHostileInputTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired ApplicationContext context;
        @Autowired ParticipantService participants;
        @Autowired InputService inputs;
        @Autowired WorkshopService workshops;

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        @Test
        void every_naughty_string_in_every_participant_text_is_stored_exactly_or_refused() {
            var f = new WorkshopFixture(context);
            f.goTo(WorkshopFixture.MAPPING);
            List<String> problems = new ArrayList<>();
            int stored = 0;
            for (String s : Blns.strings()) {
                String token = attempt(problems, "first name", s,
                        () -> participants.join(f.workshop.joinCode(), f.police, Level.MANAGER, s, TestWorld.unique("device")).token());
                if (token == null) {
                    token = f.join(f.police, Level.MANAGER, null);
                } else if (!s.isBlank()) {
                    long id = participants.rejoin(token).orElseThrow().id();
                    String shown = f.asFacilitator(() -> workshops.roster(f.workshop.id())).stream()
                            .filter(r -> r.participantId() == id).findFirst().orElseThrow().firstName();
                    same(problems, "first name", s, shown);
                }
                String t = token;
                if (attempt(problems, "sentence", s, () -> { inputs.frame(t, WorkshopFixture.FRAMING, 50, s); return true; }) != null) {
                    same(problems, "sentence", s, own(t, WorkshopFixture.FRAMING, StageInput.Kind.FRAMING));
                }
                if (attempt(problems, "comment", s, () -> { inputs.pulse(t, WorkshopFixture.PULSE, "space", 3, s); return true; }) != null) {
                    same(problems, "comment", s, own(t, WorkshopFixture.PULSE, StageInput.Kind.PULSE));
                }
                if (attempt(problems, "need", s, () -> inputs.addNeed(t, WorkshopFixture.NEEDS, s, null, "chairing")) != null) {
                    same(problems, "need", s, own(t, WorkshopFixture.NEEDS, StageInput.Kind.NEED));
                    stored++;
                }
                if (attempt(problems, "note", s, () -> inputs.addNote(t, WorkshopFixture.MAPPING, "worried", s)) != null) {
                    same(problems, "note", s, own(t, WorkshopFixture.MAPPING, StageInput.Kind.NOTE));
                }
                var title = attempt(problems, "title", s, () -> f.asFacilitator(() -> workshops.create(f.partnership, "hymn-sheet", s)));
                if (title != null) {
                    same(problems, "title", s, title.title());
                }
            }
            assertThat(problems).isEmpty();
            assertThat(stored).as("most naughty strings are legitimate text").isGreaterThan(400);
        }

        private String own(String token, int position, StageInput.Kind kind) {
            return participants.inputs(token, position).stream().filter(i -> i.mine() && i.kind() == kind)
                    .findFirst().map(StageInput::text).orElse(null);
        }

        private static void same(List<String> problems, String field, String typed, String shown) {
            if (!typed.isBlank() && !typed.equals(shown)) {
                problems.add(field + ": stored " + typed + " but shows " + shown);
            }
        }

        private static <T> T attempt(List<String> problems, String field, String typed, Supplier<T> save) {
            try {
                return save.get();
            } catch (ValidationException refused) {
                if (refused.messageKey() == null || refused.messageKey().isBlank()) {
                    problems.add(field + ": refused without a message: " + typed);
                }
                return null;
            } catch (RuntimeException e) {
                problems.add(field + ": " + e.getClass().getSimpleName() + " for " + typed + ": " + e.getMessage());
                return null;
            }
        }
    }
}
