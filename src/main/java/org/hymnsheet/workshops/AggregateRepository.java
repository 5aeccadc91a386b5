package org.hymnsheet.workshops;

import static org.hymnsheet.db.Tables.AGENCY;
import static org.hymnsheet.db.Tables.CARD;
import static org.hymnsheet.db.Tables.CARD_CONTEXT;
import static org.hymnsheet.db.Tables.CARD_PLACEMENT;
import static org.hymnsheet.db.Tables.DOT_VOTE;
import static org.hymnsheet.db.Tables.FRAMING_INPUT;
import static org.hymnsheet.db.Tables.INFLUENCE_VOTE;
import static org.hymnsheet.db.Tables.MAPPING_NOTE;
import static org.hymnsheet.db.Tables.NEED;
import static org.hymnsheet.db.Tables.PARTICIPANT;
import static org.hymnsheet.db.Tables.PULSE_ANSWER;
import static org.hymnsheet.db.Tables.SPEAKING_TURN;
import static org.hymnsheet.db.Tables.WORKSHOP;
import static org.hymnsheet.db.Tables.WORKSHOP_STAGE;
import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.castNull;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.extract;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.nullif;
import static org.jooq.impl.DSL.round;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hymnsheet.common.Moderation;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.Suppression;
import org.hymnsheet.db.tables.Agency;
import org.hymnsheet.workshops.WorkshopAggregates.By;
import org.hymnsheet.workshops.WorkshopAggregates.Group;
import org.jooq.CaseConditionStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.OrderField;
import org.jooq.impl.SQLDataType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Repository;

/**
 * The one place that counts workshops: the board (one stage), the workshop record (one workshop) and findings (many
 * workshops, by workshop or by quarter) run these same GROUP BYs, each narrowed by a {@link WorkshopScope} and grouped
 * {@link By} what the caller shows. Input rows join their stage and workshop, so every scope is also held to its
 * partnership.
 */
@Repository
class AggregateRepository {
    private static final Field<BigDecimal> ZERO = inline(BigDecimal.ZERO);

    private final DSLContext db;
    private final ZoneId zone;

    AggregateRepository(DSLContext db, @Value("${hymnsheet.time-zone:Europe/London}") String zone) {
        this.db = db;
        this.zone = ZoneId.of(zone);
    }

    /** The grouping columns of one query: a key, and a workshop's title and start for {@link By#WORKSHOP}. */
    private record Grouping(Field<Long> key, Field<String> title, Field<OffsetDateTime> started, List<Field<?>> groupBy) {
        Group of(Record r) {
            OffsetDateTime at = r.get(started);
            return new Group(r.get(key), r.get(title), at == null ? null : at.toInstant());
        }

        List<Field<?>> select(Field<?>... more) {
            var fields = new ArrayList<Field<?>>(List.of(key, title, started));
            fields.addAll(List.of(more));
            return fields;
        }

        /** The key first when there is one: a constant in ORDER BY would be read as a column number. */
        List<OrderField<?>> orderBy(OrderField<?>... more) {
            var fields = new ArrayList<OrderField<?>>();
            if (groupBy.contains(started)) { // by workshop: in the order they started
                fields.add(started);
            }
            if (!groupBy.isEmpty()) {
                fields.add(key);
            }
            fields.addAll(List.of(more));
            return fields;
        }

        List<Field<?>> groupBy(Field<?>... more) {
            var fields = new ArrayList<Field<?>>(groupBy);
            fields.addAll(List.of(more));
            return fields;
        }
    }

    /** The workshops of the scope (partnership, workshop, who ran it, when it started, its template). */
    private static Condition workshops(WorkshopScope s) {
        Condition c = WORKSHOP.PARTNERSHIP_ID.eq(s.partnershipId());
        c = c.and(s.workshopId().map(WORKSHOP.ID::eq).orElse(noCondition()));
        c = c.and(s.runBy().map(WORKSHOP.CREATED_BY::eq).orElse(noCondition()));
        c = c.and(s.startedFrom().map(at -> WORKSHOP.STARTED_AT.ge(utc(at))).orElse(noCondition()));
        c = c.and(s.startedBefore().map(at -> WORKSHOP.STARTED_AT.lt(utc(at))).orElse(noCondition()));
        c = c.and(s.templateId().map(WORKSHOP.TEMPLATE_ID::eq).orElse(noCondition()));
        return s.startedOnly() ? c.and(WORKSHOP.STARTED_AT.isNotNull()) : c;
    }

