package org.hymnsheet.findings;

import java.util.Optional;

/**
 * Whose data a findings request may count, decided by {@link FindingsService} from the caller's role: one
 * partnership, and for a facilitator only the surveys and workshops they created.
 *
 * @param partnershipId the partnership whose findings these are
 * @param onlyRunBy     an account id when the reader is a facilitator (not a lead or administrator of it)
 */
public record FindingsScope(long partnershipId, Optional<Long> onlyRunBy) {

    public static FindingsScope partnership(long partnershipId) {
        return new FindingsScope(partnershipId, Optional.empty());
    }

    public static FindingsScope runBy(long partnershipId, long accountId) {
        return new FindingsScope(partnershipId, Optional.of(accountId));
    }
}
