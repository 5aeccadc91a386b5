package org.hymnsheet.workshops;

import org.hymnsheet.common.WorkshopStatus;
import org.hymnsheet.live.LiveSignals;
import org.hymnsheet.live.Topic;
import java.util.List;
import java.util.Optional;
import org.hymnsheet.common.Codes;
import org.hymnsheet.common.Inputs;
import org.hymnsheet.common.ValidationException;
import org.hymnsheet.security.CurrentStaff;
import org.hymnsheet.security.Role;
import org.hymnsheet.security.Staff;
import org.hymnsheet.templates.CardSortStage;
import org.hymnsheet.templates.LocalizedText;
import org.hymnsheet.templates.Stage;
import org.hymnsheet.templates.TemplateCatalog;
import org.hymnsheet.templates.WorkshopTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facilitators (and administrators) of a partnership run its workshops: create from a template, start, step
 * through the stages, lock and reveal them, time them, and end the workshop, which freezes it.
 */
@Service
public class WorkshopService {
    static final int TIMER_MAX_SECONDS = 4 * 60 * 60;

    private final WorkshopRepository workshops;
    private final ParticipantRepository participants;
    private final CardRepository cards;
    private final CurrentStaff staff;
    private final TemplateCatalog catalog;
    private final LiveSignals signals;
    private final FacilitatorAccess access;
    private final ConsoleReads console;

    WorkshopService(WorkshopRepository workshops, ParticipantRepository participants, CardRepository cards,
                    CurrentStaff staff, TemplateCatalog catalog, LiveSignals signals, FacilitatorAccess access,
                    ConsoleReads console) {
        this.catalog = catalog;
        this.signals = signals;
        this.workshops = workshops;
        this.participants = participants;
        this.cards = cards;
        this.staff = staff;
        this.access = access;
        this.console = console;
    }

    @Transactional(readOnly = true)
    public List<Workshop> list(long partnershipId) {
        staff.requireRoleIn(partnershipId, Role.FACILITATOR, Role.ADMIN);
        return workshops.list(partnershipId);
    }

    @Transactional(readOnly = true)
    public Workshop get(long workshopId) {
        return access.owned(workshopId).workshop();
    }

    @Transactional(readOnly = true)
    public List<WorkshopStage> stages(long workshopId) {
        access.owned(workshopId);
        return workshops.stages(workshopId);
    }

    @Transactional(readOnly = true)
    public List<RosterEntry> roster(long workshopId) {
        access.owned(workshopId);
        return participants.roster(workshopId);
    }

    /**
     * Everything the facilitator's console shows, after one access check and in one read-only transaction (13
     * statements: the account and its roles, the workshop, its stages, the roster, four kinds of waiting text, the
     * texts sent to the lead, two speaking shares and the turn under way).
     */
    @Transactional(readOnly = true)
    public ConsoleState console(long workshopId) {
        return console.read(access.owned(workshopId).workshop());
    }

    @Transactional
    public Workshop create(long partnershipId, String templateId, String title) {
        staff.requireRoleIn(partnershipId, Role.FACILITATOR, Role.ADMIN);
        WorkshopTemplate template = template(templateId)
                .orElseThrow(() -> new ValidationException("template", "workshops.unknownTemplate"));
        return createFrom(partnershipId, template, title);
    }

    private Optional<WorkshopTemplate> template(String templateId) {
        return templateId == null ? Optional.empty() : catalog.workshop(templateId);
    }

    /** Creates a DRAFT workshop with a copy of every stage of the template and the card sort's starter cards. */
    @Transactional
    Workshop createFrom(long partnershipId, WorkshopTemplate template, String title) {
        Staff creator = staff.requireRoleIn(partnershipId, Role.FACILITATOR, Role.ADMIN);
        Inputs.name("title", title);
        if (template.stages().isEmpty()) {
            throw new ValidationException("template", "workshops.noStages");
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = Codes.shortCode();
            if (workshops.codeTaken(code)) {
                continue;
            }
            long id;
            try {
                id = workshops.insert(partnershipId, template.id(), title, code, creator.accountId());
            } catch (DuplicateKeyException raced) {
                continue; // another workshop took the code in the same instant: draw again
            }
            List<Stage> stages = template.stages();
            for (int i = 0; i < stages.size(); i++) {
                workshops.insertStage(id, i, stages.get(i));
                if (stages.get(i) instanceof CardSortStage sort) {
                    for (LocalizedText starter : sort.starterCards()) {
                        cards.insertIfNew(id, starter.in(LocalizedText.FALLBACK), creator.accountId());
                    }
                }
            }
            return workshops.find(id).orElseThrow();
        }
        throw new IllegalStateException("Could not draw a free join code");
    }

