package org.hymnsheet.workshops;

import org.hymnsheet.common.WorkshopStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.AnswerInput;
import org.hymnsheet.surveys.QueueService;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.templates.PlaceRating;
import org.hymnsheet.testing.OnPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.NestedTestConfiguration;

/**
 * The app keeps working once every pooled connection has been retired, above all the one that ran the
 * migrations. H2 2.4.240 tied each {@code CHECK (x IN (…))} constraint to the connection that created it, so
 * after HikariCP's 30-minute {@code maxLifetime} retired Flyway's connection every insert into a table with
 * such a constraint failed. Here the turnover happens at once, by soft eviction, on a fresh file database
 * (as a new installation has) and on PostgreSQL.
 */
class PoolTurnoverTest {

    @Nested
    @NestedTestConfiguration(NestedTestConfiguration.EnclosingConfiguration.OVERRIDE)
    @SpringBootTest(properties = "spring.jooq.sql-dialect=H2")
    class OnFreshH2File extends Contract {
        @DynamicPropertySource
        static void freshFile(DynamicPropertyRegistry registry) throws Exception {
            Path dir = Files.createTempDirectory("hymnsheet-turnover");
            dir.toFile().deleteOnExit();
            registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("hymnsheet") + ";AUTO_SERVER=FALSE");
        }
    }

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired DataSource dataSource;
        @Autowired SurveyService surveys;
        @Autowired ResponseService responses;
        @Autowired QueueService queue;
        @Autowired WorkshopModerationService moderation;
        @Autowired ApplicationContext context;

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        /** Closes every idle connection now and every busy one when it comes back, as maxLifetime does. */
        void retireEveryPooledConnection() throws Exception {
            var pool = ((HikariDataSource) dataSource).getHikariPoolMXBean();
            pool.softEvictConnections();
            for (int i = 0; i < 100 && pool.getActiveConnections() > 0; i++) {
                Thread.sleep(20);
            }
            // a connection taken now is a new one: the pool refills lazily after an eviction
            try (var c = dataSource.getConnection()) {
                assertThat(c.isValid(1)).isTrue();
            }
        }

        @Test
        void surveys_and_workshops_still_save_after_every_pooled_connection_is_retired() throws Exception {
            retireEveryPooledConnection();

            // a survey: created and opened (status checks), answered (rating checks), submitted, moderated
            var world = new TestWorld(context);
            long partnership = world.partnership();
            long place = world.place(partnership);
            TestWorld.as(world.account(partnership, Role.FACILITATOR));
            var survey = surveys.open(surveys.create(partnership, "safe-places", TestWorld.unique("Survey")).id());
            TestWorld.anonymous();
            var entry = responses.openByLink(survey.linkToken());
            String response = responses.start(entry, "en");
            responses.save(response, "area-feels", new AnswerInput.ScaleValue(4));
            responses.save(response, "places", new AnswerInput.Places(List.of(
                    new AnswerInput.PlaceAnswer(String.valueOf(place), PlaceRating.UNSAFE, "dark by the canal"))));
            responses.save(response, "anything-else", new AnswerInput.Text("More lights please"));
            assertThat(responses.answers(response)).containsKeys("area-feels", "places", "anything-else");
            responses.submit(response);
            TestWorld.as(world.account(partnership, Role.FACILITATOR));
            var waiting = queue.pendingTexts(partnership, 0, 500).stream().filter(t -> t.surveyId() == survey.id()).toList();
            assertThat(waiting).hasSize(2);
            waiting.forEach(t -> queue.approve(t.id(), t.body(), t.flagged()));
            assertThat(queue.pendingTexts(partnership, 0, 500)).noneMatch(t -> t.surveyId() == survey.id());
            TestWorld.anonymous();

            retireEveryPooledConnection();

            // a workshop: created and started (status checks), joined (level checks), inputs saved and moderated
            var room = new WorkshopFixture(context);
            String ann = room.join(room.police, Level.MANAGER, "Ann");
            String bob = room.join(room.health, Level.STRATEGIC_LEADER, null);
            room.inputs().frame(ann, WorkshopFixture.FRAMING, 30, "Families need support, not blame");
            room.inputs().frame(bob, WorkshopFixture.FRAMING, 70, null);
            room.goTo(WorkshopFixture.CARDS);
            room.inputs().influence(ann, WorkshopFixture.VOICE, Set.of(room.police));
            long card = room.participants().cards(ann).getFirst().id();
            room.inputs().place(ann, WorkshopFixture.CARDS, card, 80);
            room.asFacilitator(() -> {
                var pending = moderation.pending(room.workshop.id());
                assertThat(pending).extracting(PendingText::text).containsExactly("Families need support, not blame");
                moderation.moderate(room.workshop.id(), pending.getFirst().kind(), pending.getFirst().ref(), true);
                assertThat(moderation.pending(room.workshop.id())).isEmpty();
                return room.workshops().end(room.workshop.id());
            });
            assertThat(room.asFacilitator(() -> room.workshops().get(room.workshop.id())).status())
                    .isEqualTo(WorkshopStatus.ENDED);
        }
    }
}
