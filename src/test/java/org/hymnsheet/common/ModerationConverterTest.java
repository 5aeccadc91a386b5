package org.hymnsheet.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hymnsheet.db.Tables.ANSWER_TEXT;
import static org.hymnsheet.db.Tables.RESPONSE;
import static org.hymnsheet.db.Tables.SURVEY;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.jooq.DSLContext;
import org.jooq.impl.EnumConverter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The generated {@code moderation} and {@code response.status} columns carry {@link Moderation} and
 * {@link ResponseStatus}: every state is stored as its name and read back as the enum, and a stored string that
 * is no state is refused when read, never read as null.
 */
class ModerationConverterTest {

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @Autowired DSLContext db;
        @Autowired ApplicationContext context;
        String responseId;
        long textId;

        /** A submitted response with one free text, written with plain jOOQ (no service in between). */
        @BeforeEach
        void aText() {
            long partnership = new TestWorld(context).partnership();
            String code = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            long survey = db.insertInto(SURVEY).set(SURVEY.PARTNERSHIP_ID, partnership)
                    .set(SURVEY.TEMPLATE_ID, "safe-places").set(SURVEY.TITLE, TestWorld.unique("Survey"))
                    .set(SURVEY.STATUS, SurveyStatus.OPEN).set(SURVEY.ACCESS_CODE, code)
                    .set(SURVEY.LINK_TOKEN, UUID.randomUUID().toString()).set(SURVEY.CREATED_AT, OffsetDateTime.now())
                    .returning(SURVEY.ID).fetchOne().getId();
            responseId = UUID.randomUUID().toString();
            db.insertInto(RESPONSE).set(RESPONSE.ID, responseId).set(RESPONSE.SURVEY_ID, survey)
                    .set(RESPONSE.STATUS, ResponseStatus.SUBMITTED).set(RESPONSE.LANGUAGE, "en")
                    .set(RESPONSE.STARTED_ON, LocalDate.now()).execute();
            // "LATER" is the words of the answer, and no moderation state
            textId = db.insertInto(ANSWER_TEXT).set(ANSWER_TEXT.RESPONSE_ID, responseId)
                    .set(ANSWER_TEXT.QUESTION_ID, "anything-else").set(ANSWER_TEXT.ITEM, "").set(ANSWER_TEXT.BODY, "LATER")
                    .set(ANSWER_TEXT.MODERATION, Moderation.PENDING)
                    .returning(ANSWER_TEXT.ID).fetchOne().getId();
        }

        Moderation moderation() {
            return db.select(ANSWER_TEXT.MODERATION).from(ANSWER_TEXT).where(ANSWER_TEXT.ID.eq(textId)).fetchSingle().value1();
        }

        String stored() {
            return db.fetchValue("SELECT moderation FROM answer_text WHERE id = ?", textId).toString();
        }

        @Test
        void every_state_is_stored_as_its_name_and_read_back_as_the_enum() {
            assertThat(moderation()).isEqualTo(Moderation.PENDING);
            for (Moderation state : Moderation.values()) {
                db.update(ANSWER_TEXT).set(ANSWER_TEXT.MODERATION, state).where(ANSWER_TEXT.ID.eq(textId)).execute();
                assertThat(moderation()).isEqualTo(state);
                assertThat(stored()).isEqualTo(state.name());
                assertThat(db.fetchCount(ANSWER_TEXT, ANSWER_TEXT.ID.eq(textId).and(ANSWER_TEXT.MODERATION.eq(state))))
                        .isEqualTo(1);
            }
            assertThat(db.select(RESPONSE.STATUS).from(RESPONSE).where(RESPONSE.ID.eq(responseId)).fetchSingle().value1())
                    .isEqualTo(ResponseStatus.SUBMITTED);
            assertThat(db.fetchValue("SELECT status FROM response WHERE id = ?", responseId).toString())
                    .isEqualTo("SUBMITTED");
        }

        @Test
        void a_stored_string_that_is_no_state_is_refused_not_read_as_null() {
            // the CHECK constraints keep such a string out of the moderation columns, so read one from the body column
            // through the moderation column's type: the converter is what sees it
            Throwable refused = catchThrowable(() -> db.select(ANSWER_TEXT.BODY.coerce(ANSWER_TEXT.MODERATION))
                    .from(ANSWER_TEXT).where(ANSWER_TEXT.ID.eq(textId)).fetchSingle().value1());

            Throwable cause = refused;
            while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            assertThat(cause).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LATER");
            // why the pom does not use <enumConverter>: jOOQ's own EnumConverter would have read it as null
            assertThat(new EnumConverter<>(String.class, Moderation.class).from("LATER")).isNull();
        }
    }
}
