package org.hymnsheet.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hymnsheet.db.Tables.ANSWER_CHOICE;
import static org.hymnsheet.db.Tables.ANSWER_SCALE;
import static org.hymnsheet.db.Tables.ANSWER_TEXT;
import static org.hymnsheet.db.Tables.AUDIT_EVENT;
import static org.hymnsheet.db.Tables.BOARD_SNAPSHOT;
import static org.hymnsheet.db.Tables.FRAMING_INPUT;
import static org.hymnsheet.db.Tables.PARTICIPANT;
import static org.hymnsheet.db.Tables.RELEASE_GROUP;
import static org.hymnsheet.db.Tables.RESPONSE;
import static org.hymnsheet.db.Tables.SAFEGUARDING_ALERT;
import static org.hymnsheet.db.Tables.SAFEGUARDING_FLAG;
import static org.hymnsheet.db.Tables.SPEAKING_TURN;
import static org.hymnsheet.db.Tables.SURVEY;
import static org.hymnsheet.db.Tables.WORKSHOP;
import static org.hymnsheet.db.Tables.WORKSHOP_STAGE;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.boards.BoardSnapshotService;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.findings.FindingsFilter;
import org.hymnsheet.findings.FindingsScope;
import org.hymnsheet.findings.FindingsService;
import org.hymnsheet.findings.FindingsTable;
import org.hymnsheet.findings.WorkshopFindings;
import org.hymnsheet.security.AuditAction;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.AnswerInput;
import org.hymnsheet.surveys.FlaggedText;
import org.hymnsheet.surveys.QueueService;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.Survey;
import org.hymnsheet.surveys.SurveyService;
import org.hymnsheet.testing.MovableClock;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.SpeakingService;
import org.hymnsheet.workshops.WorkshopFixture;
import org.hymnsheet.workshops.WorkshopService;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * The retention rule with a clock the test moves, on H2 and PostgreSQL: administrators set the periods; a closed
 * survey's responses and an ended workshop's inputs are kept until their period ends and deleted once it has, with
 * their findings; handled flags go with them and open ones stay until handled; each deletion is one audit line of
 * counts, however many nodes run the rule at once; old audit lines go after the operator's period.
 */
class RetentionTest {
    static final MovableClock CLOCK = new MovableClock();
    static final String DISCLOSURE = "my stepdad Gwilym hits me with his belt behind the Quarrymen chippy";

    @Nested
    @OnH2
    class OnH2Database extends Contract {}

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {}

    abstract static class Contract {
        @TestBean Clock clock;
        @Autowired RetentionService retention;
        @Autowired SurveyService surveys;
        @Autowired ResponseService responses;
        @Autowired QueueService queues;
        @Autowired FindingsService findings;
        @Autowired WorkshopFindings workshopFindings;
        @Autowired WorkshopService workshops;
        @Autowired SpeakingService speaking;
        @Autowired BoardSnapshotService snapshots;
        @Autowired DSLContext db;
        @Autowired ApplicationContext context;

        TestWorld world;
        long p;
        TestWorld.Persona admin;
        TestWorld.Persona facilitator;
        TestWorld.Persona lead;
        TestWorld.Persona safeguarding;

        static Clock clock() {
            return CLOCK;
        }

        @BeforeEach
        void partnership() {
            world = new TestWorld(context);
            p = world.partnership();
            admin = world.account(p, Role.ADMIN);
            facilitator = world.account(p, Role.FACILITATOR);
            lead = world.account(p, Role.LEAD);
            safeguarding = world.account(p, Role.SAFEGUARDING_LEAD);
        }

        @AfterEach
        void signOut() {
            TestWorld.anonymous();
        }

