package org.hymnsheet.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.hymnsheet.common.ClientAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows and then locks repeated failed sign-ins, per account (in the database, so it holds across restarts
 * and nodes) and per client network (in memory, bounded, keyed by {@link ClientAddress}: an IPv6 client counts
 * with its /64, and only a hash is held, never the address).
 */
@Component
class SignInGuard {
    /** Failures on one account before each further try must wait (doubling from 2 s). */
    static final int SLOW_AFTER = 3;
    /** Failures on one account that lock it. */
    static final int LOCK_AFTER = 5;
    /** Failures from one client network within the window that block it. */
    static final int ADDRESS_LIMIT = 20;
    /** Client networks held at most; beyond that Caffeine evicts the least useful. */
    static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final Duration lockFor;
    private final Cache<String, AddressWindow> addresses;

    private record AddressWindow(Instant start, int failures, Instant blockedUntil) {}

    SignInGuard(@Value("${hymnsheet.sign-in.lock-minutes:15}") long lockMinutes, Clock clock) {
        this.lockFor = Duration.ofMinutes(lockMinutes);
        // Time passed in by callers may run ahead of the clock (tests); expiry is only for memory, so the
        // window and block checks below never depend on it.
        this.addresses = Caffeine.newBuilder().maximumSize(MAX_TRACKED_ADDRESSES)
                .expireAfterWrite(lockFor.multipliedBy(2)).ticker(() -> clock.millis() * 1_000_000L).build();
    }

    Duration lockDuration() {
        return lockFor;
    }

    /** Whether this account must not be tried now: locked, or still inside its slow-down wait. */
    boolean accountBlocked(AccountRepository.Credentials account, Instant now) {
        if (account.lockedUntil() != null && now.isBefore(account.lockedUntil())) {
            return true;
        }
        if (account.failedSignIns() >= SLOW_AFTER && account.lastFailedAt() != null) {
            long waitSeconds = 2L << Math.min(10, account.failedSignIns() - SLOW_AFTER);
            return now.isBefore(account.lastFailedAt().plusSeconds(waitSeconds));
        }
        return false;
    }

    /** After a failure has been counted: the time to lock the account until, if it should be locked. */
    Instant lockAfterFailure(int failures, Instant now) {
        return failures >= LOCK_AFTER ? now.plus(lockFor) : null;
    }

    boolean addressBlocked(String address, Instant now) {
        AddressWindow w = addresses.getIfPresent(ClientAddress.key(address));
        return w != null && w.blockedUntil() != null && now.isBefore(w.blockedUntil());
    }

    void addressFailed(String address, Instant now) {
        addresses.asMap().compute(ClientAddress.key(address), (k, w) -> {
            if (w == null || w.start().plus(lockFor).isBefore(now)) {
                w = new AddressWindow(now, 0, w == null ? null : w.blockedUntil());
            }
            int failures = w.failures() + 1;
            return new AddressWindow(w.start(), failures, failures >= ADDRESS_LIMIT ? now.plus(lockFor) : w.blockedUntil());
        });
    }

    void addressSucceeded(String address) {
        addresses.invalidate(ClientAddress.key(address));
    }

    /** How many client networks are held now (after pending evictions): for tests of the memory bound. */
    long trackedAddresses() {
        addresses.cleanUp();
        return addresses.estimatedSize();
    }
}