    /** An input table's rows in the scope: its stage (when the scope names one) and its participants' agency and level. */
    private static Condition rows(WorkshopScope s, Field<Long> stage, Field<Long> agency, Field<String> level) {
        Condition c = workshops(s).and(s.stageId().map(stage::eq).orElse(noCondition()));
        return c.and(participants(s, agency, level));
    }

    private static Condition participants(WorkshopScope s, Field<Long> agency, Field<String> level) {
        return s.agencyId().map(agency::eq).orElse(noCondition())
                .and(s.level().map(l -> level.eq(l.name())).orElse(noCondition()));
    }

    private Grouping grouping(By by, WorkshopScope s) {
        return switch (by) {
            case ALL -> new Grouping(inline(0L), castNull(SQLDataType.VARCHAR(200)),
                    castNull(SQLDataType.TIMESTAMPWITHTIMEZONE), List.of());
            case STAGE -> new Grouping(WORKSHOP_STAGE.POSITION.cast(SQLDataType.BIGINT), castNull(SQLDataType.VARCHAR(200)),
                    castNull(SQLDataType.TIMESTAMPWITHTIMEZONE), List.of(WORKSHOP_STAGE.POSITION));
            case WORKSHOP -> new Grouping(WORKSHOP.ID, WORKSHOP.TITLE, WORKSHOP.STARTED_AT,
                    List.of(WORKSHOP.ID, WORKSHOP.TITLE, WORKSHOP.STARTED_AT));
            case QUARTER -> {
                Field<Long> quarter = quarterOf(s);
                if (quarter == null) { // no workshop started in the scope: nothing to group, and no constant to group by
                    yield grouping(By.WORKSHOP, s);
                }
                yield new Grouping(quarter, castNull(SQLDataType.VARCHAR(200)), castNull(SQLDataType.TIMESTAMPWITHTIMEZONE),
                        List.of(quarter));
            }
        };
    }

    /**
     * The quarter a workshop started in, in the partnership's time zone ({@code hymnsheet.time-zone}), as year * 10 +
     * quarter: a CASE over the quarters' first instants, computed here so H2 and PostgreSQL agree whatever their own
     * time zones. Literals, not bind values, so PostgreSQL sees the same expression in SELECT and GROUP BY.
     */
    private Field<Long> quarterOf(WorkshopScope s) {
        var span = db.select(min(WORKSHOP.STARTED_AT), max(WORKSHOP.STARTED_AT)).from(WORKSHOP).where(workshops(s))
                .fetchOne();
        if (span == null || span.value1() == null) {
            return null;
        }
        int first = span.value1().toInstant().atZone(zone).getYear();
        int last = span.value2().toInstant().atZone(zone).getYear();
        CaseConditionStep<Long> quarters = null;
        for (int year = first; year <= last; year++) {
            for (int q = 1; q <= 4; q++) {
                OffsetDateTime end = utc(LocalDate.of(year, 1, 1).plusMonths(3L * q).atStartOfDay(zone).toInstant());
                Condition before = WORKSHOP.STARTED_AT.lt(inline(end));
                Field<Long> key = inline(year * 10L + q);
                quarters = quarters == null ? when(before, key) : quarters.when(before, key);
            }
        }
        return quarters.else_(inline(last * 10L + 4));
    }

