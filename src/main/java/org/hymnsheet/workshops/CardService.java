package org.hymnsheet.workshops;

import org.hymnsheet.live.LiveSignals;
import org.hymnsheet.live.Topic;
import java.util.List;
import org.hymnsheet.common.ConcurrentEditException;
import org.hymnsheet.common.NotFoundException;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.Staff;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The facilitator's cards: the partnership's responses and interventions the room sorts. */
@Service
public class CardService {
    static final int TEXT_MAX = 300;

    private final WorkshopRepository workshops;
    private final CardRepository cards;
    private final FacilitatorAccess access;
    private final LiveSignals signals;

    CardService(WorkshopRepository workshops, CardRepository cards, FacilitatorAccess access, LiveSignals signals) {
        this.workshops = workshops;
        this.cards = cards;
        this.access = access;
        this.signals = signals;
    }

    @Transactional(readOnly = true)
    public List<Card> cards(long workshopId) {
        access.owned(workshopId);
        return cards.cards(workshopId);
    }

    @Transactional
    public Card add(long workshopId, String text) {
        Staff by = changeable(workshopId);
        String t = text(text);
        if (cards.textTaken(workshopId, t, 0)) {
            throw new ValidationException("text", "validation.duplicateName");
        }
        try {
            return cards.find(cards.insert(workshopId, t, by.accountId())).orElseThrow();
        } catch (DuplicateKeyException raced) {
            throw new ValidationException("text", "validation.duplicateName");
        }
    }

    /** Rewords a card; refused when someone else saved it since {@code version} was read. */
    @Transactional
    public Card edit(long cardId, String text, int version) {
        Card card = cards.find(cardId).orElseThrow(() -> new NotFoundException("card"));
        changeable(card.workshopId());
        String t = text(text);
        if (cards.textTaken(card.workshopId(), t, cardId)) {
            throw new ValidationException("text", "validation.duplicateName");
        }
        if (!cards.update(cardId, t, version)) {
            throw new ConcurrentEditException("card");
        }
        return cards.find(cardId).orElseThrow();
    }

    /** Copies the cards of an earlier workshop of the same partnership; cards already here are skipped. */
    @Transactional
    public int importFrom(long workshopId, long fromWorkshopId) {
        Staff by = changeable(workshopId);
        Workshop target = workshops.find(workshopId).orElseThrow();
        Workshop source = workshops.find(fromWorkshopId).orElseThrow(() -> new NotFoundException("workshop"));
        if (source.partnershipId() != target.partnershipId() || source.id() == target.id()) {
            throw new ValidationException("from", "workshops.importSamePartnership");
        }
        int added = 0;
        for (Card card : cards.cards(fromWorkshopId)) {
            if (cards.insertIfNew(workshopId, card.text(), by.accountId())) {
                added++;
            }
        }
        return added;
    }

    private static String text(String text) {
        String t = ParticipantAccess.text("text", text, TEXT_MAX, true);
        if (t.contains("\n")) {
            throw new ValidationException("text", "validation.controlCharacters");
        }
        return t;
    }

    /** Cards change the room's stage too: the phones hear of it as well as the console and the board. */
    private Staff changeable(long workshopId) {
        Staff by = access.changeable(workshopId).by();
        signals.changed(Topic.room(workshopId));
        return by;
    }
}
