package org.hymnsheet.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import org.hymnsheet.common.DatabaseUnreachable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.junit.jupiter.api.Test;

/**
 * A database that cannot be reached (restarting, or its connection refused) is told apart from a fault in the action,
 * so the page says "not saved, try again in a minute" rather than "something went wrong" with a reference.
 */
class UiErrorsTest {

    @Test
    void a_database_out_of_reach_is_told_apart_from_a_fault_in_the_action() {
        // what HikariCP and Spring raise while PostgreSQL restarts
        assertThat(DatabaseUnreachable.is(new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLTransientConnectionException("Connection is not available, request timed out after 30000ms")))).isTrue();
        assertThat(DatabaseUnreachable.is(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new java.sql.SQLException("refused", new ConnectException("Connection refused"))))).isTrue();
        assertThat(DatabaseUnreachable.is(new RuntimeException(new DataAccessResourceFailureException("I/O error")))).isTrue();

        assertThat(DatabaseUnreachable.is(new DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(DatabaseUnreachable.is(new IllegalStateException("a bug"))).isFalse();
    }
}
