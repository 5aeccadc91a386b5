package org.hymnsheet.boards;

/**
 * A chart of the board as the browser drew it, sent to be saved into the record.
 *
 * @param chart the chart's key on the board, as {@link BoardFigures.Chart#key()} names it
 * @param dataUrl the picture as a {@code data:image/png;base64,…} URL
 */
public record ChartImage(String chart, String dataUrl) {}
