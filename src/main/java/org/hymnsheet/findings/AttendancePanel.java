package org.hymnsheet.findings;

import static org.hymnsheet.findings.FindingsTable.text;
import static org.hymnsheet.findings.WorkshopFindings.count;
import static org.hymnsheet.findings.WorkshopFindings.label;
import static org.hymnsheet.findings.WorkshopFindings.num;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hymnsheet.findings.FindingsTable.Chart;
import org.hymnsheet.findings.FindingsTable.Column;
import org.hymnsheet.findings.FindingsTable.Kind;
import org.hymnsheet.findings.FindingsTable.Row;
import org.hymnsheet.findings.FindingsTable.Value;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.WorkshopAggregates;
import org.hymnsheet.workshops.WorkshopAggregates.Group;

/** Who came: every agency of the partnership against every workshop, and the levels present at each. */
final class AttendancePanel {
    private final FindingsTexts t;
    private final Function<Group, String> day;

    AttendancePanel(FindingsTexts t, Function<Group, String> day) {
        this.t = t;
        this.day = day;
    }

    /** Every agency of the partnership down, every workshop across: how many of its people joined (0 = absent). */
    FindingsTable matrix(List<WorkshopAggregates.Attendance> cells) {
        Map<Long, Group> workshops = new LinkedHashMap<>();
        cells.forEach(c -> workshops.putIfAbsent(c.group().key(), c.group()));
        Map<Long, String> agencies = new LinkedHashMap<>();
        Map<Long, Map<Long, Integer>> people = new LinkedHashMap<>();
        cells.forEach(c -> {
            agencies.putIfAbsent(c.agencyId(), c.agency());
            people.computeIfAbsent(c.agencyId(), k -> new LinkedHashMap<>()).put(c.group().key(), c.people());
        });
        if (workshops.isEmpty()) {
            return new FindingsTable("participation.agencies-by-workshop", t.get("findings.ws.attendance.title"),
                    t.get("findings.ws.none"), Chart.MATRIX, List.of(label(t, "agency")), List.of(), List.of());
        }
        List<Column> columns = new ArrayList<>(List.of(label(t, "agency")));
        workshops.values().forEach(w -> columns.add(new Column(w.title() + " (" + day.apply(w) + ")", Kind.NUMBER)));
        columns.add(num(t, "attended"));
        List<Row> rows = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        agencies.forEach((id, name) -> {
            List<Value> values = new ArrayList<>(List.of(text(name)));
            workshops.keySet().forEach(w -> values.add(count(people.get(id).getOrDefault(w, 0))));
            long attended = people.get(id).values().stream().filter(n -> n > 0).count();
            values.add(count(attended));
            rows.add(new Row(values));
            if (attended == 0) {
                absent.add(name);
            }
        });
        String summary = absent.isEmpty() ? t.get("findings.ws.attendance.all", agencies.size())
                : t.get("findings.ws.attendance.absent", absent.size(), agencies.size(), String.join(", ", absent));
        return new FindingsTable("participation.agencies-by-workshop", t.get("findings.ws.attendance.title"), summary,
                Chart.MATRIX, columns, rows, List.of(t.get("findings.ws.attendanceNote")));
    }

    FindingsTable levels(List<WorkshopAggregates.Attendance> cells, List<WorkshopAggregates.LevelCount> counts) {
        Map<Long, Group> workshops = new LinkedHashMap<>();
        cells.forEach(c -> workshops.putIfAbsent(c.group().key(), c.group()));
        Map<Long, Map<Level, Integer>> people = new LinkedHashMap<>();
        counts.forEach(l -> people.computeIfAbsent(l.group().key(), k -> new LinkedHashMap<>())
                .put(l.level(), l.people()));
        List<Column> columns = new ArrayList<>(List.of(label(t, "workshop"), label(t, "started")));
        for (Level level : Level.values()) {
            columns.add(new Column(t.get("board.level." + level.name()), Kind.NUMBER));
        }
        List<Row> rows = new ArrayList<>();
        workshops.forEach((id, w) -> {
            List<Value> values = new ArrayList<>(List.of(text(w.title()), text(day.apply(w))));
            for (Level level : Level.values()) {
                values.add(count(people.getOrDefault(id, Map.of()).getOrDefault(level, 0)));
            }
            rows.add(new Row(values));
        });
        long leaders = people.values().stream().filter(m -> m.getOrDefault(Level.STRATEGIC_LEADER, 0) > 0).count();
        String summary = workshops.isEmpty() ? t.get("findings.ws.none")
                : t.get("findings.ws.levels.summary", leaders, workshops.size());
        return new FindingsTable("participation.levels-by-workshop", t.get("findings.ws.levels.title"), summary,
                Chart.STACKED_BAR, columns, rows, List.of());
    }
}
