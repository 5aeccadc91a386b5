package org.hymnsheet.findings;

import java.time.LocalDate;
import java.util.Optional;
import org.hymnsheet.workshops.Level;

/**
 * What a reader narrows findings to. Every field is optional; an empty filter is everything the reader may see.
 * Periods are whole days, both ends included. Survey counts are filtered by the day their release group was
 * released (decision 0016), workshops by the day they started.
 *
 * @param from       first day, or empty for no lower bound
 * @param to         last day, or empty for no upper bound
 * @param templateId a survey or workshop template id (applies to the side it names)
 * @param agencyId   workshops: one agency's participants
 * @param level      workshops: one level's participants
 * @param setting    surveys: kiosk device or own phone
 * @param ageBand    surveys: an option id of the standard "about-age" question
 */
public record FindingsFilter(Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> templateId,
                             Optional<Long> agencyId, Optional<Level> level, Optional<Setting> setting,
                             Optional<String> ageBand) {

    public static final FindingsFilter ALL = new FindingsFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public FindingsFilter {
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new IllegalArgumentException("The period ends before it starts");
        }
    }

    public FindingsFilter between(LocalDate first, LocalDate last) {
        return new FindingsFilter(Optional.ofNullable(first), Optional.ofNullable(last), templateId, agencyId, level,
                setting, ageBand);
    }

    public FindingsFilter template(String id) {
        return new FindingsFilter(from, to, Optional.ofNullable(id), agencyId, level, setting, ageBand);
    }

    public FindingsFilter agency(Long id) {
        return new FindingsFilter(from, to, templateId, Optional.ofNullable(id), level, setting, ageBand);
    }

    public FindingsFilter level(Level value) {
        return new FindingsFilter(from, to, templateId, agencyId, Optional.ofNullable(value), setting, ageBand);
    }

    public FindingsFilter setting(Setting value) {
        return new FindingsFilter(from, to, templateId, agencyId, level, Optional.ofNullable(value), ageBand);
    }

    public FindingsFilter ageBand(String optionId) {
        return new FindingsFilter(from, to, templateId, agencyId, level, setting, Optional.ofNullable(optionId));
    }

    /** The filter as words for the audit log and a report's heading, e.g. {@code from=2026-01-01 setting=KIOSK}. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        from.ifPresent(v -> s.append(" from=").append(v));
        to.ifPresent(v -> s.append(" to=").append(v));
        templateId.ifPresent(v -> s.append(" template=").append(v));
        agencyId.ifPresent(v -> s.append(" agency=").append(v));
        level.ifPresent(v -> s.append(" level=").append(v));
        setting.ifPresent(v -> s.append(" setting=").append(v));
        ageBand.ifPresent(v -> s.append(" age=").append(v));
        return s.isEmpty() ? "all" : s.substring(1);
    }
}
