package org.hymnsheet.workshops;

import java.math.BigDecimal;

/**
 * One group's share of the talking: an agency, or a level (then {@code agencyId} is null).
 *
 * @param seconds the summed length of its turns (an open turn counts up to "now")
 * @param timeShare seconds / all seconds, 0..1; turnShare likewise for turns
 */
public record SpeakingShare(Long agencyId, Level level, int turns, BigDecimal seconds, BigDecimal timeShare,
                            BigDecimal turnShare) {}
