package org.hymnsheet.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hymnsheet.db.Tables.ANSWER_TEXT;
import static org.hymnsheet.db.Tables.RESPONSE;
import static org.hymnsheet.db.Tables.SURVEY;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A statement rendered once is bound anew on every later call: new values (converted by their column's converter,
 * null included) land, and a query whose values could be frozen at the first call is refused before it runs.
 */
class RenderedOnceTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired DSLContext db;
        @Autowired ApplicationContext context;
        @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
        long textId;

        @BeforeEach
        void aText() {
            long partnership = new TestWorld(context).partnership();
            long survey = db.insertInto(SURVEY).set(SURVEY.PARTNERSHIP_ID, partnership)
                    .set(SURVEY.TEMPLATE_ID, "safe-places").set(SURVEY.TITLE, TestWorld.unique("Survey"))
                    .set(SURVEY.STATUS, SurveyStatus.OPEN).set(SURVEY.ACCESS_CODE, UUID.randomUUID().toString().substring(0, 12))
                    .set(SURVEY.LINK_TOKEN, UUID.randomUUID().toString()).set(SURVEY.CREATED_AT, OffsetDateTime.now())
                    .returning(SURVEY.ID).fetchOne().getId();
            String responseId = UUID.randomUUID().toString();
            db.insertInto(RESPONSE).set(RESPONSE.ID, responseId).set(RESPONSE.SURVEY_ID, survey)
                    .set(RESPONSE.STATUS, ResponseStatus.IN_PROGRESS).set(RESPONSE.LANGUAGE, "en")
                    .set(RESPONSE.STARTED_ON, LocalDate.now()).execute();
            textId = db.insertInto(ANSWER_TEXT).set(ANSWER_TEXT.RESPONSE_ID, responseId)
                    .set(ANSWER_TEXT.QUESTION_ID, "anything-else").set(ANSWER_TEXT.ITEM, "").set(ANSWER_TEXT.BODY, "first")
                    .set(ANSWER_TEXT.MODERATION, Moderation.PENDING).returning(ANSWER_TEXT.ID).fetchOne().getId();
        }

        int update(RenderedOnce once, String body, Moderation state) {
            Map<String, Object> values = new HashMap<>();
            values.put("id", textId);
            values.put("body", body);
            values.put("state", state);
            return once.execute("text", values, () -> db.update(ANSWER_TEXT)
                    .set(ANSWER_TEXT.BODY, DSL.param("body", ANSWER_TEXT.BODY).$value(body))
                    .set(ANSWER_TEXT.MODERATION, DSL.param("state", ANSWER_TEXT.MODERATION).$value(state))
                    .set(ANSWER_TEXT.FLAGGED, DSL.inline(false, ANSWER_TEXT.FLAGGED))
                    .where(ANSWER_TEXT.ID.eq(DSL.param("id", ANSWER_TEXT.ID).$value(textId))));
        }

        String body() {
            return db.select(ANSWER_TEXT.BODY).from(ANSWER_TEXT).where(ANSWER_TEXT.ID.eq(textId)).fetchSingle().value1();
        }

        Moderation state() {
            return db.select(ANSWER_TEXT.MODERATION).from(ANSWER_TEXT).where(ANSWER_TEXT.ID.eq(textId)).fetchSingle().value1();
        }

        @Test
        void every_later_call_binds_its_own_values_converted_by_the_columns_converter() {
            var once = new RenderedOnce(db);
            assertThat(update(once, "second", Moderation.APPROVED)).isEqualTo(1);
            assertThat(body()).isEqualTo("second");
            assertThat(update(once, "third ' ; DROP TABLE answer_text; --", Moderation.REJECTED)).isEqualTo(1);
            assertThat(body()).isEqualTo("third ' ; DROP TABLE answer_text; --");
            assertThat(state()).isEqualTo(Moderation.REJECTED);
            assertThat(once.shapes()).containsExactly("text");
        }

        @Test
        void a_later_call_with_a_null_value_binds_null_of_the_columns_type() {
            var once = new RenderedOnce(db);
            Map<String, Object> values = new HashMap<>();
            values.put("id", textId);
            values.put("by", null);
            java.util.function.Supplier<Query> clear = () -> db.update(ANSWER_TEXT)
                    .set(ANSWER_TEXT.MODERATED_BY, DSL.param("by", ANSWER_TEXT.MODERATED_BY).$value(null))
                    .where(ANSWER_TEXT.ID.eq(DSL.param("id", ANSWER_TEXT.ID).$value(textId)));
            assertThat(once.execute("clear", values, clear)).isEqualTo(1);
            assertThat(once.execute("clear", values, clear)).isEqualTo(1);
            assertThat(db.select(ANSWER_TEXT.MODERATED_BY).from(ANSWER_TEXT).where(ANSWER_TEXT.ID.eq(textId))
                    .fetchSingle().value1()).isNull();
        }

        @Test
        void a_later_call_runs_in_the_callers_transaction_and_its_sql_errors_are_springs_data_access_exceptions() {
            var once = new RenderedOnce(db);
            assertThat(update(once, "second", Moderation.APPROVED)).isEqualTo(1);
            var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
            tx.executeWithoutResult(status -> {
                assertThat(update(once, "rolled back", Moderation.REJECTED)).isEqualTo(1);
                status.setRollbackOnly();
            });
            assertThat(body()).isEqualTo("second");
            assertThat(state()).isEqualTo(Moderation.APPROVED);
            assertThatThrownBy(() -> update(once, "x".repeat(5000), Moderation.PENDING))
                    .isInstanceOf(org.springframework.dao.DataAccessException.class);
            assertThat(body()).isEqualTo("second");
        }

        @Test
        void a_value_without_a_name_is_refused_before_anything_is_written() {
            var once = new RenderedOnce(db);
            assertThatThrownBy(() -> once.execute("frozen", Map.of("id", textId), () -> db.update(ANSWER_TEXT)
                    .set(ANSWER_TEXT.BODY, DSL.val("would be the same every time"))
                    .where(ANSWER_TEXT.ID.eq(DSL.param("id", ANSWER_TEXT.ID).$value(textId)))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("without a name");
            assertThat(body()).isEqualTo("first");
        }

        @Test
        void values_that_are_not_the_querys_are_refused_before_anything_is_written() {
            var once = new RenderedOnce(db);
            assertThatThrownBy(() -> once.execute("mismatch", Map.of("id", textId, "body", "other"), () -> db.update(ANSWER_TEXT)
                    .set(ANSWER_TEXT.BODY, DSL.param("body", ANSWER_TEXT.BODY).$value("one"))
                    .where(ANSWER_TEXT.ID.eq(DSL.param("id", ANSWER_TEXT.ID).$value(textId)))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("body");
            assertThatThrownBy(() -> once.execute("missing", Map.of("id", textId), () -> db.update(ANSWER_TEXT)
                    .set(ANSWER_TEXT.BODY, DSL.param("body", ANSWER_TEXT.BODY).$value("one"))
                    .where(ANSWER_TEXT.ID.eq(DSL.param("id", ANSWER_TEXT.ID).$value(textId)))))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(body()).isEqualTo("first");
        }
    }
}
