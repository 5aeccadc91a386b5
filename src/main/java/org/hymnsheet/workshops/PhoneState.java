package org.hymnsheet.workshops;

import org.hymnsheet.common.WorkshopStatus;
import java.util.List;

/**
 * What a participant's phone shows at one moment, read in one go.
 *
 * @param stage the stage the room is on; null before the facilitator starts and after the end
 * @param inputs this participant's inputs to the stage, and the room's once the facilitator revealed it
 * @param cards the cards of a card sort stage (none for other stages)
 * @param pulse the room's anonymous pulse once revealed ({@code NOTHING_YET} otherwise)
 * @param agencies the partnership's agencies where the screen names them (waiting, voice and needs), else none
 */
public record PhoneState(Workshop workshop, Participant me, WorkshopStage stage, List<StageInput> inputs,
                         List<Card> cards, PulseRoom pulse, List<AgencyChoice> agencies) {
    public PhoneState {
        inputs = List.copyOf(inputs);
        cards = List.copyOf(cards);
        agencies = List.copyOf(agencies);
    }

    /** Joined before the start: the phone says "you're in" until the facilitator starts. */
    public boolean waiting() {
        return workshop.status() == WorkshopStatus.DRAFT;
    }

    public boolean ended() {
        return workshop.ended();
    }

    /** The name of the participant's own agency, where the state carries the agencies. */
    public String agencyName() {
        return agencies.stream().filter(a -> a.id() == me.agencyId()).map(AgencyChoice::name).findFirst().orElse("");
    }
}
