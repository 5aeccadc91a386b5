package org.hymnsheet.findings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hymnsheet.common.Suppression;
import org.hymnsheet.common.Suppression.Shown;
import org.hymnsheet.common.Suppression.Tally;
import org.hymnsheet.findings.FindingsTable.Chart;
import org.hymnsheet.findings.FindingsTable.Row;
import org.hymnsheet.templates.LocalizedText;
import org.hymnsheet.templates.PulseStage;
import org.hymnsheet.templates.TemplateCatalog;
import org.hymnsheet.workshops.WorkshopAggregates;

/**
 * The anonymous reflection pulse as a findings panel: per question, how many gave each answer (1..5) and how many
 * answered, every count made by the disclosure rule from its tally ({@link Suppression#cell}), the total as a cell of
 * its own. The pulse is promised anonymous (decision 0013), so it is counted across the whole scope and never split by
 * agency or level.
 */
final class PulsePanel {
    private final TemplateCatalog catalog;
    private final FindingsTexts t;

    PulsePanel(TemplateCatalog catalog, FindingsTexts t) {
        this.catalog = catalog;
        this.t = t;
    }

    FindingsTable table(List<WorkshopAggregates.PulseCount> counts) {
        Map<String, Tally[]> byQuestion = new LinkedHashMap<>();
        for (var c : counts) {
            Tally[] values = byQuestion.computeIfAbsent(c.question(), q -> new Tally[] {Tally.NONE, Tally.NONE,
                    Tally.NONE, Tally.NONE, Tally.NONE});
            values[c.value() - 1] = values[c.value() - 1].plus(c.tally());
        }
        Locale locale = t.locale();
        List<Row> rows = new ArrayList<>();
        byQuestion.forEach((id, values) -> {
            var question = question(id);
            String text = question.map(q -> q.text().in(LocalizedText.FALLBACK)).orElse(id);
            Tally all = Tally.NONE;
            for (Tally v : values) {
                all = all.plus(v);
            }
            Shown total = Suppression.cell(all);
            for (int v = 1; v <= 5; v++) {
                int index = v;
                String answer = v + question.map(q -> " " + q.labels().get(index - 1).in(LocalizedText.FALLBACK)).orElse("");
                Shown shown = Suppression.cell(values[v - 1]);
                rows.add(Row.of(FindingsTable.text(text), FindingsTable.text(answer), FindingsTable.count(shown),
                        FindingsTable.share(shown, total, locale)));
            }
            rows.add(Row.of(FindingsTable.text(text), FindingsTable.text(t.get("findings.ws.allAnswers")),
                    FindingsTable.count(total), FindingsTable.share(total, total, locale)));
        });
        String summary = byQuestion.isEmpty() ? t.get("findings.ws.noData")
                : t.get("findings.ws.pulse.summary", byQuestion.size());
        return new FindingsTable("practice.pulse", t.get("findings.ws.pulse.title"), summary, Chart.STACKED_BAR,
                List.of(WorkshopFindings.label(t, "question"), WorkshopFindings.label(t, "answer"),
                        WorkshopFindings.counted(t, "answers"), WorkshopFindings.pct(t, "answerShare")),
                rows, List.of(t.get("findings.ws.pulseNote")));
    }

    private Optional<PulseStage.PulseQuestion> question(String id) {
        return catalog.workshops().stream().flatMap(w -> w.stages().stream())
                .filter(PulseStage.class::isInstance).map(PulseStage.class::cast)
                .flatMap(p -> p.questions().stream()).filter(q -> q.id().equals(id)).findFirst();
    }
}
