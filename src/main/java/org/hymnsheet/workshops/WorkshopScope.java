package org.hymnsheet.workshops;

import java.time.Instant;
import java.util.Optional;

/**
 * Which workshops (and which of their participants' input rows) an aggregate of {@link WorkshopAggregates} counts:
 * always one partnership's, and within it one stage (a board), one workshop (a record) or many (findings, narrowed by
 * who ran them, when they started and their template). {@code agencyId} and {@code level} keep only the input rows of
 * participants of that agency or level.
 *
 * @param startedFrom   workshops started at or after this instant
 * @param startedBefore workshops started before this instant
 * @param startedOnly   leave out workshops never started (findings); a board or record counts its own workshop as it is
 */
public record WorkshopScope(long partnershipId, Optional<Long> workshopId, Optional<Long> stageId, Optional<Long> runBy,
                            Optional<Instant> startedFrom, Optional<Instant> startedBefore, Optional<String> templateId,
                            Optional<Long> agencyId, Optional<Level> level, boolean startedOnly) {

    /** Every workshop of the partnership that has started. */
    public static WorkshopScope partnership(long partnershipId) {
        return new WorkshopScope(partnershipId, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true);
    }

    /** One workshop, started or not. */
    public static WorkshopScope workshop(long partnershipId, long workshopId) {
        return new WorkshopScope(partnershipId, Optional.of(workshopId), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    /** One stage of one workshop (a board). */
    public static WorkshopScope stage(long partnershipId, long workshopId, long stageId) {
        return new WorkshopScope(partnershipId, Optional.of(workshopId), Optional.of(stageId), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    public WorkshopScope runBy(Long accountId) {
        return new WorkshopScope(partnershipId, workshopId, stageId, Optional.ofNullable(accountId), startedFrom,
                startedBefore, templateId, agencyId, level, startedOnly);
    }

    public WorkshopScope startedBetween(Instant from, Instant before) {
        return new WorkshopScope(partnershipId, workshopId, stageId, runBy, Optional.ofNullable(from),
                Optional.ofNullable(before), templateId, agencyId, level, startedOnly);
    }

    public WorkshopScope template(String id) {
        return new WorkshopScope(partnershipId, workshopId, stageId, runBy, startedFrom, startedBefore,
                Optional.ofNullable(id), agencyId, level, startedOnly);
    }

    /** Only the input rows of participants of this agency and/or level (null for any). */
    public WorkshopScope participants(Long agency, Level workLevel) {
        return new WorkshopScope(partnershipId, workshopId, stageId, runBy, startedFrom, startedBefore, templateId,
                Optional.ofNullable(agency), Optional.ofNullable(workLevel), startedOnly);
    }

    /** The same workshops, every participant's rows (the attendance matrix lists every agency). */
    public WorkshopScope everyone() {
        return participants(null, null);
    }
}