    /** Card placements: how many, how many right of the middle (ecological), left of it, and the mean position. */
    List<WorkshopAggregates.Balance> balance(WorkshopScope s, By by) {
        Grouping g = grouping(by, s);
        Field<Integer> eco = coalesce(sum(when(CARD_PLACEMENT.POSITION.gt((short) 50), inline(1)).else_(inline(0))), ZERO)
                .cast(SQLDataType.INTEGER);
        Field<Integer> beh = coalesce(sum(when(CARD_PLACEMENT.POSITION.lt((short) 50), inline(1)).else_(inline(0))), ZERO)
                .cast(SQLDataType.INTEGER);
        Field<BigDecimal> mean = round(avg(CARD_PLACEMENT.POSITION.cast(SQLDataType.DECIMAL(10, 2))), 1);
        Field<Integer> placements = count();
        return db.select(g.select(placements, eco, beh, mean))
                .from(CARD_PLACEMENT).join(WORKSHOP_STAGE).on(WORKSHOP_STAGE.ID.eq(CARD_PLACEMENT.STAGE_ID))
                .join(WORKSHOP).on(WORKSHOP.ID.eq(WORKSHOP_STAGE.WORKSHOP_ID))
                .where(rows(s, CARD_PLACEMENT.STAGE_ID, CARD_PLACEMENT.AGENCY_ID, CARD_PLACEMENT.WORK_LEVEL))
                .groupBy(g.groupBy()).orderBy(g.orderBy())
                .fetch(r -> new WorkshopAggregates.Balance(g.of(r), r.get(placements), r.get(eco), r.get(beh), r.get(mean)));
    }

    /** Framing positions per agency: how many answered, the mean, lowest and highest (0..100). */
    List<WorkshopAggregates.FramingMean> framing(WorkshopScope s, By by) {
        Grouping g = grouping(by, s);
        Field<Integer> answers = count();
        Field<BigDecimal> mean = round(avg(FRAMING_INPUT.POSITION.cast(SQLDataType.DECIMAL(10, 2))), 1);
        Field<Integer> lo = min(FRAMING_INPUT.POSITION).cast(SQLDataType.INTEGER);
        Field<Integer> hi = max(FRAMING_INPUT.POSITION).cast(SQLDataType.INTEGER);
        return db.select(g.select(FRAMING_INPUT.AGENCY_ID, AGENCY.NAME, answers, mean, lo, hi))
                .from(FRAMING_INPUT).join(WORKSHOP_STAGE).on(WORKSHOP_STAGE.ID.eq(FRAMING_INPUT.STAGE_ID))
                .join(WORKSHOP).on(WORKSHOP.ID.eq(WORKSHOP_STAGE.WORKSHOP_ID))
                .join(AGENCY).on(AGENCY.ID.eq(FRAMING_INPUT.AGENCY_ID))
                .where(rows(s, FRAMING_INPUT.STAGE_ID, FRAMING_INPUT.AGENCY_ID, FRAMING_INPUT.WORK_LEVEL))
                .groupBy(g.groupBy(FRAMING_INPUT.AGENCY_ID, AGENCY.NAME, AGENCY.NAME_KEY))
                .orderBy(g.orderBy(AGENCY.NAME_KEY, FRAMING_INPUT.AGENCY_ID))
                .fetch(r -> new WorkshopAggregates.FramingMean(g.of(r), r.get(FRAMING_INPUT.AGENCY_ID), r.get(AGENCY.NAME),
                        r.get(answers), r.get(mean), r.get(lo), r.get(hi)));
    }

    /** Context tags per context: how many tags, and how many distinct cards were tagged with it. */
    List<WorkshopAggregates.ContextCount> contexts(WorkshopScope s, By by) {
        Grouping g = grouping(by, s);
        Field<Integer> tags = count();
        Field<Integer> cards = countDistinct(CARD_CONTEXT.CARD_ID);
        return db.select(g.select(CARD_CONTEXT.CONTEXT_ID, tags, cards))
                .from(CARD_CONTEXT).join(WORKSHOP_STAGE).on(WORKSHOP_STAGE.ID.eq(CARD_CONTEXT.STAGE_ID))
                .join(WORKSHOP).on(WORKSHOP.ID.eq(WORKSHOP_STAGE.WORKSHOP_ID))
                .where(rows(s, CARD_CONTEXT.STAGE_ID, CARD_CONTEXT.AGENCY_ID, CARD_CONTEXT.WORK_LEVEL))
                .groupBy(g.groupBy(CARD_CONTEXT.CONTEXT_ID)).orderBy(g.orderBy(CARD_CONTEXT.CONTEXT_ID))
                .fetch(r -> new WorkshopAggregates.ContextCount(g.of(r), r.get(CARD_CONTEXT.CONTEXT_ID), r.get(tags),
                        r.get(cards)));
    }

