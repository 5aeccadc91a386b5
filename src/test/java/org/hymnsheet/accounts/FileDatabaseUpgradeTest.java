package org.hymnsheet.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.hymnsheet.Application;
import org.hymnsheet.surveys.AnswerInput;
import org.hymnsheet.surveys.QueueService;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.SurveyService;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A data folder written by the previous build (H2 2.4.240) opens under today's H2 with every row, and the app
 * writes to it. The folder in {@code src/test/resources/h2-2.4.240/} was made by the packaged app of that build
 * ({@code --hymnsheet.demo=true}), then given a survey with six submitted responses by H2 2.4.240's own
 * RunScript ({@code rows-added.sql} beside it).
 */
class FileDatabaseUpgradeTest {
    static final String DEMO_PASSWORD = "demo password for tests";

    @TempDir
    Path dataDir;

    @AfterEach
    void signOut() {
        TestWorld.anonymous();
    }

    ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Application.class)
                .run("--hymnsheet.data-dir=" + dataDir, "--server.port=0");
    }

    @Test
    void a_data_folder_written_by_h2_2_4_240_opens_with_every_row_and_takes_new_ones() throws Exception {
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("/h2-2.4.240/hymnsheet.mv.db.gz"))) {
            Files.copy(in, dataDir.resolve("hymnsheet.mv.db"));
        }
        String newTitle = TestWorld.unique("Written after the upgrade");
        try (var app = start()) {
            DSLContext db = app.getBean(DSLContext.class);
            assertThat(db.fetchValue(DSL.field("H2VERSION()", String.class))).isEqualTo("2.5.252");
            assertThat(db.fetchCount(DSL.table("account"))).isEqualTo(4);
            assertThat(db.fetchCount(DSL.table("agency"))).isEqualTo(9);
            assertThat(db.fetchCount(DSL.table("place"))).isEqualTo(8);
            assertThat(db.fetchCount(DSL.table("response"))).isEqualTo(6);
            assertThat(db.fetchCount(DSL.table("answer_place"))).isEqualTo(6);

            // the demo accounts sign in with the password they were given before the upgrade
            var signIn = app.getBean(StaffAuthenticationProvider.class);
            assertThat(signIn.signIn("facilitator" + DemoData.DOMAIN, DEMO_PASSWORD, "127.0.0.1", Instant.now())
                    .isAuthenticated()).isTrue();

            // the old survey's words wait for moderation, and the old survey still takes answers
            var facilitator = app.getBean(AccountRepository.class).credentials("facilitator" + DemoData.DOMAIN).orElseThrow();
            TestWorld.as(new TestWorld.Persona(facilitator.id(), "facilitator" + DemoData.DOMAIN, 0, facilitator.roles(), false));
            long partnership = app.getBean(AccountService.class).me().partnershipId();
            var queue = app.getBean(QueueService.class);
            assertThat(queue.pendingTexts(partnership, 0, 500)).filteredOn(t -> t.body().equals("Written before the upgrade")).hasSize(6);
            var first = queue.pendingTexts(partnership, 0, 1).getFirst();
            queue.approve(first.id(), first.body(), first.flagged());

            // once the pool has turned over, the constraints the old version created still check new rows
            ((HikariDataSource) app.getBean(DataSource.class)).getHikariPoolMXBean().softEvictConnections();
            var surveys = app.getBean(SurveyService.class);
            var created = surveys.open(surveys.create(partnership, "safe-places", newTitle).id());
            TestWorld.anonymous();
            var responses = app.getBean(ResponseService.class);
            for (var token : List.of("old-h2-link-token-0001", created.linkToken())) {
                String response = responses.start(responses.openByLink(token), "en");
                responses.save(response, "area-feels", new AnswerInput.ScaleValue(2));
                responses.submit(response);
            }
        }
        try (var app = start()) {
            DSLContext db = app.getBean(DSLContext.class);
            assertThat(db.fetchCount(DSL.table("response"))).isEqualTo(8);
            assertThat(db.fetchCount(DSL.table("survey"), DSL.field("title").eq(newTitle))).isEqualTo(1);
        }
    }
}
