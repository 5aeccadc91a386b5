package org.hymnsheet.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
 * Every string of the Big List of Naughty Strings as a young person's free-text answer, a place's "why" and a
 * trusted "someone else": stored and read back exactly (blank ones count as skipping), and the moderation queue
 * shows the same text.
 */
class FreeTextHostileInputTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired ResponseService responses;
        @Autowired QueueService queues;
        @Autowired ApplicationContext context;

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        @Test
        void every_naughty_string_is_stored_and_shown_back_exactly() {
            var fixture = new SurveyFixture(context, "safe-places");
            var entry = responses.openByLink(fixture.survey.linkToken());
            List<String> problems = new ArrayList<>();
            List<String> submitted = new ArrayList<>();
            for (String s : Blns.strings()) {
                String id = responses.start(entry, "en");
                try {
                    responses.save(id, "anything-else", new AnswerInput.Text(s));
                    responses.save(id, "trusted-adults", new AnswerInput.Trusted(java.util.Set.of(), s));
                    responses.save(id, "places", new AnswerInput.Places(List.of(new AnswerInput.PlaceAnswer(
                            fixture.placeRef(0), org.hymnsheet.templates.PlaceRating.NOT_SURE, s))));
                } catch (ValidationException refused) {
                    if (!s.isBlank()) {
                        problems.add("refused " + s + ": " + refused.messageKey());
                    }
                    continue;
                }
                var back = responses.answers(id);
                if (!new AnswerInput.Text(s).equals(back.get("anything-else"))
                        || !(back.get("trusted-adults") instanceof AnswerInput.Trusted t && s.equals(t.other()))
                        || !(back.get("places") instanceof AnswerInput.Places p && s.equals(p.places().getFirst().why()))) {
                    problems.add("changed: " + s + " -> " + back);
                }
                responses.submit(id);
                submitted.add(s);
            }
            assertThat(problems).isEmpty();
            TestWorld.as(fixture.facilitator);
            var pending = new java.util.ArrayList<String>();
            for (int offset = 0; offset < queues.pendingCount(fixture.partnership); offset += 500) {
                queues.pendingTexts(fixture.partnership, offset, 500).forEach(t -> pending.add(t.body()));
            }
            assertThat(pending).containsAll(submitted.subList(0, Math.min(100, submitted.size())));
        }
    }
}