        @Test
        void administrators_see_and_set_the_periods_and_nobody_else_can() {
            TestWorld.as(admin);
            assertThat(retention.periods(p)).isEqualTo(new RetentionPeriods(365, 365));
            assertThat(retention.setPeriods(p, 30, 90)).isEqualTo(new RetentionPeriods(30, 90));
            assertThat(retention.periods(p)).isEqualTo(new RetentionPeriods(30, 90));
            assertThat(auditDetails(AuditAction.RETENTION_PERIODS_CHANGED))
                    .containsExactly("surveys 365 to 30 days; workshops 365 to 90 days");

            assertRefused(() -> retention.setPeriods(p, 0, 90), "surveyDays", "retention.range");
            assertRefused(() -> retention.setPeriods(p, 30, 3651), "workshopDays", "retention.range");
            assertRefused(() -> retention.setPeriods(p, -5, 90), "surveyDays", "retention.range");
            assertRefused(() -> retention.setPeriods(p, null, 90), "surveyDays", "validation.required");
            assertThat(retention.periods(p)).isEqualTo(new RetentionPeriods(30, 90));
            retention.setPeriods(p, 30, 90); // the same again: no line
            assertThat(auditDetails(AuditAction.RETENTION_PERIODS_CHANGED)).hasSize(1);

            for (TestWorld.Persona other : List.of(facilitator, lead, safeguarding, world.account(world.partnership(), Role.ADMIN))) {
                TestWorld.as(other);
                assertThatThrownBy(() -> retention.periods(p)).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> retention.setPeriods(p, 1, 1)).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> retention.upcoming(p)).isInstanceOf(AccessDeniedException.class);
            }
            TestWorld.anonymous();
            assertThatThrownBy(() -> retention.periods(p)).isInstanceOf(AccessDeniedException.class);
        }

        @Test
        void a_closed_surveys_responses_go_when_its_period_ends_with_their_findings_and_handled_flags() {
            TestWorld.as(admin);
            retention.setPeriods(p, 30, 365);
            TestWorld.as(facilitator);
            Survey survey = surveys.open(surveys.create(p, "safe-places", TestWorld.unique("Closing")).id());
            Survey other = surveys.open(surveys.create(p, "nine-as-conditions", TestWorld.unique("Still open")).id());
            TestWorld.anonymous();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ids.add(answer(survey, i < 2 ? DISCLOSURE + " " + i : "Fine thanks " + i));
                String check = responses.start(responses.openByLink(other.linkToken()), "en");
                responses.save(check, "attunement-time", new AnswerInput.ScaleValue(4));
                responses.submit(check);
            }
            TestWorld.as(safeguarding);
            List<FlaggedText> flags = queues.safeguardingQueue(p, 0, 10);
            assertThat(flags).hasSize(2);
            queues.markHandled(flags.getFirst().id(), "Spoke to the youth worker");
            long stillOpen = flags.get(1).id();

            TestWorld.as(lead);
            List<String> before = figures(survey.title());
            assertThat(before).as("the survey's findings before").isNotEmpty();

            TestWorld.as(facilitator);
            surveys.close(survey.id());
            CLOCK.advance(Duration.ofDays(30).minusMinutes(1));
            retention.deleteDue();
            assertThat(held(survey.id())).isEqualTo(10);

            TestWorld.as(admin);
            var due = retention.upcoming(p);
            assertThat(due).extracting(DueDeletion::id, DueDeletion::kind, DueDeletion::held)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(survey.id(), DueDeletion.Kind.SURVEY, 10));
            assertThat(due.getFirst().deleteAt()).isEqualTo(due.getFirst().since().plus(Duration.ofDays(30)));

            CLOCK.advance(Duration.ofMinutes(2));
            retention.deleteDue();

            assertThat(held(survey.id())).isZero();
            assertThat(db.fetchCount(ANSWER_SCALE, ANSWER_SCALE.RESPONSE_ID.in(ids))).isZero();
            assertThat(db.fetchCount(ANSWER_CHOICE, ANSWER_CHOICE.RESPONSE_ID.in(ids))).isZero();
            assertThat(db.fetchCount(ANSWER_TEXT, ANSWER_TEXT.RESPONSE_ID.in(ids))).isZero();
            assertThat(db.fetchCount(RELEASE_GROUP, RELEASE_GROUP.SURVEY_ID.eq(survey.id()))).isZero();
            assertThat(db.select(SAFEGUARDING_FLAG.ID).from(SAFEGUARDING_FLAG).where(SAFEGUARDING_FLAG.SURVEY_ID.eq(survey.id()))
                    .fetch(SAFEGUARDING_FLAG.ID)).as("the handled flag goes, the open one stays").containsExactly(stillOpen);
            assertThat(held(other.id())).as("an open survey keeps everything").isEqualTo(10);
            assertThat(db.fetchExists(SURVEY, SURVEY.ID.eq(survey.id()))).as("the survey itself stays").isTrue();

            List<String> lines = auditDetails(AuditAction.RETENTION_DELETED);
            assertThat(lines).singleElement().asString()
                    .startsWith("survey " + survey.id() + "; rule: survey responses 30 days after closing; "
                            + "answers 20, texts 10, responses 10, release groups ")
                    .contains(", safeguarding flags 1, alerts ");
            assertThat(String.join(" ", lines)).doesNotContain("Gwilym", "Fine thanks", survey.title());

            TestWorld.as(lead);
            assertThat(figures(survey.title())).as("the survey's findings after").isEmpty();
            TestWorld.as(admin);
            assertThat(retention.upcoming(p)).isEmpty();
            TestWorld.as(facilitator);
            assertRefused(() -> surveys.open(survey.id()), "survey", "surveys.dataDeleted");

            // the open flag goes at the first run after a lead has handled it
            retention.deleteDue();
            assertThat(db.fetchExists(SAFEGUARDING_FLAG, SAFEGUARDING_FLAG.ID.eq(stillOpen))).isTrue();
            TestWorld.as(safeguarding);
            queues.markHandled(stillOpen, "Referred");
            retention.deleteDue();
            assertThat(db.fetchExists(SAFEGUARDING_FLAG, SAFEGUARDING_FLAG.ID.eq(stillOpen))).isFalse();
            assertThat(db.fetchCount(SAFEGUARDING_ALERT, SAFEGUARDING_ALERT.FLAG_ID.eq(stillOpen))).isZero();
            assertThat(auditDetails(AuditAction.RETENTION_DELETED)).hasSize(2).first().asString()
                    .startsWith("survey " + survey.id() + "; rule: flags handled after its data was deleted; safeguarding flags 1, alerts ");
        }

        @Test
        void a_survey_opened_again_before_its_period_ends_keeps_its_responses_and_counts_afresh_when_closed_again() {
            TestWorld.as(admin);
            retention.setPeriods(p, 10, 365);
            TestWorld.as(facilitator);
            Survey survey = surveys.open(surveys.create(p, "safe-places", TestWorld.unique("Reopened")).id());
            TestWorld.anonymous();
            answer(survey, "First");
            TestWorld.as(facilitator);
            surveys.close(survey.id());
            CLOCK.advance(Duration.ofDays(9));
            surveys.open(survey.id());
            CLOCK.advance(Duration.ofDays(2));
            retention.deleteDue();
            assertThat(held(survey.id())).isEqualTo(1);
            surveys.close(survey.id());
            CLOCK.advance(Duration.ofDays(9));
            retention.deleteDue();
            assertThat(held(survey.id())).isEqualTo(1);
            CLOCK.advance(Duration.ofDays(1));
            retention.deleteDue();
            assertThat(held(survey.id())).isZero();
        }

        @Test
        void an_ended_workshops_inputs_speaking_record_and_saved_boards_go_when_its_period_ends_with_their_findings() {
            TestWorld.as(admin);
            retention.setPeriods(p, 365, 7);
            var f = new WorkshopFixture(context, world, p);
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String token = f.join(i % 2 == 0 ? f.police : f.health, Level.PRACTITIONER, null);
                f.inputs().frame(token, WorkshopFixture.FRAMING, 10 * i, null);
                tokens.add(token);
            }
            long id = f.workshop.id();
            f.asFacilitator(() -> {
                speaking.tap(id, f.police, null);
                speaking.tap(id, f.health, null);
                speaking.pause(id);
                snapshots.save(id, List.of());
                return workshops.end(id);
            });
            TestWorld.as(lead);
            List<List<String>> before = workshopFigures();
            assertThat(before.stream().flatMap(List::stream)).as("findings before: %s", before)
                    .anyMatch(v -> v.matches("[1-9]\\d*"));
            assertThat(participantsOf(id)).isEqualTo(6);

            CLOCK.advance(Duration.ofDays(7).minusMinutes(1));
            retention.deleteDue();
            assertThat(participantsOf(id)).isEqualTo(6);
            TestWorld.as(admin);
            assertThat(retention.upcoming(p)).extracting(DueDeletion::id, DueDeletion::kind, DueDeletion::held)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(id, DueDeletion.Kind.WORKSHOP, 6));

            CLOCK.advance(Duration.ofMinutes(2));
            retention.deleteDue();
            assertThat(participantsOf(id)).isZero();
            assertThat(db.fetchCount(FRAMING_INPUT, FRAMING_INPUT.STAGE_ID.in(DSL.select(WORKSHOP_STAGE.ID).from(WORKSHOP_STAGE)
                    .where(WORKSHOP_STAGE.WORKSHOP_ID.eq(id))))).isZero();
            assertThat(db.fetchCount(SPEAKING_TURN, SPEAKING_TURN.WORKSHOP_ID.eq(id))).isZero();
            assertThat(db.fetchCount(BOARD_SNAPSHOT, BOARD_SNAPSHOT.WORKSHOP_ID.eq(id))).isZero();
            assertThat(db.fetchExists(WORKSHOP, WORKSHOP.ID.eq(id).and(WORKSHOP.DATA_DELETED_AT.isNotNull()))).isTrue();
            assertThat(auditDetails(AuditAction.RETENTION_DELETED)).containsExactly("workshop " + id
                    + "; rule: workshop inputs 7 days after ending; inputs 6, participants 6, speaking turns 2, saved boards 1, "
                    + "safeguarding flags 0, alerts 0");
            TestWorld.as(lead);
            List<List<String>> after = workshopFigures();
            assertThat(after).as("findings before: %s", before).isNotEqualTo(before);
            assertThat(after.stream().flatMap(List::stream)).as("no figure counted from the deleted inputs")
                    .noneMatch(v -> v.matches("[1-9]\\d*"));
        }

        @Test
        void two_nodes_running_the_rule_at_once_delete_a_survey_once() throws Exception {
            TestWorld.as(admin);
            retention.setPeriods(p, 1, 1);
            TestWorld.as(facilitator);
            Survey survey = surveys.open(surveys.create(p, "safe-places", TestWorld.unique("Raced")).id());
            TestWorld.anonymous();
            for (int i = 0; i < 5; i++) {
                answer(survey, "Answer " + i);
            }
            TestWorld.as(facilitator);
            surveys.close(survey.id());
            TestWorld.anonymous();
            CLOCK.advance(Duration.ofDays(2));
            var start = new CountDownLatch(1);
            var runs = List.of(CompletableFuture.runAsync(() -> await(start, retention::deleteDue)),
                    CompletableFuture.runAsync(() -> await(start, retention::deleteDue)));
            start.countDown();
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
            assertThat(held(survey.id())).isZero();
            assertThat(auditDetails(AuditAction.RETENTION_DELETED)).hasSize(1).first().asString()
                    .startsWith("survey " + survey.id() + "; rule: survey responses 1 days after closing;")
                    .contains("responses 5");
        }

        @Test
        void audit_lines_go_after_the_operators_period_with_a_line_saying_how_many() {
            TestWorld.as(admin);
            retention.setPeriods(p, 100, 100); // one line, now
            CLOCK.advance(Duration.ofDays(2190).plusMinutes(1));
            retention.deleteDue();
            assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.PARTNERSHIP_ID.eq(p)
                    .and(AUDIT_EVENT.ACTION.eq(AuditAction.RETENTION_PERIODS_CHANGED.name())))).isZero();
            assertThat(auditDetails(AuditAction.RETENTION_DELETED)).singleElement().asString()
                    .startsWith("audit log: 1 lines from before ");
        }

        /** A young person answers and submits; a text that looks like a disclosure raises a flag. */
        String answer(Survey survey, String words) {
            String id = responses.start(responses.openByLink(survey.linkToken()), "en");
            responses.save(id, "area-feels", new AnswerInput.ScaleValue(4));
            responses.save(id, "most-safe", new AnswerInput.Choice(Set.of("home")));
            responses.save(id, "anything-else", new AnswerInput.Text(words));
            responses.submit(id);
            return id;
        }

        int held(long surveyId) {
            return db.fetchCount(RESPONSE, RESPONSE.SURVEY_ID.eq(surveyId));
        }

        int participantsOf(long workshopId) {
            return db.fetchCount(PARTICIPANT, PARTICIPANT.WORKSHOP_ID.eq(workshopId));
        }

        /** Every figure of the findings' scales of the safe-places template (only the closing survey uses it). */
        List<String> figures(String title) {
            List<String> shown = new ArrayList<>();
            for (var section : findings.findings(p, FindingsFilter.ALL, Locale.UK)) {
                for (FindingsTable table : section.tables()) {
                    if (table.id().equals("voice.scales.safe-places")) {
                        table.rows().forEach(r -> r.values().forEach(v -> {
                            String label = v.label(Locale.UK);
                            if (label.matches("\\d+")) {
                                shown.add(table.id() + ":" + label);
                            }
                        }));
                    }
                }
            }
            return shown;
        }

        List<List<String>> workshopFigures() {
            return workshopFindings.participation(FindingsScope.partnership(p), FindingsFilter.ALL, Locale.UK).stream()
                    .flatMap(t -> t.rows().stream())
                    .map(r -> r.values().stream().map(v -> v.label(Locale.UK)).toList()).toList();
        }

        List<String> auditDetails(AuditAction action) {
            return db.select(AUDIT_EVENT.DETAIL).from(AUDIT_EVENT)
                    .where(AUDIT_EVENT.PARTNERSHIP_ID.eq(p).and(AUDIT_EVENT.ACTION.eq(action.name())))
                    .orderBy(AUDIT_EVENT.ID.desc()).fetch(AUDIT_EVENT.DETAIL);
        }

        static void assertRefused(Runnable call, String field, String key) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class, e -> {
                assertThat(e.field()).isEqualTo(field);
                assertThat(e.messageKey()).isEqualTo(key);
            });
        }

        static void await(CountDownLatch start, Runnable run) {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            run.run();
        }
    }
}
