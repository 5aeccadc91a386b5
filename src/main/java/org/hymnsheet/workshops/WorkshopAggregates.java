package org.hymnsheet.workshops;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.Suppression;
import org.hymnsheet.security.CurrentStaff;
import org.hymnsheet.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures workshops add up to, counted in one place for everyone who shows them (decision 0020): a live board
 * asks for one stage, a workshop record for one workshop, findings for many workshops by workshop or by quarter.
 * Each figure is one GROUP BY over the {@link WorkshopScope}, which is always held to its partnership. Readable by the
 * partnership's facilitators, leads and administrators; narrowing a facilitator's findings to their own workshops is
 * the caller's scope. Pulse counts come as {@link Suppression.Tally}s: whoever shows them to a lead passes them through
 * the disclosure rule.
 */
@Service
public class WorkshopAggregates {

    /** How the rows of a figure are grouped. */
    public enum By {
        /** One group: the whole scope. */
        ALL,
        /** Per stage position (a workshop record). */
        STAGE,
        /** Per workshop, with its title and start. */
        WORKSHOP,
        /** Per quarter of the year the workshop started in, in the partnership's time zone. */
        QUARTER
    }

    /**
     * The group a row belongs to.
     *
     * @param key     0 for {@link By#ALL}; the stage position; the workshop id; or year * 10 + quarter (20263)
     * @param title   the workshop's title ({@link By#WORKSHOP} only)
     * @param started when the workshop started ({@link By#WORKSHOP} only)
     */
    public record Group(long key, String title, Instant started) {
        /** A quarter key as words, e.g. "2026 Q3". */
        public String quarter() {
            return (key / 10) + " Q" + (key % 10);
        }
    }

    /** Card placements, how many right of the middle (ecological), left of it (behaviour-based), the mean position. */
    public record Balance(Group group, int placements, int ecological, int behaviour, BigDecimal mean) {}

    /** One agency's framing positions (0..100) in a group. */
    public record FramingMean(Group group, long agencyId, String agency, int answers, BigDecimal mean, int min, int max) {}

    /** How often a context was tagged, and on how many distinct cards. */
    public record ContextCount(Group group, String context, int tags, int cards) {}

    /** Cards placed or tagged at least once. */
    public record CardCount(Group group, int cards) {}

    /** How many gave a pulse question this answer (1..5), with their record keys' sum, for the disclosure rule. */
    public record PulseCount(Group group, String question, int value, Suppression.Tally tally) {}

    /** An approved need with its dots. */
    public record NeedDots(Group group, long needId, String text, String category, String owner, int dots) {}

    /** Approved needs of a category and the dots they received. */
    public record NeedCategory(String category, int needs, int dots) {}

    /** The seconds an agency present at a workshop spoke (0 if it never did). */
    public record AgencySeconds(Group group, long agencyId, BigDecimal seconds) {}

    /** How many of an agency's people joined a workshop (0: absent). */
    public record Attendance(Group group, long agencyId, String agency, int people) {}

    /** How many joined a workshop at a level. */
    public record LevelCount(Group group, Level level, int people) {}

    /**
     * The stage a workshop's room is on now, for a live screen: the workshop, that stage, and how many participants
     * have put anything into it.
     */
    public record LiveStage(Workshop workshop, WorkshopStage stage, int answered) {}

    private final AggregateRepository aggregates;
    private final WorkshopRepository workshops;
    private final CurrentStaff staff;
    private final Clock clock;

    WorkshopAggregates(AggregateRepository aggregates, WorkshopRepository workshops, CurrentStaff staff, Clock clock) {
        this.aggregates = aggregates;
        this.workshops = workshops;
        this.staff = staff;
        this.clock = clock;
    }

    /**
     * The workshop and the stage its room is on, with how many answered it, in two reads: for the workshop's
     * facilitators and administrators (those who run it), like the workshop itself.
     */
    @Transactional(readOnly = true)
    public LiveStage liveStage(long workshopId) {
        staff.require();
        Workshop w = workshops.find(workshopId).orElseThrow(() -> new NotFoundException("workshop"));
        staff.requireRoleIn(w.partnershipId(), Role.FACILITATOR, Role.ADMIN);
        return aggregates.liveStage(w);
    }

    @Transactional(readOnly = true)
    public List<Balance> balance(WorkshopScope scope, By by) {
        check(scope);
        return aggregates.balance(scope, by);
    }

    @Transactional(readOnly = true)
    public List<FramingMean> framing(WorkshopScope scope, By by) {
        check(scope);
        return aggregates.framing(scope, by);
    }

    @Transactional(readOnly = true)
    public List<ContextCount> contexts(WorkshopScope scope, By by) {
        check(scope);
        return aggregates.contexts(scope, by);
    }

    /** Cards the scope's participants placed or tagged at least once ({@link By#STAGE} counts as {@link By#ALL}). */
    @Transactional(readOnly = true)
    public List<CardCount> sortedCards(WorkshopScope scope, By by) {
        check(scope);
        return aggregates.sortedCards(scope, by);
    }

    @Transactional(readOnly = true)
    public List<PulseCount> pulse(WorkshopScope scope, By by) {
        check(scope);
        return aggregates.pulse(scope, by);
    }

    @Transactional(readOnly = true)
    public List<NeedDots> needs(WorkshopScope scope, By by) {
        check(scope);
        return aggregates.needs(scope, by);
    }

    @Transactional(readOnly = true)
    public List<NeedCategory> needCategories(WorkshopScope scope) {
        check(scope);
        return aggregates.needCategories(scope);
    }

    /** Shares of speaking time and turns per agency and per level across the scope; an open turn counts up to now. */
    @Transactional(readOnly = true)
    public SpeakingService.Shares speaking(WorkshopScope scope) {
        check(scope);
        Instant now = clock.instant();
        return new SpeakingService.Shares(aggregates.speaking(scope, false, now), aggregates.speaking(scope, true, now));
    }

    /** Per workshop, each agency present's seconds of speaking: the input of {@link VoiceBalance}. */
    @Transactional(readOnly = true)
    public List<AgencySeconds> spokenByAgencyPresent(WorkshopScope scope) {
        check(scope);
        return aggregates.spokenByAgencyPresent(scope, clock.instant());
    }

    /** Every agency of the partnership against every workshop of the scope (0 people: absent). */
    @Transactional(readOnly = true)
    public List<Attendance> attendance(WorkshopScope scope) {
        check(scope);
        return aggregates.attendance(scope);
    }

    @Transactional(readOnly = true)
    public List<LevelCount> levels(WorkshopScope scope) {
        check(scope);
        return aggregates.levels(scope);
    }

    private void check(WorkshopScope scope) {
        staff.requireRoleIn(scope.partnershipId(), Role.FACILITATOR, Role.LEAD, Role.ADMIN);
    }
}
