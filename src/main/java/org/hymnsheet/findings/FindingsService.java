package org.hymnsheet.findings;

import java.util.List;
import java.util.Locale;
import org.hymnsheet.security.CurrentStaff;
import org.hymnsheet.security.Role;
import org.hymnsheet.security.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Findings for strategic leads: the one entry point for the findings page, its print view and its exports. Checks
 * role and partnership (a lead or administrator sees the partnership's findings; a facilitator only of the surveys
 * and workshops they ran) and then composes the panels.
 */
@Service
public class FindingsService {
    private final CurrentStaff staff;
    private final SurveyFindings surveys;
    private final WorkshopFindings workshops;

    FindingsService(CurrentStaff staff, SurveyFindings surveys, WorkshopFindings workshops) {
        this.staff = staff;
        this.surveys = surveys;
        this.workshops = workshops;
    }

    /** Every section of the partnership's findings under the filter. */
    @Transactional(readOnly = true)
    public List<FindingsSection> findings(long partnershipId, FindingsFilter filter, Locale locale) {
        FindingsScope scope = scope(partnershipId);
        return List.of(
                new FindingsSection("link", "Do our responses target the places young people name?",
                        surveys.link(scope, filter, locale)),
                new FindingsSection("practice", "Partnership practice over time",
                        workshops.practice(scope, filter, locale)),
                new FindingsSection("participation", "Participation",
                        concat(workshops.participation(scope, filter, locale), surveys.participation(scope, filter, locale))),
                new FindingsSection("voice", "Young people's voice", surveys.voice(scope, filter, locale)));
    }

    private FindingsScope scope(long partnershipId) {
        Staff reader = staff.requireRoleIn(partnershipId, Role.LEAD, Role.ADMIN, Role.FACILITATOR);
        boolean whole = reader.administers(partnershipId)
                || (reader.partnershipId() == partnershipId && (reader.has(Role.LEAD) || reader.has(Role.ADMIN)));
        return whole ? FindingsScope.partnership(partnershipId) : FindingsScope.runBy(partnershipId, reader.accountId());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
