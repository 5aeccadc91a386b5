package org.hymnsheet.workshops;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.security.CurrentStaff;
import org.hymnsheet.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of a workshop for its partnership's facilitators: what was said and decided, stage by stage, and a
 * CSV of every stored input, and the boards saved into it as PDFs. Only approved free text is ever shown or exported.
 */
@Service
public class WorkshopRecordService {
    static final String[] CSV_HEADER = {"stage", "stage_title", "kind", "agency", "level", "item", "value", "text", "time",
            "count"};

    private final WorkshopRepository workshops;
    private final RecordRepository records;
    private final AggregateRepository aggregates;
    private final SnapshotRepository snapshots;
    private final CurrentStaff staff;
    private final Clock clock;

    WorkshopRecordService(WorkshopRepository workshops, RecordRepository records, AggregateRepository aggregates,
                          SnapshotRepository snapshots, CurrentStaff staff, Clock clock) {
        this.workshops = workshops;
        this.records = records;
        this.aggregates = aggregates;
        this.snapshots = snapshots;
        this.staff = staff;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public WorkshopRecord record(long workshopId) {
        Workshop w = owned(workshopId);
        var now = clock.instant();
        var scope = WorkshopScope.workshop(w.partnershipId(), workshopId);
        var by = WorkshopAggregates.By.STAGE;
        var framing = aggregates.framing(scope, by).stream().map(f -> new WorkshopRecord.Framing(stage(f.group()),
                f.agencyId(), f.agency(), f.answers(), f.mean(), f.min(), f.max())).toList();
        // the record is for the workshop's own facilitators, who saw the room: its pulse counts are shown as they are
        var pulse = aggregates.pulse(scope, by).stream().map(p -> new WorkshopRecord.PulseCount(stage(p.group()),
                p.question(), p.value(), Math.toIntExact(p.tally().count()))).toList();
        var needs = aggregates.needs(scope, by).stream().map(n -> new WorkshopRecord.NeedDots(stage(n.group()),
                n.needId(), n.text(), n.category(), n.owner(), n.dots())).toList();
        return new WorkshopRecord(w, workshops.stages(workshopId), framing,
                records.sentences(workshopId), records.influence(workshopId),
                new SpeakingService.Shares(aggregates.speaking(scope, false, now), aggregates.speaking(scope, true, now)),
                records.cards(workshopId), records.contexts(workshopId), pulse,
                records.comments(workshopId), needs, records.notes(workshopId));
    }

    /**
     * One CSV row per stored input (and speaking turn): stage, kind, agency, level, item, value, text, time. The
     * anonymous pulse is the exception: a row per question and answer with how many gave it ({@code count}), and a
     * {@code PULSE_COMMENT} row per approved comment, none with agency, level or time. Every text cell that a
     * spreadsheet would read as a formula starts with an apostrophe.
     */
    @Transactional(readOnly = true)
    public String csv(long workshopId) {
        owned(workshopId);
        var out = new StringWriter();
        try (var printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get())) {
            for (WorkshopRecord.Line line : records.lines(workshopId)) {
                printer.printRecord(line.stage() == null ? "" : String.valueOf(line.stage() + 1), cell(line.stageTitle()),
                        cell(line.kind()), cell(line.agency()), line.level() == null ? "" : line.level().name(),
                        cell(line.item()), line.value() == null ? "" : line.value().toString(), cell(line.text()),
                        line.at() == null ? "" : line.at().toString(), line.count() == null ? "" : line.count().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The boards saved into the workshop's record, newest first. */
    @Transactional(readOnly = true)
    public List<BoardSnapshot> snapshots(long workshopId) {
        owned(workshopId);
        return snapshots.list(workshopId);
    }

    /** The PDF of a saved board, for the facilitators and administrators of its workshop's partnership. */
    @Transactional(readOnly = true)
    public byte[] snapshotPdf(long snapshotId) {
        staff.require();
        long workshopId = snapshots.workshopOf(snapshotId).orElseThrow(() -> new NotFoundException("board snapshot"));
        owned(workshopId);
        return snapshots.pdf(snapshotId);
    }

    private static int stage(WorkshopAggregates.Group group) {
        return Math.toIntExact(group.key());
    }

    /** Neutralises spreadsheet formula injection: a cell starting with =, +, -, @, tab or CR gets a leading '. */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    private Workshop owned(long workshopId) {
        staff.require();
        Workshop w = workshops.find(workshopId).orElseThrow(() -> new NotFoundException("workshop"));
        staff.requireRoleIn(w.partnershipId(), Role.FACILITATOR, Role.ADMIN);
        return w;
    }
}
