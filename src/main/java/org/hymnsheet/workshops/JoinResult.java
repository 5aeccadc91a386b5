package org.hymnsheet.workshops;

import java.util.List;

/**
 * What a typed join code led to. Each outcome has its own message for the person holding the phone.
 *
 * @param token only for {@link Outcome#JOINED}: the participant's secret, for the UI to keep in a cookie scoped
 *              to the workshop; the server keeps only its hash
 */
public record JoinResult(Outcome outcome, long workshopId, String title, List<AgencyChoice> agencies, String token,
                         Participant participant) {

    public enum Outcome {
        /**
         * The code is right and the workshop is live or not started yet (for {@code join}: the participant now
         * exists, and waits for the start on their phone).
         */
        JOINED,
        /** No workshop has this code. */
        WRONG_CODE,
        /** The workshop has not started yet. No longer given: people may join before the start and wait. */
        NOT_STARTED,
        /** The workshop is over. */
        ENDED,
        /** Too many wrong codes from this device: try again later. */
        TOO_MANY_TRIES
    }

    static JoinResult refused(Outcome outcome) {
        return new JoinResult(outcome, 0, null, List.of(), null, null);
    }

    public boolean joined() {
        return outcome == Outcome.JOINED;
    }
}
