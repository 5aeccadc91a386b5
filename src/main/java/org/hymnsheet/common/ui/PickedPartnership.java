package org.hymnsheet.common.ui;

import com.vaadin.flow.server.VaadinSession;

/**
 * The partnership the administration pages work on, for the session: a platform administrator picks one (the picker
 * on the directory pages); everyone else always works on their own. The services still check every call.
 */
public final class PickedPartnership {
    private static final String KEY = "hymnsheet.partnership";

    private PickedPartnership() {}

    /** The partnership picked in this session, or the staff member's own when none was picked. */
    public static long current(long ownPartnershipId) {
        VaadinSession session = VaadinSession.getCurrent();
        return session != null && session.getAttribute(KEY) instanceof Long picked ? picked : ownPartnershipId;
    }

    public static void pick(long partnershipId) {
        VaadinSession.getCurrent().setAttribute(KEY, partnershipId);
    }
}
