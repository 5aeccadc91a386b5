package org.hymnsheet.templates;

import java.util.List;
import org.hymnsheet.security.CurrentStaff;
import org.hymnsheet.security.Role;
import org.hymnsheet.security.Staff;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The template catalog for staff screens. Templates live in files, not tables, but every method first reads the
 * caller's account and roles through {@link CurrentStaff}, so each runs in a read-only transaction like any read.
 * Templates are shared by every partnership on this installation.
 */
@Service
public class TemplateService {
    private final TemplateCatalog catalog;
    private final CurrentStaff staff;

    TemplateService(TemplateCatalog catalog, CurrentStaff staff) {
        this.catalog = catalog;
        this.staff = staff;
    }

    /** Any signed-in staff member: the surveys they can start. */
    @Transactional(readOnly = true)
    public List<SurveyTemplate> surveyTemplates() {
        staff.require();
        return catalog.surveys();
    }

    /** Any signed-in staff member: the partnership workshops they can run. */
    @Transactional(readOnly = true)
    public List<WorkshopTemplate> workshopTemplates() {
        staff.require();
        return catalog.workshops();
    }

    /** Administrators and facilitators: what is wrong in the template files. */
    @Transactional(readOnly = true)
    public List<TemplateProblem> problems() {
        Staff me = staff.require();
        if (!me.has(Role.ADMIN) && !me.has(Role.FACILITATOR)) {
            throw new AccessDeniedException("Administrators and facilitators only");
        }
        return catalog.problems();
    }

    /** Administrators: read the template files again. */
    @Transactional(readOnly = true)
    public ReloadResult reload() {
        if (!staff.require().has(Role.ADMIN)) {
            throw new AccessDeniedException("Administrators only");
        }
        return catalog.reload();
    }
}
