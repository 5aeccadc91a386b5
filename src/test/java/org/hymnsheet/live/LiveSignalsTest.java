package org.hymnsheet.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.testing.OnPostgres;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signals leave only after the commit, carry no data, and reach listeners of this node; on PostgreSQL they reach
 * another node's listeners through NOTIFY, and a node whose listening connection drops catches up when it is back.
 */
class LiveSignalsTest {
    /** How long to wait for a signal that should come (waiting, not timing: the figure is never asserted). */
    static final long WAIT_SECONDS = 10;
    /** How long to watch for a signal that should not come. */
    static final long QUIET_MILLIS = 500;

    @Nested
    @OnH2
    class OnH2Database extends Contract {
        @Test
        void on_h2_there_is_one_node_and_the_relay_stays_off() {
            assertThat(relay.isRunning()).isFalse();
        }
    }

    @Nested
    @OnPostgres
    class OnPostgresDatabase extends Contract {
        @Autowired DataSource dataSource;
        @Autowired DSLContext db;

        @Test
        void a_change_on_one_node_wakes_the_listeners_of_another_node_on_the_same_database() throws Exception {
            var otherNode = new LiveSignals();
            var otherRelay = new PostgresRelay(dataSource, otherNode, db);
            otherRelay.start();
            try {
                awaitListening(otherRelay);
                Topic topic = Topic.workshop(System.nanoTime());
                var heardThere = new LinkedBlockingQueue<String>();
                otherNode.subscribe(Set.of(topic), () -> heardThere.add("there"));
                var heardHere = new LinkedBlockingQueue<String>();
                signals.subscribe(Set.of(topic), () -> heardHere.add("here"));

                tx.executeWithoutResult(s -> signals.changed(topic));
                assertThat(heardHere.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("here");
                assertThat(heardThere.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("there");

                // and back the other way
                otherNode.changed(topic);
                assertThat(heardHere.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("here");
            } finally {
                otherRelay.stop();
                otherNode.stop();
            }
        }

        @Test
        void a_node_that_lost_its_listening_connection_reconnects_and_wakes_every_listener_to_catch_up() throws Exception {
            var otherNode = new LiveSignals();
            var otherRelay = new PostgresRelay(dataSource, otherNode, db);
            otherRelay.start();
            try {
                awaitListening(otherRelay);
                var heard = new LinkedBlockingQueue<String>();
                otherNode.subscribe(Set.of(Topic.workshop(System.nanoTime())), () -> heard.add("refresh"));
                // the database drops every connection that is listening (a restart, a network cut)
                db.fetch("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' "
                        + "AND pid <> pg_backend_pid()");
                assertThat(heard.poll(WAIT_SECONDS, TimeUnit.SECONDS)).as("a catch-up refresh after reconnecting")
                        .isEqualTo("refresh");
                awaitListening(otherRelay);
            } finally {
                otherRelay.stop();
                otherNode.stop();
            }
        }

        private static void awaitListening(PostgresRelay relay) {
            try {
                Awaitility.await().atMost(Duration.ofSeconds(WAIT_SECONDS)).pollInterval(Duration.ofMillis(50))
                        .until(relay::listening);
            } catch (ConditionTimeoutException e) {
                // said by the assertion
            }
            assertThat(relay.listening()).as("the relay listens").isTrue();
        }
    }

    abstract static class Contract {
        @Autowired LiveSignals signals;
        @Autowired PostgresRelay relay;
        @Autowired TransactionTemplate tx;

        @Test
        void a_signal_is_heard_after_the_commit_and_never_for_a_rolled_back_change() throws Exception {
            Topic topic = Topic.workshop(System.nanoTime());
            var heard = new LinkedBlockingQueue<String>();
            try (var subscription = signals.subscribe(Set.of(topic), () -> heard.add("changed"))) {
                tx.executeWithoutResult(status -> {
                    signals.changed(topic);
                    status.setRollbackOnly();
                });
                assertThat(heard.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)).as("nothing for a rollback").isNull();

                tx.executeWithoutResult(status -> {
                    signals.changed(topic);
                    assertThat(heard).as("not before the commit").isEmpty();
                });
                assertThat(heard.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("changed");
            }
        }

        @Test
        void listeners_hear_only_their_topics_and_nothing_after_they_stop() throws Exception {
            Topic mine = Topic.workshop(System.nanoTime());
            Topic other = Topic.survey(System.nanoTime());
            var heard = new LinkedBlockingQueue<String>();
            var subscription = signals.subscribe(Set.of(mine), () -> heard.add("mine"));
            assertThat(signals.listeners(mine)).isEqualTo(1);
            signals.changed(other);
            assertThat(heard.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)).isNull();
            signals.changed(mine);
            assertThat(heard.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("mine");
            subscription.close();
            assertThat(signals.listeners(mine)).isZero();
            signals.changed(mine);
            assertThat(heard.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)).isNull();
        }

        @Test
        void a_topic_names_a_thing_and_carries_no_data() {
            assertThat(Topic.workshop(12).key()).isEqualTo("workshop:12");
            assertThat(Topic.survey(7).key()).isEqualTo("survey:7");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Topic("workshop:1|survey:2"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
