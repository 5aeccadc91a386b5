package org.hymnsheet.workshops;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a workshop said and decided, stage by stage, every figure counted in SQL. Free text appears only once a
 * facilitator approved it.
 */
public record WorkshopRecord(Workshop workshop, List<WorkshopStage> stages, List<Framing> framing,
                             List<ApprovedText> sentences, List<Influence> influence, SpeakingService.Shares speaking,
                             List<CardSpread> cards, List<ContextCount> contexts, List<PulseCount> pulse,
                             List<AnonymousText> comments, List<NeedDots> needs, List<ApprovedText> notes) {

    /** Framing positions (0..100) of one agency on one stage. */
    public record Framing(int stage, long agencyId, String agency, int answers, BigDecimal mean, int min, int max) {}

    /**
     * An approved sentence or note.
     *
     * @param item a mapping column id, or null for a framing sentence
     */
    public record ApprovedText(int stage, String agency, Level level, String item, String text, Instant at) {}

    /**
     * An approved comment on the anonymous pulse: its stage, question and words alone, never who wrote it, when,
     * or what they answered.
     */
    public record AnonymousText(int stage, String question, String text) {}

    /** How many participants named this agency as having most influence. */
    public record Influence(int stage, long agencyId, String agency, int votes) {}

    /** Where the room placed one card: mean, lowest, highest and spread (highest minus lowest). */
    public record CardSpread(long cardId, String text, int placements, BigDecimal mean, Integer min, Integer max,
                             Integer spread) {}

    /** How many participants tagged a card with a context. */
    public record ContextCount(long cardId, String card, String context, int count) {}

    /** How many gave a pulse question this answer (1..5). */
    public record PulseCount(int stage, String question, int value, int count) {}

    /** An approved need with its dots. */
    public record NeedDots(int stage, long needId, String text, String category, String owner, int dots) {}

    /**
     * One stored input, as a line of the CSV export. Text of free text not yet approved is null. The anonymous pulse
     * comes as totals ({@code count} of each {@code value} of a question) and approved comments on their own, with
     * no agency, level or time.
     */
    public record Line(Integer stage, String stageTitle, String kind, String agency, Level level, String item,
                       Integer value, String text, Instant at, Integer count) {}
}