    /** Cards the scope's participants placed or tagged at least once (the cards the room actually sorted). */
    List<WorkshopAggregates.CardCount> sortedCards(WorkshopScope s, By by) {
        Grouping g = grouping(by == By.STAGE ? By.ALL : by, s);
        Field<Integer> cards = countDistinct(CARD.ID);
        Condition placed = exists(selectOne().from(CARD_PLACEMENT).where(CARD_PLACEMENT.CARD_ID.eq(CARD.ID))
                .and(s.stageId().map(CARD_PLACEMENT.STAGE_ID::eq).orElse(noCondition()))
                .and(participants(s, CARD_PLACEMENT.AGENCY_ID, CARD_PLACEMENT.WORK_LEVEL)));
        Condition tagged = exists(selectOne().from(CARD_CONTEXT).where(CARD_CONTEXT.CARD_ID.eq(CARD.ID))
                .and(s.stageId().map(CARD_CONTEXT.STAGE_ID::eq).orElse(noCondition()))
                .and(participants(s, CARD_CONTEXT.AGENCY_ID, CARD_CONTEXT.WORK_LEVEL)));
        return db.select(g.select(cards))
                .from(CARD).join(WORKSHOP).on(WORKSHOP.ID.eq(CARD.WORKSHOP_ID))
                .where(workshops(s)).and(placed.or(tagged))
                .groupBy(g.groupBy()).orderBy(g.orderBy())
                .fetch(r -> new WorkshopAggregates.CardCount(g.of(r), r.get(cards)));
    }

    /** Pulse answers per question and value, with the sum of the answering participants' record keys. */
    List<WorkshopAggregates.PulseCount> pulse(WorkshopScope s, By by) {
        Grouping g = grouping(by, s);
        Field<Integer> value = PULSE_ANSWER.SCALE_VALUE.cast(SQLDataType.INTEGER);
        Field<Integer> answers = count();
        Field<Long> keys = coalesce(sum(PARTICIPANT.RECORD_KEY), ZERO).cast(SQLDataType.BIGINT);
        return db.select(g.select(PULSE_ANSWER.QUESTION_ID, value, answers, keys))
                .from(PULSE_ANSWER).join(WORKSHOP_STAGE).on(WORKSHOP_STAGE.ID.eq(PULSE_ANSWER.STAGE_ID))
                .join(WORKSHOP).on(WORKSHOP.ID.eq(WORKSHOP_STAGE.WORKSHOP_ID))
                .join(PARTICIPANT).on(PARTICIPANT.ID.eq(PULSE_ANSWER.PARTICIPANT_ID))
                .where(rows(s, PULSE_ANSWER.STAGE_ID, PULSE_ANSWER.AGENCY_ID, PULSE_ANSWER.WORK_LEVEL))
                .groupBy(g.groupBy(PULSE_ANSWER.QUESTION_ID, PULSE_ANSWER.SCALE_VALUE))
                .orderBy(g.orderBy(PULSE_ANSWER.QUESTION_ID, PULSE_ANSWER.SCALE_VALUE))
                .fetch(r -> new WorkshopAggregates.PulseCount(g.of(r), r.get(PULSE_ANSWER.QUESTION_ID), r.get(value),
                        new Suppression.Tally(r.get(answers), r.get(keys))));
    }

