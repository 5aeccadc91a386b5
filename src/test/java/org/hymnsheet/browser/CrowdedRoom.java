package org.hymnsheet.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.hymnsheet.accounts.DirectoryService;
import org.hymnsheet.accounts.Sector;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.workshops.Card;
import org.hymnsheet.workshops.InputService;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.ParticipantService;
import org.hymnsheet.workshops.SpeakingService;
import org.hymnsheet.workshops.Workshop;
import org.hymnsheet.workshops.WorkshopModerationService;
import org.hymnsheet.workshops.WorkshopService;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A full room for layout checks and screenshots: a partnership of eight agencies whose names share their first 22
 * characters (five with a short name, three without), 30 participants, and every stage of the hymn sheet answered,
 * with 30 approved pulse comments and words that carry a right-to-left override.
 */
final class CrowdedRoom {
    static final String PREFIX = "Riverside Partnership ";
    /** Full names after the shared prefix, and short names (null: none, so the label wraps). */
    static final List<String[]> AGENCIES = List.of(
            new String[] {"Children's Social Care", "RP Care"},
            new String[] {"Police Service", "RP Police"},
            new String[] {"Education and Schools", "RP Schools"},
            new String[] {"Youth Services", "RP Youth"},
            new String[] {"Youth Justice Service", "RP Justice"},
            new String[] {"Health (NHS Trust)", null},
            new String[] {"Housing Department", null},
            new String[] {"Community Safety", null});
    static final String RLO = "\u202E";
    static final String RLO_COMMENT = "Override " + RLO + "reversed words";
    static final String RLO_NEED = "Chairs who " + RLO + "listen";

    final TestWorld.Persona facilitator;
    final List<Long> agencies = new ArrayList<>();
    final List<String> names = new ArrayList<>();
    final List<String> tokens = new ArrayList<>();
    final Workshop workshop;
    private final ApplicationContext spring;

    CrowdedRoom(ApplicationContext spring, TestWorld world, long partnership) {
        this.spring = spring;
        var admin = world.account(partnership, Role.ADMIN);
        facilitator = world.account(partnership, Role.FACILITATOR);
        var directory = spring.getBean(DirectoryService.class);
        as(admin, () -> {
            for (String[] a : AGENCIES) {
                var agency = directory.createAgency(partnership, PREFIX + a[0], a[1], Sector.OTHER);
                agencies.add(agency.id());
                names.add(agency.name());
            }
            return null;
        });
        var workshops = spring.getBean(WorkshopService.class);
        workshop = as(facilitator, () -> workshops.start(
                workshops.create(partnership, "hymn-sheet", "Riverside partnership workshop, December").id()));
        var participants = spring.getBean(ParticipantService.class);
        Level[] levels = Level.values();
        for (int i = 0; i < 30; i++) {
            tokens.add(participants.join(workshop.joinCode(), agencies.get(i % agencies.size()), levels[i % levels.length],
                    null, TestWorld.unique("phone")).token());
        }
    }

    /** Everyone answers every stage; free text approved; stage {@code position} is revealed and on the board. */
    void answerEverythingAndShow(int position) {
        var inputs = spring.getBean(InputService.class);
        var workshops = spring.getBean(WorkshopService.class);
        var random = new Random(14);
        for (int i = 0; i < tokens.size(); i++) {
            inputs.frame(tokens.get(i), 0, Math.min(100, 10 + 3 * i + random.nextInt(20)),
                    i % 6 == 0 ? "Young people are exploited where adults are absent (" + (i + 1) + ")" : null);
        }
        as(facilitator, () -> workshops.advance(workshop.id()));
        var speaking = spring.getBean(SpeakingService.class);
        as(facilitator, () -> {
            for (int turn = 0; turn < 24; turn++) {
                int agency = turn % 3 == 0 ? 1 : turn % agencies.size();
                speaking.tap(workshop.id(), agencies.get(agency), Level.MANAGER);
            }
            speaking.pause(workshop.id());
            return null;
        });
        for (int i = 0; i < tokens.size(); i++) {
            inputs.influence(tokens.get(i), 1, Set.of(agencies.get(i % 3 == 0 ? 0 : 1), agencies.get(i % 5 + 2)));
        }
        as(facilitator, () -> workshops.advance(workshop.id()));
        List<Card> cards = spring.getBean(ParticipantService.class).cards(tokens.getFirst());
        for (int i = 0; i < tokens.size(); i++) {
            for (int c = 0; c < cards.size(); c++) {
                inputs.place(tokens.get(i), 2, cards.get(c).id(), Math.min(100, Math.max(0, 20 * c + random.nextInt(50) - 10)));
            }
            inputs.tag(tokens.get(i), 2, cards.get(i % cards.size()).id(),
                    Set.of(i % 2 == 0 ? "peers" : "school", "neighbourhood-or-public-space"));
        }
        as(facilitator, () -> workshops.advance(workshop.id()));
        for (int i = 0; i < tokens.size(); i++) {
            inputs.pulse(tokens.get(i), 3, "critical-reflection", 1 + i % 5,
                    i == 7 ? RLO_COMMENT : "Comment " + (char) ('a' + i % 26) + (i / 26)
                            + (i % 4 == 0 ? ": we rarely stop to ask why a plan did not work, and nobody minds saying so" : ""));
            inputs.pulse(tokens.get(i), 3, "ok-not-to-know", 1 + (i * 3) % 5, null);
        }
        as(facilitator, () -> workshops.advance(workshop.id()));
        List<Long> needs = new ArrayList<>();
        String[] categories = {"commissioners", "funders", "meeting-chairing", "plans", "other"};
        for (int i = 0; i < 12; i++) {
            needs.add(inputs.addNeed(tokens.get(i), 4, i == 3 ? RLO_NEED : "Need number " + (i + 1)
                            + (i % 3 == 0 ? ": funding that follows places, not only individuals" : ""),
                    i % 2 == 0 ? agencies.get(i % agencies.size()) : null, categories[i % categories.length]));
        }
        approveAll();
        for (int stage = 0; stage <= 4; stage++) {
            int s = stage;
            as(facilitator, () -> workshops.reveal(workshop.id(), s));
        }
        for (int i = 0; i < tokens.size(); i++) {
            inputs.dots(tokens.get(i), 4, needs.get(i % needs.size()), 2);
            inputs.dots(tokens.get(i), 4, needs.get((i * 7) % needs.size()), 1);
        }
        show(position);
    }

    void show(int position) {
        var workshops = spring.getBean(WorkshopService.class);
        as(facilitator, () -> {
            var w = workshops.get(workshop.id());
            for (int at = w.currentStage(); at < position; at++) {
                workshops.advance(workshop.id());
            }
            for (int at = w.currentStage(); at > position; at--) {
                workshops.back(workshop.id());
            }
            return null;
        });
    }

    void approveAll() {
        var moderation = spring.getBean(WorkshopModerationService.class);
        as(facilitator, () -> {
            moderation.pending(workshop.id()).forEach(t -> moderation.moderate(workshop.id(), t.kind(), t.ref(), true));
            return null;
        });
    }

    static <T> T as(TestWorld.Persona who, Supplier<T> action) {
        try {
            TestWorld.as(who);
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
