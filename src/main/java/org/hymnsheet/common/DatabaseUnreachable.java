package org.hymnsheet.common;

/**
 * Whether a failure came from the database being out of reach (restarting, network, pool unable to connect), as
 * opposed to a fault in the action itself: then nothing was saved, and trying again in a moment is the right advice.
 */
public final class DatabaseUnreachable {
    private DatabaseUnreachable() {}

    public static boolean is(Throwable t) {
        return causedBy(t, org.springframework.dao.DataAccessResourceFailureException.class)
                || causedBy(t, org.springframework.transaction.CannotCreateTransactionException.class)
                || causedBy(t, java.sql.SQLTransientConnectionException.class)
                || causedBy(t, java.sql.SQLNonTransientConnectionException.class)
                || causedBy(t, java.net.ConnectException.class);
    }

    public static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