    /** Approved needs with their dots, most dots first within each group. */
    List<WorkshopAggregates.NeedDots> needs(WorkshopScope s, By by) {
        Grouping g = grouping(by, s);
        Agency owner = AGENCY.as("owner");
        Field<Integer> dots = coalesce(sum(DOT_VOTE.DOTS), ZERO).cast(SQLDataType.INTEGER);
        return db.select(g.select(NEED.ID, NEED.TEXT, NEED.CATEGORY, owner.NAME, dots))
                .from(NEED).join(WORKSHOP_STAGE).on(WORKSHOP_STAGE.ID.eq(NEED.STAGE_ID))
                .join(WORKSHOP).on(WORKSHOP.ID.eq(WORKSHOP_STAGE.WORKSHOP_ID))
                .leftJoin(owner).on(owner.ID.eq(NEED.OWNER_AGENCY_ID))
                .leftJoin(DOT_VOTE).on(DOT_VOTE.NEED_ID.eq(NEED.ID))
                .and(participants(s, DOT_VOTE.AGENCY_ID, DOT_VOTE.WORK_LEVEL))
                .where(rows(s, NEED.STAGE_ID, NEED.AGENCY_ID, NEED.WORK_LEVEL)).and(NEED.MODERATION.eq(Moderation.APPROVED))
                .groupBy(g.groupBy(NEED.ID, NEED.TEXT, NEED.CATEGORY, owner.NAME))
                .orderBy(g.orderBy(dots.desc(), NEED.ID))
                .fetch(r -> new WorkshopAggregates.NeedDots(g.of(r), r.get(NEED.ID), r.get(NEED.TEXT),
                        r.get(NEED.CATEGORY), r.get(owner.NAME), r.get(dots)));
    }

    /** Approved needs per category: how many were raised and how many dots they received, the most raised first. */
    List<WorkshopAggregates.NeedCategory> needCategories(WorkshopScope s) {
        Field<Integer> raised = countDistinct(NEED.ID);
        Field<Integer> dots = coalesce(sum(DOT_VOTE.DOTS), ZERO).cast(SQLDataType.INTEGER);
        return db.select(NEED.CATEGORY, raised, dots)
                .from(NEED).join(WORKSHOP_STAGE).on(WORKSHOP_STAGE.ID.eq(NEED.STAGE_ID))
                .join(WORKSHOP).on(WORKSHOP.ID.eq(WORKSHOP_STAGE.WORKSHOP_ID))
                .leftJoin(DOT_VOTE).on(DOT_VOTE.NEED_ID.eq(NEED.ID))
                .and(participants(s, DOT_VOTE.AGENCY_ID, DOT_VOTE.WORK_LEVEL))
                .where(rows(s, NEED.STAGE_ID, NEED.AGENCY_ID, NEED.WORK_LEVEL)).and(NEED.MODERATION.eq(Moderation.APPROVED))
                .groupBy(NEED.CATEGORY).orderBy(raised.desc(), dots.desc(), NEED.CATEGORY)
                .fetch(r -> new WorkshopAggregates.NeedCategory(r.value1(), r.value2(), r.value3()));
    }

    /**
     * Turns and seconds per agency (byLevel = false) or per level, with each group's share of all seconds and of all
     * turns in the scope, rounded to 4 places. A turn still open counts up to {@code now}.
     */
    List<SpeakingShare> speaking(WorkshopScope s, boolean byLevel, Instant now) {
        Field<BigDecimal> seconds = sum(turnLength(now));
        Field<Integer> turns = count();
        Field<BigDecimal> timeShare = round(seconds.div(nullif(sum(seconds).over(), ZERO)), 4);
        // numeric with a scale: H2 divides an unscaled DECIMAL as an integer
        Field<BigDecimal> turnShare = round(turns.cast(SQLDataType.DECIMAL(20, 6))
                .div(nullif(sum(turns).over().cast(SQLDataType.DECIMAL(20, 6)), ZERO)), 4);
        Field<?> group = byLevel ? SPEAKING_TURN.WORK_LEVEL : SPEAKING_TURN.AGENCY_ID;
        return db.select(group, turns, round(seconds, 3), timeShare, turnShare)
                .from(SPEAKING_TURN).join(WORKSHOP).on(WORKSHOP.ID.eq(SPEAKING_TURN.WORKSHOP_ID))
                .where(workshops(s)).and(participants(s, SPEAKING_TURN.AGENCY_ID, SPEAKING_TURN.WORK_LEVEL))
                .groupBy(group).orderBy(seconds.desc(), group)
                .fetch(r -> {
                    Object key = r.value1();
                    Long agency = byLevel ? null : (Long) key;
                    Level level = byLevel && key != null ? Level.valueOf((String) key) : null;
                    return new SpeakingShare(agency, level, r.value2(), r.value3(),
                            r.value4() == null ? BigDecimal.ZERO : r.value4(), r.value5() == null ? BigDecimal.ZERO : r.value5());
                });
    }

