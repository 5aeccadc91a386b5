package org.hymnsheet.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows and then locks repeated failed sign-ins, per account (in the database, so it holds across restarts
 * and nodes) and per client address (in memory, bounded; the address is never written to disk).
 */
@Component
class SignInGuard {
    /** Failures on one account before each further try must wait (doubling from 2 s). */
    static final int SLOW_AFTER = 3;
    /** Failures on one account that lock it. */
    static final int LOCK_AFTER = 5;
    /** Failures from one address within the window that block it. */
    static final int ADDRESS_LIMIT = 20;
    private static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final Duration lockFor;
    private final Map<String, AddressWindow> addresses = new ConcurrentHashMap<>();

    private record AddressWindow(Instant start, int failures, Instant blockedUntil) {}

    SignInGuard(@Value("${hymnsheet.sign-in.lock-minutes:15}") long lockMinutes) {
        this.lockFor = Duration.ofMinutes(lockMinutes);
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
        AddressWindow w = addresses.get(key(address));
        return w != null && w.blockedUntil() != null && now.isBefore(w.blockedUntil());
    }

    void addressFailed(String address, Instant now) {
        if (addresses.size() > MAX_TRACKED_ADDRESSES) {
            addresses.values().removeIf(w -> w.start().plus(lockFor).isBefore(now)
                    && (w.blockedUntil() == null || w.blockedUntil().isBefore(now)));
        }
        addresses.compute(key(address), (k, w) -> {
            if (w == null || w.start().plus(lockFor).isBefore(now)) {
                w = new AddressWindow(now, 0, null);
            }
            int failures = w.failures() + 1;
            return new AddressWindow(w.start(), failures, failures >= ADDRESS_LIMIT ? now.plus(lockFor) : w.blockedUntil());
        });
    }

    void addressSucceeded(String address) {
        addresses.remove(key(address));
    }

    private static String key(String address) {
        return address == null ? "unknown" : address;
    }
}
