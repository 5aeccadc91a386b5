package org.hymnsheet.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;

/** A flood of made-up client addresses cannot grow the guard's memory without bound, nor lift a real block. */
class CodeGuessGuardMemoryTest {

    @Test
    void a_hundred_thousand_distinct_addresses_leave_the_guard_within_its_bound() {
        var guard = new CodeGuessGuard(Clock.systemUTC());
        String guesser = ClientAddress.key("203.0.113.7");
        for (int i = 0; i < CodeGuessGuard.MAX_WRONG; i++) {
            guard.wrongCode(guesser);
        }
        for (int i = 0; i < 100_000; i++) {
            guard.wrongCode(ClientAddress.key("2001:db8:" + Integer.toHexString(i >> 16) + ":" + Integer.toHexString(i & 0xffff) + "::1"));
        }
        assertThat(guard.trackedKeys()).isLessThanOrEqualTo(CodeGuessGuard.MAX_KEYS);
    }

    @Test
    void wrong_codes_from_rotating_addresses_in_one_ipv6_slash_64_share_one_count() {
        var guard = new CodeGuessGuard(Clock.systemUTC());
        for (int i = 0; i < CodeGuessGuard.MAX_WRONG; i++) {
            guard.wrongCode(ClientAddress.key("2001:db8:7:7:" + Integer.toHexString(i + 1) + "::42"));
        }
        assertThat(guard.blocked(ClientAddress.key("2001:db8:7:7:abcd::1"))).isTrue();
        assertThat(guard.blocked(ClientAddress.key("2001:db8:7:8::1"))).isFalse();
    }
}