    /** Opens the workshop for joining, on its first stage. Starting a live workshop again changes nothing. */
    @Transactional
    public Workshop start(long workshopId) {
        Workshop w = changeable(workshopId);
        if (w.status() == WorkshopStatus.DRAFT) {
            workshops.setStatus(workshopId, WorkshopStatus.LIVE);
        }
        return workshops.find(workshopId).orElseThrow();
    }

    @Transactional
    public Workshop advance(long workshopId) {
        Workshop w = live(workshopId);
        if (w.currentStage() + 1 >= w.stageCount()) {
            throw new ValidationException("stage", "workshops.lastStage");
        }
        workshops.setCurrentStage(workshopId, w.currentStage() + 1);
        return workshops.find(workshopId).orElseThrow();
    }

    @Transactional
    public Workshop back(long workshopId) {
        Workshop w = live(workshopId);
        if (w.currentStage() == 0) {
            throw new ValidationException("stage", "workshops.firstStage");
        }
        workshops.setCurrentStage(workshopId, w.currentStage() - 1);
        return workshops.find(workshopId).orElseThrow();
    }

    /** A locked stage refuses new and changed inputs; unlocking lets the room carry on. */
    @Transactional
    public WorkshopStage lock(long workshopId, int position, boolean locked) {
        changeable(workshopId);
        workshops.setLocked(stage(workshopId, position).id(), locked);
        return stage(workshopId, position);
    }

    /** Participants see everyone's inputs to this stage from now on (free text only once approved). */
    @Transactional
    public WorkshopStage reveal(long workshopId, int position) {
        changeable(workshopId);
        workshops.setRevealed(stage(workshopId, position).id(), true);
        return stage(workshopId, position);
    }

    /** Starts (or restarts) the stage timer from now. */
    @Transactional
    public WorkshopStage startTimer(long workshopId, int position, int seconds) {
        changeable(workshopId);
        if (seconds < 1 || seconds > TIMER_MAX_SECONDS) {
            throw new ValidationException("seconds", "workshops.timerRange", 1, TIMER_MAX_SECONDS);
        }
        workshops.startTimer(stage(workshopId, position).id(), seconds);
        return stage(workshopId, position);
    }

    /**
     * Chooses the partnership survey whose findings the board shows as the young people's voice (null for none).
     * Only a survey of the workshop's own partnership can be chosen.
     */
    @Transactional
    public Workshop chooseSurvey(long workshopId, Long surveyId) {
        changeable(workshopId);
        if (!workshops.setSurvey(workshopId, surveyId)) {
            throw new ValidationException("survey", "workshops.unknownSurvey");
        }
        return workshops.find(workshopId).orElseThrow();
    }

    /** Ends the workshop: nothing about it can change any more. Ending twice changes nothing. */
    @Transactional
    public Workshop end(long workshopId) {
        Workshop w = ownedLocked(workshopId);
        if (!w.ended()) {
            workshops.setStatus(workshopId, WorkshopStatus.ENDED);
        }
        return workshops.find(workshopId).orElseThrow();
    }

    private WorkshopStage stage(long workshopId, int position) {
        return workshops.stage(workshopId, position).orElseThrow(() -> new ValidationException("stage", "workshops.noSuchStage"));
    }

    /** Every change goes through here: the row locked, the console and the phones told once it commits. */
    private Workshop ownedLocked(long workshopId) {
        Workshop w = access.locked(workshopId).workshop();
        signals.changed(Topic.room(workshopId));
        return w;
    }

    /** Locked for this transaction and not ended. */
    private Workshop changeable(long workshopId) {
        Workshop w = ownedLocked(workshopId);
        if (w.ended()) {
            throw new ValidationException("workshop", "workshops.ended");
        }
        return w;
    }

    private Workshop live(long workshopId) {
        Workshop w = changeable(workshopId);
        if (w.status() != WorkshopStatus.LIVE) {
            throw new ValidationException("workshop", "workshops.notStarted");
        }
        return w;
    }
}
