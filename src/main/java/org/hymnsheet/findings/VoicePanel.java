package org.hymnsheet.findings;

import static org.hymnsheet.findings.FindingsTable.number;
import static org.hymnsheet.findings.FindingsTable.text;
import static org.hymnsheet.findings.WorkshopFindings.count;
import static org.hymnsheet.findings.WorkshopFindings.label;
import static org.hymnsheet.findings.WorkshopFindings.num;
import static org.hymnsheet.findings.WorkshopFindings.pct;
import static org.hymnsheet.findings.WorkshopFindings.plain;
import static org.hymnsheet.findings.WorkshopFindings.share;
import static org.hymnsheet.findings.WorkshopFindings.whole;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hymnsheet.findings.FindingsTable.Chart;
import org.hymnsheet.findings.FindingsTable.Row;
import org.hymnsheet.workshops.SpeakingShare;
import org.hymnsheet.workshops.VoiceBalance;
import org.hymnsheet.workshops.WorkshopAggregates;
import org.hymnsheet.workshops.WorkshopAggregates.Group;

/** Who spoke: the board's voice-balance index per workshop, and each agency's share of speaking time. */
final class VoicePanel {
    private final FindingsTexts t;
    private final Function<Group, String> day;

    VoicePanel(FindingsTexts t, Function<Group, String> day) {
        this.t = t;
        this.day = day;
    }

    /** Per workshop, the board's voice-balance index over the seconds each agency present spoke. */
    FindingsTable balance(List<WorkshopAggregates.AgencySeconds> spoken) {
        Map<Long, List<WorkshopAggregates.AgencySeconds>> byWorkshop = new LinkedHashMap<>();
        spoken.forEach(a -> byWorkshop.computeIfAbsent(a.group().key(), k -> new ArrayList<>()).add(a));
        record Balance(Group group, int present, BigDecimal index) {}
        List<Balance> balances = byWorkshop.values().stream().map(list -> new Balance(list.getFirst().group(), list.size(),
                VoiceBalance.of(list.stream().map(WorkshopAggregates.AgencySeconds::seconds).toList()))).toList();
        List<Row> rows = balances.stream().map(b -> Row.of(text(b.group().title()), text(day.apply(b.group())),
                count(b.present()), number(b.index(), ""))).toList();
        var measured = balances.stream().filter(b -> b.index() != null).toList();
        String summary = t.get("findings.ws.noData");
        if (measured.size() == 1) {
            var b = measured.getFirst();
            summary = t.get("findings.ws.balance.one", b.group().title(), day.apply(b.group()), plain(b.index()));
        } else if (measured.size() > 1) {
            var lo = measured.stream().min(Comparator.comparing(Balance::index)).orElseThrow();
            var hi = measured.stream().max(Comparator.comparing(Balance::index)).orElseThrow();
            summary = t.get("findings.ws.balance.summary", plain(lo.index()), lo.group().title(), day.apply(lo.group()),
                    plain(hi.index()), hi.group().title(), day.apply(hi.group()));
        }
        return new FindingsTable("practice.voice-balance", t.get("findings.ws.balance.title"), summary, Chart.BAR,
                List.of(label(t, "workshop"), label(t, "started"), num(t, "agenciesPresent"), num(t, "voiceBalance")),
                rows, List.of(t.get("findings.ws.balanceNote")));
    }

    FindingsTable shares(List<SpeakingShare> shares, Map<Long, String> names) {
        List<Row> rows = shares.stream().map(a -> Row.of(text(names.getOrDefault(a.agencyId(), "?")), count(a.turns()),
                number(a.seconds().divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP), ""),
                share(a.timeShare()), share(a.turnShare()))).toList();
        String summary = shares.isEmpty() ? t.get("findings.ws.noData")
                : t.get("findings.ws.speaking.summary", names.getOrDefault(shares.getFirst().agencyId(), "?"),
                whole(shares.getFirst().timeShare().movePointRight(2)));
        return new FindingsTable("practice.speaking-share", t.get("findings.ws.speaking.title"), summary,
                Chart.HORIZONTAL_BAR, List.of(label(t, "agency"), num(t, "turns"), num(t, "minutes"), pct(t, "timeShare"),
                pct(t, "turnShare")), rows, List.of());
    }
}