    /**
     * Per workshop, the seconds each agency present spoke (0 for an agency present that never spoke): what the
     * voice-balance index is computed from. Turns of agencies nobody joined as are left out, as on the board.
     */
    List<WorkshopAggregates.AgencySeconds> spokenByAgencyPresent(WorkshopScope s, Instant now) {
        Grouping g = grouping(By.WORKSHOP, s);
        var present = selectDistinct(PARTICIPANT.WORKSHOP_ID, PARTICIPANT.AGENCY_ID).from(PARTICIPANT)
                .where(participants(s, PARTICIPANT.AGENCY_ID, PARTICIPANT.WORK_LEVEL)).asTable("present");
        Field<Long> presentWorkshop = present.field(PARTICIPANT.WORKSHOP_ID);
        Field<Long> presentAgency = present.field(PARTICIPANT.AGENCY_ID);
        Field<BigDecimal> seconds = round(coalesce(sum(turnLength(now)), ZERO), 3);
        return db.select(g.select(presentAgency, seconds))
                .from(WORKSHOP).join(present).on(presentWorkshop.eq(WORKSHOP.ID))
                .leftJoin(SPEAKING_TURN).on(SPEAKING_TURN.WORKSHOP_ID.eq(WORKSHOP.ID))
                .and(SPEAKING_TURN.AGENCY_ID.eq(presentAgency))
                .and(s.level().map(l -> SPEAKING_TURN.WORK_LEVEL.eq(l.name())).orElse(noCondition()))
                .where(workshops(s))
                .groupBy(g.groupBy(presentAgency)).orderBy(WORKSHOP.STARTED_AT, WORKSHOP.ID, presentAgency)
                .fetch(r -> new WorkshopAggregates.AgencySeconds(g.of(r), r.get(presentAgency), r.get(seconds)));
    }

    private static Field<BigDecimal> turnLength(Instant now) {
        return extract(coalesce(SPEAKING_TURN.ENDED_AT, val(utc(now))), DatePart.EPOCH).coerce(BigDecimal.class)
                .minus(extract(SPEAKING_TURN.STARTED_AT, DatePart.EPOCH).coerce(BigDecimal.class));
    }

    /**
     * Every agency of the partnership against every workshop of the scope, with how many of its people joined (0 when
     * none did), workshops in the order they started and agencies by name.
     */
    List<WorkshopAggregates.Attendance> attendance(WorkshopScope s) {
        Grouping g = grouping(By.WORKSHOP, s);
        Field<Integer> people = count(PARTICIPANT.ID);
        return db.select(g.select(AGENCY.ID, AGENCY.NAME, people))
                .from(WORKSHOP).join(AGENCY).on(AGENCY.PARTNERSHIP_ID.eq(WORKSHOP.PARTNERSHIP_ID))
                .leftJoin(PARTICIPANT).on(PARTICIPANT.WORKSHOP_ID.eq(WORKSHOP.ID)).and(PARTICIPANT.AGENCY_ID.eq(AGENCY.ID))
                .and(participants(s, PARTICIPANT.AGENCY_ID, PARTICIPANT.WORK_LEVEL))
                .where(workshops(s))
                .groupBy(g.groupBy(AGENCY.ID, AGENCY.NAME, AGENCY.NAME_KEY))
                .orderBy(WORKSHOP.STARTED_AT, WORKSHOP.ID, AGENCY.NAME_KEY, AGENCY.ID)
                .fetch(r -> new WorkshopAggregates.Attendance(g.of(r), r.get(AGENCY.ID), r.get(AGENCY.NAME), r.get(people)));
    }

