package org.hymnsheet.findings.ui;

import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hymnsheet.findings.FindingsFilter;
import org.hymnsheet.findings.Setting;
import org.hymnsheet.workshops.Level;

/**
 * A findings filter in a page address, for the print view: {@code ?from=2026-01-01&to=2026-03-31&setting=KIOSK}.
 * A parameter that does not parse is left out (the filter is wider, never something else).
 */
final class FilterParameters {
    private FilterParameters() {}

    static QueryParameters of(FindingsFilter filter) {
        Map<String, String> p = new LinkedHashMap<>();
        filter.from().ifPresent(v -> p.put("from", v.toString()));
        filter.to().ifPresent(v -> p.put("to", v.toString()));
        filter.templateId().ifPresent(v -> p.put("template", v));
        filter.agencyId().ifPresent(v -> p.put("agency", v.toString()));
        filter.level().ifPresent(v -> p.put("level", v.name()));
        filter.setting().ifPresent(v -> p.put("setting", v.name()));
        filter.ageBand().ifPresent(v -> p.put("age", v));
        return QueryParameters.simple(p);
    }

    static FindingsFilter read(QueryParameters query) {
        Map<String, List<String>> p = query.getParameters();
        LocalDate from = one(p, "from").flatMap(FilterParameters::date).orElse(null);
        LocalDate to = one(p, "to").flatMap(FilterParameters::date).orElse(null);
        if (from != null && to != null && to.isBefore(from)) {
            to = null;
        }
        return FindingsFilter.ALL.between(from, to)
                .template(one(p, "template").orElse(null))
                .agency(one(p, "agency").flatMap(FilterParameters::number).orElse(null))
                .level(one(p, "level").flatMap(v -> value(Level.class, v)).orElse(null))
                .setting(one(p, "setting").flatMap(v -> value(Setting.class, v)).orElse(null))
                .ageBand(one(p, "age").orElse(null));
    }

    private static Optional<String> one(Map<String, List<String>> p, String name) {
        return Optional.ofNullable(p.get(name)).filter(v -> !v.isEmpty()).map(List::getFirst).filter(v -> !v.isBlank());
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException bad) {
            return Optional.empty();
        }
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException bad) {
            return Optional.empty();
        }
    }

    private static <E extends Enum<E>> Optional<E> value(Class<E> type, String text) {
        try {
            return Optional.of(Enum.valueOf(type, text));
        } catch (IllegalArgumentException bad) {
            return Optional.empty();
        }
    }
}
