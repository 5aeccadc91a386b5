package org.hymnsheet.workshops;

import org.hymnsheet.common.WorkshopStatus;
import static org.hymnsheet.db.Tables.PARTICIPANT;
import static org.hymnsheet.db.Tables.SURVEY;
import static org.hymnsheet.db.Tables.WORKSHOP;
import static org.hymnsheet.db.Tables.WORKSHOP_STAGE;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hymnsheet.templates.Stage;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

@Repository
class WorkshopRepository {
    private final DSLContext db;
    private final Clock clock;

    WorkshopRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    private List<Workshop> workshops(Condition condition, boolean lock) {
        var stages = field(select(count()).from(WORKSHOP_STAGE).where(WORKSHOP_STAGE.WORKSHOP_ID.eq(WORKSHOP.ID)));
        var people = field(select(count()).from(PARTICIPANT).where(PARTICIPANT.WORKSHOP_ID.eq(WORKSHOP.ID)));
        if (lock) {
            // lock first, then read with the counts (FOR UPDATE does not mix with aggregates in subqueries everywhere)
            db.select(WORKSHOP.ID).from(WORKSHOP).where(condition).forUpdate().fetch();
        }
        return db.select(WORKSHOP.ID, WORKSHOP.PARTNERSHIP_ID, WORKSHOP.TEMPLATE_ID, WORKSHOP.TITLE,
                        WORKSHOP.STATUS, WORKSHOP.JOIN_CODE, WORKSHOP.CURRENT_STAGE,
                        stages, people, WORKSHOP.VERSION, WORKSHOP.SURVEY_ID)
                .from(WORKSHOP).where(condition).orderBy(WORKSHOP.CREATED_AT.desc(), WORKSHOP.ID.desc())
                .fetch(Records.mapping(Workshop::new));
    }

    List<Workshop> list(long partnershipId) {
        return workshops(WORKSHOP.PARTNERSHIP_ID.eq(partnershipId), false);
    }

    Optional<Workshop> find(long id) {
        return workshops(WORKSHOP.ID.eq(id), false).stream().findFirst();
    }

    /** The workshop with its row locked, so changes to one workshop's state happen one after another. */
    Optional<Workshop> lock(long id) {
        return workshops(WORKSHOP.ID.eq(id), true).stream().findFirst();
    }

    /** Sets the survey shown as the young people's voice; only a survey of the workshop's own partnership. */
    boolean setSurvey(long workshopId, Long surveyId) {
        var target = db.update(WORKSHOP).set(WORKSHOP.SURVEY_ID, surveyId).set(WORKSHOP.VERSION, WORKSHOP.VERSION.plus(1))
                .where(WORKSHOP.ID.eq(workshopId));
        return (surveyId == null ? target : target.and(org.jooq.impl.DSL.exists(
                db.selectOne().from(SURVEY).where(SURVEY.ID.eq(surveyId)).and(SURVEY.PARTNERSHIP_ID.eq(WORKSHOP.PARTNERSHIP_ID)))))
                .execute() == 1;
    }

    Optional<Workshop> byCode(String code) {
        return workshops(WORKSHOP.JOIN_CODE.eq(code), false).stream().findFirst();
    }

    boolean codeTaken(String code) {
        return db.fetchExists(WORKSHOP, WORKSHOP.JOIN_CODE.eq(code));
    }

    long insert(long partnershipId, String templateId, String title, String code, Long createdBy) {
        return db.insertInto(WORKSHOP)
                .set(WORKSHOP.PARTNERSHIP_ID, partnershipId)
                .set(WORKSHOP.TEMPLATE_ID, templateId)
                .set(WORKSHOP.TITLE, title)
                .set(WORKSHOP.STATUS, WorkshopStatus.DRAFT)
                .set(WORKSHOP.JOIN_CODE, code)
                .set(WORKSHOP.CREATED_BY, createdBy)
                .set(WORKSHOP.CREATED_AT, now())
                .returning(WORKSHOP.ID).fetchOne().getId();
    }

    void insertStage(long workshopId, int position, Stage stage) {
        String title = stage.title().in("en");
        db.insertInto(WORKSHOP_STAGE)
                .set(WORKSHOP_STAGE.WORKSHOP_ID, workshopId)
                .set(WORKSHOP_STAGE.POSITION, position)
                .set(WORKSHOP_STAGE.TEMPLATE_STAGE_ID, stage.id())
                .set(WORKSHOP_STAGE.KIND, StageKind.of(stage).name())
                .set(WORKSHOP_STAGE.TITLE, title.length() > 400 ? title.substring(0, 400) : title)
                .set(WORKSHOP_STAGE.DEFINITION, StageCopies.write(stage))
                .set(WORKSHOP_STAGE.TIMER_SECONDS, stage.minutes() > 0 ? stage.minutes() * 60 : null)
                .execute();
    }

    void setStatus(long id, WorkshopStatus status) {
        var update = db.update(WORKSHOP).set(WORKSHOP.STATUS, status).set(WORKSHOP.VERSION, WORKSHOP.VERSION.plus(1));
        if (status == WorkshopStatus.LIVE) {
            update = update.set(WORKSHOP.STARTED_AT, now());
        } else if (status == WorkshopStatus.ENDED) {
            update = update.set(WORKSHOP.ENDED_AT, now());
        }
        update.where(WORKSHOP.ID.eq(id)).execute();
    }

    void setCurrentStage(long id, int position) {
        db.update(WORKSHOP).set(WORKSHOP.CURRENT_STAGE, position).set(WORKSHOP.VERSION, WORKSHOP.VERSION.plus(1))
                .where(WORKSHOP.ID.eq(id)).execute();
    }

    List<WorkshopStage> stages(long workshopId) {
        return db.select(WORKSHOP_STAGE.ID, WORKSHOP_STAGE.POSITION, WORKSHOP_STAGE.KIND, WORKSHOP_STAGE.DEFINITION,
                        WORKSHOP_STAGE.LOCKED, WORKSHOP_STAGE.REVEALED, WORKSHOP_STAGE.TIMER_STARTED_AT,
                        WORKSHOP_STAGE.TIMER_SECONDS)
                .from(WORKSHOP_STAGE).where(WORKSHOP_STAGE.WORKSHOP_ID.eq(workshopId)).orderBy(WORKSHOP_STAGE.POSITION)
                .fetch(r -> {
                    StageKind kind = StageKind.valueOf(r.value3());
                    OffsetDateTime timer = r.value7();
                    return new WorkshopStage(r.value1(), r.value2(), kind, StageCopies.read(kind, r.value4()), r.value5(),
                            r.value6(), timer == null ? null : timer.toInstant(), r.value8());
                });
    }

    Optional<WorkshopStage> stage(long workshopId, int position) {
        return stages(workshopId).stream().filter(s -> s.position() == position).findFirst();
    }

    void setLocked(long stageId, boolean locked) {
        db.update(WORKSHOP_STAGE).set(WORKSHOP_STAGE.LOCKED, locked).where(WORKSHOP_STAGE.ID.eq(stageId)).execute();
    }

    void setRevealed(long stageId, boolean revealed) {
        db.update(WORKSHOP_STAGE).set(WORKSHOP_STAGE.REVEALED, revealed).where(WORKSHOP_STAGE.ID.eq(stageId)).execute();
    }

    void startTimer(long stageId, int seconds) {
        db.update(WORKSHOP_STAGE).set(WORKSHOP_STAGE.TIMER_STARTED_AT, now()).set(WORKSHOP_STAGE.TIMER_SECONDS, seconds)
                .where(WORKSHOP_STAGE.ID.eq(stageId)).execute();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }
}