    /**
     * The stage the workshop's room is on, with how many of its participants have put anything into that stage (a
     * participant who only placed dots on needs has answered too), in one read.
     */
    WorkshopAggregates.LiveStage liveStage(Workshop w) {
        int position = Math.max(0, Math.min(w.currentStage(), w.stageCount() - 1));
        Field<Long> stage = WORKSHOP_STAGE.ID;
        Field<Long> p = PARTICIPANT.ID;
        Condition anything = exists(selectOne().from(FRAMING_INPUT)
                        .where(FRAMING_INPUT.PARTICIPANT_ID.eq(p)).and(FRAMING_INPUT.STAGE_ID.eq(stage)))
                .or(exists(selectOne().from(INFLUENCE_VOTE)
                        .where(INFLUENCE_VOTE.PARTICIPANT_ID.eq(p)).and(INFLUENCE_VOTE.STAGE_ID.eq(stage))))
                .or(exists(selectOne().from(CARD_PLACEMENT)
                        .where(CARD_PLACEMENT.PARTICIPANT_ID.eq(p)).and(CARD_PLACEMENT.STAGE_ID.eq(stage))))
                .or(exists(selectOne().from(PULSE_ANSWER)
                        .where(PULSE_ANSWER.PARTICIPANT_ID.eq(p)).and(PULSE_ANSWER.STAGE_ID.eq(stage))))
                .or(exists(selectOne().from(NEED).where(NEED.PARTICIPANT_ID.eq(p)).and(NEED.STAGE_ID.eq(stage))))
                .or(exists(selectOne().from(DOT_VOTE)
                        .where(DOT_VOTE.PARTICIPANT_ID.eq(p)).and(DOT_VOTE.STAGE_ID.eq(stage))))
                .or(exists(selectOne().from(MAPPING_NOTE)
                        .where(MAPPING_NOTE.PARTICIPANT_ID.eq(p)).and(MAPPING_NOTE.STAGE_ID.eq(stage))));
        Field<Integer> answered = field(select(count()).from(PARTICIPANT)
                .where(PARTICIPANT.WORKSHOP_ID.eq(WORKSHOP_STAGE.WORKSHOP_ID)).and(anything));
        return db.select(WORKSHOP_STAGE.ID, WORKSHOP_STAGE.POSITION, WORKSHOP_STAGE.KIND, WORKSHOP_STAGE.DEFINITION,
                        WORKSHOP_STAGE.LOCKED, WORKSHOP_STAGE.REVEALED, WORKSHOP_STAGE.TIMER_STARTED_AT,
                        WORKSHOP_STAGE.TIMER_SECONDS, answered)
                .from(WORKSHOP_STAGE)
                .where(WORKSHOP_STAGE.WORKSHOP_ID.eq(w.id())).and(WORKSHOP_STAGE.POSITION.eq(position))
                .fetchOptional(r -> {
                    StageKind kind = StageKind.valueOf(r.get(WORKSHOP_STAGE.KIND));
                    OffsetDateTime timer = r.get(WORKSHOP_STAGE.TIMER_STARTED_AT);
                    var s = new WorkshopStage(r.get(WORKSHOP_STAGE.ID), r.get(WORKSHOP_STAGE.POSITION), kind,
                            StageCopies.read(kind, r.get(WORKSHOP_STAGE.DEFINITION)), r.get(WORKSHOP_STAGE.LOCKED),
                            r.get(WORKSHOP_STAGE.REVEALED), timer == null ? null : timer.toInstant(),
                            r.get(WORKSHOP_STAGE.TIMER_SECONDS));
                    return new WorkshopAggregates.LiveStage(w, s, r.get(answered));
                })
                .orElseThrow(() -> new NotFoundException("stage"));
    }

    /** Participants per workshop and level (levels nobody joined at are absent). */
    List<WorkshopAggregates.LevelCount> levels(WorkshopScope s) {
        Grouping g = grouping(By.WORKSHOP, s);
        Field<Integer> people = count();
        return db.select(g.select(PARTICIPANT.WORK_LEVEL, people))
                .from(PARTICIPANT).join(WORKSHOP).on(WORKSHOP.ID.eq(PARTICIPANT.WORKSHOP_ID))
                .where(workshops(s)).and(participants(s, PARTICIPANT.AGENCY_ID, PARTICIPANT.WORK_LEVEL))
                .groupBy(g.groupBy(PARTICIPANT.WORK_LEVEL)).orderBy(WORKSHOP.STARTED_AT, WORKSHOP.ID, PARTICIPANT.WORK_LEVEL)
                .fetch(r -> new WorkshopAggregates.LevelCount(g.of(r), Level.valueOf(r.get(PARTICIPANT.WORK_LEVEL)),
                        r.get(people)));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

}
