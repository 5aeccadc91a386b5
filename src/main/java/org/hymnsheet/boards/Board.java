package org.hymnsheet.boards;

import java.math.BigDecimal;
import java.util.List;
import org.hymnsheet.workshops.Workshop;
import org.hymnsheet.workshops.WorkshopStage;

/**
 * What a workshop's board shows now: the room's current stage, how many have answered it, and (once the facilitator
 * revealed the stage) what the room answered, counted in SQL. Free text only where a facilitator approved it.
 *
 * @param view the stage's figures, or null while the stage is not revealed (the room writes privately first)
 * @param youngPeople the chosen survey's findings, small counts suppressed, or null when no survey is chosen (or
 *                    when the board was read without them, see {@link BoardService#stage})
 * @param shortNames the short names of the agencies this board names that have one, for its key, by short name
 */
public record Board(Workshop workshop, WorkshopStage stage, int participants, int answered, StageView view,
                    YoungPeoplesVoice youngPeople, List<ShortName> shortNames) {

    /** An agency's short name (shown on charts where space is tight) and the full name it stands for. */
    public record ShortName(String shortName, String name) {}

    /** The same board with the young people's voice panel given. */
    public Board with(YoungPeoplesVoice voice) {
        return new Board(workshop, stage, participants, answered, view, voice, shortNames);
    }

    /** The figures of one stage kind. The kinds are a closed set, like the stages. */
    public sealed interface StageView permits Framing, Voice, CardSort, Pulse, Needs, Mapping {}

    /** Every participant's position (0 = left end … 100 = right end), grouped by agency, with the agency's mean. */
    public record Framing(String leftLabel, String rightLabel, List<AgencyPositions> agencies, List<String> sentences)
            implements StageView {}

    public record AgencyPositions(String agency, List<Integer> positions, BigDecimal mean) {}

    /**
     * Who speaks and who is seen to decide, per agency present: shares of speaking time and turns against an equal
     * share, and the share of influence votes. {@code balance} is one minus the Gini coefficient of speaking time
     * across the agencies present (1 = every agency spoke for as long, 0 = one agency did all the talking), or null
     * before anyone spoke. Influence shares are null until the stage is revealed.
     */
    public record Voice(List<AgencyVoice> agencies, List<LevelVoice> levels, BigDecimal equalShare, BigDecimal balance,
                        int voters, boolean influenceShown) implements StageView {}

    public record AgencyVoice(String agency, int people, int turns, int seconds, BigDecimal timeShare,
                              BigDecimal turnShare, BigDecimal influenceShare) {}

    public record LevelVoice(String level, int turns, int seconds, BigDecimal timeShare, BigDecimal turnShare) {}

    /**
     * Cards from behaviour-based (0) to ecological (100), the most disputed (widest spread) first; the share of all
     * placements on each side of the middle; how often each context was tagged.
     */
    public record CardSort(String leftLabel, String rightLabel, List<CardSpread> cards, int placements,
                           BigDecimal ecologicalShare, BigDecimal behaviourShare, BigDecimal meanPosition,
                           List<Count> contexts) implements StageView {}

    public record CardSpread(String text, int placements, BigDecimal mean, Integer min, Integer max, Integer spread) {}

    public record Pulse(List<PulseQuestion> questions, List<String> comments) implements StageView {}

    /** @param counts how many answered 1, 2, 3, 4 and 5 (always five entries) */
    public record PulseQuestion(String text, List<String> labels, List<Integer> counts) {}

    public record Needs(List<NeedDots> needs) implements StageView {}

    public record NeedDots(String text, String category, String owner, int dots) {}

    public record Mapping(List<MappingColumn> columns) implements StageView {}

    public record MappingColumn(String title, List<String> notes) {}

    /** A label and how many. */
    public record Count(String label, int count) {}
}
