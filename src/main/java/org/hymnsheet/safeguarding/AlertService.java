package org.hymnsheet.safeguarding;

import org.hymnsheet.security.CurrentStaff;
import org.hymnsheet.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the staff pages show of safeguarding alerts: the number of open flags beside "Safeguarding queue" in the menu. */
@Service
public class AlertService {
    private final AlertRepository alerts;
    private final CurrentStaff staff;

    AlertService(AlertRepository alerts, CurrentStaff staff) {
        this.alerts = alerts;
        this.staff = staff;
    }

    /** How many of the partnership's flags are open: for its safeguarding leads only. */
    @Transactional(readOnly = true)
    public int openFlags(long partnershipId) {
        staff.requireRoleIn(partnershipId, Role.SAFEGUARDING_LEAD);
        return alerts.openFlags(partnershipId);
    }
}
