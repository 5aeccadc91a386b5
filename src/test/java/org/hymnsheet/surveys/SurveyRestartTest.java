package org.hymnsheet.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.db.Tables.ANSWER_SCALE;
import static org.hymnsheet.db.Tables.RESPONSE;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hymnsheet.Application;
import org.hymnsheet.common.ResponseStatus;
import org.hymnsheet.testing.EmbeddedPostgresInitializer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A server restart in the middle of a survey loses no submitted response, on H2 (file) and on PostgreSQL. */
class SurveyRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void submitted_responses_survive_a_restart_on_h2() {
        survivesRestart("--hymnsheet.data-dir=" + dataDir);
    }

    @Test
    void submitted_responses_survive_a_restart_on_postgres() {
        String url = EmbeddedPostgresInitializer.freshDatabase("restart_" + System.nanoTime());
        survivesRestart("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--spring.jooq.sql-dialect=POSTGRES");
    }

    private void survivesRestart(String... database) {
        String submitted;
        String unfinished;
        long surveyId;
        try (var app = start(database)) {
            var fixture = new SurveyFixture(app, "safe-places");
            surveyId = fixture.survey.id();
            var responses = app.getBean(ResponseService.class);
            var entry = responses.openByLink(fixture.survey.linkToken());
            submitted = responses.start(entry, "en");
            responses.save(submitted, "area-feels", new AnswerInput.ScaleValue(3));
            responses.submit(submitted);
            unfinished = responses.start(entry, "en");
            responses.save(unfinished, "area-feels", new AnswerInput.ScaleValue(1));
        }
        try (var app = start(database)) {
            var db = app.getBean(DSLContext.class);
            assertThat(db.select(RESPONSE.STATUS).from(RESPONSE).where(RESPONSE.ID.eq(submitted)).fetchOne().value1())
                    .isEqualTo(ResponseStatus.SUBMITTED);
            assertThat(db.fetchCount(ANSWER_SCALE, ANSWER_SCALE.RESPONSE_ID.eq(submitted))).isEqualTo(1);
            // the unfinished one is kept as partial until the discard rule removes it
            assertThat(db.select(RESPONSE.STATUS).from(RESPONSE).where(RESPONSE.ID.eq(unfinished)).fetchOne().value1())
                    .isEqualTo(ResponseStatus.IN_PROGRESS);
            assertThat(db.fetchCount(RESPONSE, RESPONSE.SURVEY_ID.eq(surveyId))).isEqualTo(2);
        }
    }

    private static ConfigurableApplicationContext start(String... database) {
        List<String> args = new ArrayList<>(List.of(database));
        args.add("--server.port=0");
        return new SpringApplicationBuilder(Application.class).run(args.toArray(String[]::new));
    }
}
