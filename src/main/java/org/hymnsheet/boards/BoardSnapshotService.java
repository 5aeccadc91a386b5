package org.hymnsheet.boards;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.CurrentStaff;
import org.hymnsheet.security.Staff;
import org.hymnsheet.workshops.BoardSnapshot;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves a board into its workshop's record as a PDF: the charts as the facilitator's browser drew them, and
 * everything else (title, stage, counts, every figure, approved words) read again from the tables here, so the
 * browser supplies nothing but pictures. Reading saved boards back is the record's job
 * ({@code WorkshopRecordService}), so the workshops feature never depends on the boards.
 */
@Service
public class BoardSnapshotService {
    static final String PNG_DATA_URL = "data:image/png;base64,";
    static final int MAX_CHARTS = 12;
    static final int MAX_MB = 5;
    static final int MAX_TOTAL_MB = 20;
    /** A PNG's header can claim any size; decoding a huge one would exhaust memory, so its size is checked first. */
    static final int MAX_SIDE = 10_000;
    static final long MAX_PIXELS = 16_000_000L;
    private static final int STAGE_TITLE_MAX = 400;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private final BoardService boards;
    private final SnapshotWriter snapshots;
    private final CurrentStaff staff;
    private final Clock clock;
    private final ZoneId zone;
    private final BoardFigures.Texts texts = new BundleTexts(Locale.UK);

    BoardSnapshotService(BoardService boards, SnapshotWriter snapshots, CurrentStaff staff, Clock clock,
                         @Value("${hymnsheet.time-zone:Europe/London}") String zone) {
        this.boards = boards;
        this.snapshots = snapshots;
        this.staff = staff;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /**
     * Saves the board as it stands, with these pictures of its charts (any chart may be missing: its figures are in
     * the text anyway). Works on an ended workshop too: the record is made to be kept.
     *
     * @param charts PNG data URLs from the browser, each naming a chart now on the board; at most
     *               {@value #MAX_CHARTS}, each at most {@value #MAX_MB} MB
     */
    @Transactional
    public BoardSnapshot save(long workshopId, List<ChartImage> charts) {
        Board board = boards.board(workshopId); // checks role and partnership
        Staff by = staff.require();
        var content = new SnapshotContent(board, texts);
        Map<String, byte[]> pngs = pngs(charts == null ? List.of() : charts);
        List<SnapshotPdf.Picture> pictures = new ArrayList<>();
        var onBoard = content.charts();
        for (String key : pngs.keySet()) {
            if (onBoard.stream().noneMatch(c -> c.key().equals(key))) {
                throw new ValidationException("charts", "boards.snapshot.changed");
            }
        }
        onBoard.stream().filter(c -> pngs.containsKey(c.key()))
                .forEach(c -> pictures.add(new SnapshotPdf.Picture(c, pngs.get(c.key()))));
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var local = at.atZone(zone);
        byte[] pdf;
        try (var writer = new SnapshotPdf()) {
            pdf = writer.write(content.heading(WHEN.format(local)), pictures, content.blocks(),
                    texts.get("app.name") + " · " + board.workshop().title(),
                    (page, of) -> texts.get("board.saved.page", page, of), GregorianCalendar.from(local));
        }
        String title = clip(content.stageTitle());
        long id = snapshots.insert(workshopId, board.stage().position(), title, by.accountId(), at, pdf);
        return new BoardSnapshot(id, board.stage().position(), title, at, by.displayName());
    }

    /** The pictures by chart key, each checked to be a PNG of a sensible size; anything else is refused. */
    private static Map<String, byte[]> pngs(List<ChartImage> charts) {
        if (charts.size() > MAX_CHARTS) {
            throw new ValidationException("charts", "boards.snapshot.tooMany", MAX_CHARTS);
        }
        Map<String, byte[]> pngs = new HashMap<>();
        long total = 0;
        for (ChartImage chart : charts) {
            if (chart == null || chart.chart() == null || pngs.containsKey(chart.chart())) {
                throw new ValidationException("charts", "boards.snapshot.changed");
            }
            byte[] png = png(chart.dataUrl());
            total += png.length;
            if (total > MAX_TOTAL_MB * 1024L * 1024L) {
                throw new ValidationException("charts", "boards.snapshot.tooMuch", MAX_TOTAL_MB);
            }
            pngs.put(chart.chart(), png);
        }
        return pngs;
    }

    static byte[] png(String dataUrl) {
        if (dataUrl == null || !dataUrl.startsWith(PNG_DATA_URL)) {
            throw new ValidationException("charts", "boards.snapshot.notPng");
        }
        long maxEncoded = (MAX_MB * 1024L * 1024L + 2) / 3 * 4;
        if (dataUrl.length() - PNG_DATA_URL.length() > maxEncoded) {
            throw new ValidationException("charts", "boards.snapshot.tooLarge", MAX_MB);
        }
        byte[] png;
        try {
            png = Base64.getDecoder().decode(dataUrl.substring(PNG_DATA_URL.length()));
        } catch (IllegalArgumentException notBase64) {
            throw new ValidationException("charts", "boards.snapshot.notPng");
        }
        // the signature, then the IHDR chunk (length 13) with width and height
        if (png.length < 24 || !Arrays.equals(png, 0, 8, PNG_SIGNATURE, 0, 8)
                || !"IHDR".equals(new String(png, 12, 4, StandardCharsets.US_ASCII))) {
            throw new ValidationException("charts", "boards.snapshot.notPng");
        }
        long width = Integer.toUnsignedLong(readInt(png, 16));
        long height = Integer.toUnsignedLong(readInt(png, 20));
        if (width == 0 || height == 0) {
            throw new ValidationException("charts", "boards.snapshot.notPng");
        }
        if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
            throw new ValidationException("charts", "boards.snapshot.tooLarge", MAX_MB);
        }
        return png;
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static String clip(String text) {
        return text.codePointCount(0, text.length()) <= STAGE_TITLE_MAX ? text
                : text.substring(0, text.offsetByCodePoints(0, STAGE_TITLE_MAX));
    }
}
