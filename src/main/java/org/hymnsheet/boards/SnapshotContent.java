package org.hymnsheet.boards;

import java.util.ArrayList;
import java.util.List;
import org.hymnsheet.templates.LocalizedText;

/**
 * The text of a saved board, in the board's own wording: the heading, each chart's figures as compact lines (the
 * same figures as the tables beside the charts), and the words the board shows, which are approved words only.
 */
final class SnapshotContent {
    private static final String LANG = LocalizedText.FALLBACK;

    private final Board board;
    private final BoardFigures.Texts t;

    SnapshotContent(Board board, BoardFigures.Texts t) {
        this.board = board;
        this.t = t;
    }

    String stageTitle() {
        return board.stage().definition().title().in(LANG);
    }

    SnapshotPdf.Heading heading(String savedAt) {
        var w = board.workshop();
        String stageLine = w.ended() ? t.get("board.ended", stageTitle())
                : t.get("board.stageOf", board.stage().position() + 1, w.stageCount(), stageTitle());
        return new SnapshotPdf.Heading(w.title(), stageLine, board.stage().definition().prompt().in(LANG),
                t.get("board.saved.at", savedAt) + "    " + t.get("board.answered", board.answered(), board.participants()));
    }

    List<BoardFigures.Chart> charts() {
        return board.view() == null ? List.of() : BoardFigures.charts(board.view(), t);
    }

    /** Every chart's figures, then the board's other figures and words, then the young people's voice. */
    List<SnapshotPdf.Block> blocks() {
        List<SnapshotPdf.Block> blocks = new ArrayList<>();
        if (board.view() == null) {
            blocks.add(new SnapshotPdf.Block(null, List.of(t.get("board.waiting"))));
        } else {
            for (BoardFigures.Chart chart : charts()) {
                blocks.add(new SnapshotPdf.Block(chart.label(), rows(chart)));
            }
            blocks.addAll(words(board.view()));
        }
        if (board.youngPeople() != null) {
            blocks.addAll(youngPeople(board.youngPeople()));
        }
        return blocks;
    }

    /** A table as one line a row: "first cell — header: value · header: value". */
    private List<String> rows(BoardFigures.Chart chart) {
        if (chart.rows().isEmpty()) {
            return List.of(t.get("board.nothingYet"));
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : chart.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 1; i < row.size(); i++) {
                if (row.get(i) != null && !row.get(i).isBlank()) {
                    cells.add(chart.headers().get(i) + ": " + row.get(i));
                }
            }
            lines.add(row.getFirst() + " — " + String.join(" · ", cells));
        }
        return lines;
    }

    private List<SnapshotPdf.Block> words(Board.StageView view) {
        return switch (view) {
            case Board.Framing f -> List.of(quotes(t.get("board.framing.sentences"), f.sentences()));
            case Board.Voice v -> List.of(
                    new SnapshotPdf.Block(t.get("board.voice.balance"), List.of(
                            v.balance() == null ? "–" : v.balance().toPlainString(), t.get("board.voice.balanceExplained"))),
                    new SnapshotPdf.Block(t.get("board.voice.byLevel"), v.levels().stream()
                            .map(l -> t.get("board.voice.level", level(l.level()), BoardFigures.pct(l.timeShare()),
                                    String.valueOf(l.turns())))
                            .toList()));
            case Board.CardSort c -> List.of(new SnapshotPdf.Block(t.get("board.cards.ecological"), List.of(
                    BoardFigures.pct(c.ecologicalShare()), t.get("board.cards.balanceExplained",
                            BoardFigures.pct(c.behaviourShare()), BoardFigures.num(c.meanPosition()), c.placements()))));
            case Board.Pulse p -> List.of(quotes(t.get("board.pulse.comments"), p.comments()));
            case Board.Needs n -> List.of(new SnapshotPdf.Block(t.get("board.needs.chart"), n.needs().stream()
                    .map(x -> t.get("board.needs.item", x.text(), x.dots(),
                            x.owner() == null ? t.get("board.needs.noOwner") : x.owner(), x.category()))
                    .toList()));
            case Board.Mapping m -> m.columns().stream().map(col -> quotes(col.title(), col.notes())).toList();
        };
    }

    private SnapshotPdf.Block quotes(String heading, List<String> texts) {
        return new SnapshotPdf.Block(heading, texts.isEmpty() ? List.of(t.get("board.noApprovedText"))
                : texts.stream().map(text -> "• " + text).toList());
    }

    private List<SnapshotPdf.Block> youngPeople(YoungPeoplesVoice voice) {
        List<SnapshotPdf.Block> blocks = new ArrayList<>();
        blocks.add(new SnapshotPdf.Block(t.get("board.young.heading"),
                List.of(voice.survey(), t.get("board.young.responses", voice.responses()))));
        for (var finding : voice.findings()) {
            blocks.add(new SnapshotPdf.Block(finding.question(), finding.answers().stream()
                    .map(a -> t.get("board.young.answer", a.label(), a.count())).toList()));
        }
        if (!voice.quotes().isEmpty()) {
            blocks.add(quotes(t.get("board.young.inTheirWords"), voice.quotes()));
        }
        return blocks;
    }

    private String level(String level) {
        return level == null ? t.get("board.level.unknown") : t.get("board.level." + level);
    }
}
