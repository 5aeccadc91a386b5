package org.hymnsheet.browser;

import java.util.ArrayList;
import java.util.List;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.workshops.InputService;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.ParticipantService;
import org.hymnsheet.workshops.Workshop;
import org.hymnsheet.workshops.WorkshopService;
import org.springframework.context.ApplicationContext;

/**
 * A hymn sheet workshop as a facilitator sees it mid-session: six people of four agencies and three levels, and
 * their framing sentences waiting, among them a 600-character one and one with a right-to-left override.
 */
final class ConsoleRoom {
    static final String LONG_TEXT = ("We keep asking young people to change their choices, but the places where harm happens stay "
            + "the same: the bus station after school, the park with no lights, the flats where nobody knows who "
            + "lives there. ").repeat(3).substring(0, 600);
    static final String OVERRIDE_TEXT = "\u202EThis sentence carries a right-to-left override";
    static final List<String> WORDS = List.of(LONG_TEXT, "Mostly the environment: the streets they walk home on",
            OVERRIDE_TEXT, "Schools exclude and the problem moves to the street", "It depends on the young person");

    final TestWorld.Persona facilitator;
    final long partnership;
    final List<Long> agencies = new ArrayList<>();
    final List<String> tokens = new ArrayList<>();
    Workshop workshop;
    private final ApplicationContext spring;

    ConsoleRoom(ApplicationContext spring) {
        this.spring = spring;
        TestWorld world = new TestWorld(spring);
        world.markInstalled();
        partnership = world.partnership();
        for (String name : List.of("Riverside Children's Services", "Riverside Police", "Riverside Youth Service",
                "Riverside Health")) {
            agencies.add(world.agency(partnership, name)); // a partnership of its own: the names are free
        }
        facilitator = world.account(partnership, Role.FACILITATOR);
        TestWorld.as(facilitator);
        var workshops = spring.getBean(WorkshopService.class);
        workshop = workshops.create(partnership, "hymn-sheet", "Riverside partnership session, spring");
        TestWorld.anonymous();
    }

    ConsoleRoom start() {
        TestWorld.as(facilitator);
        workshop = spring.getBean(WorkshopService.class).start(workshop.id());
        TestWorld.anonymous();
        return this;
    }

    /** Six people join (those refused, for a workshop not yet started, are left out). */
    ConsoleRoom join() {
        var participants = spring.getBean(ParticipantService.class);
        String[] names = {"Ann", "Bo", "Chidi", "Dafydd", "Ewa", "Farah"};
        Level[] levels = {Level.MANAGER, Level.PRACTITIONER, Level.STRATEGIC_LEADER};
        for (int i = 0; i < names.length; i++) {
            var joined = participants.join(workshop.joinCode(), agencies.get(i % agencies.size()), levels[i % 3], names[i],
                    TestWorld.unique("phone"));
            if (joined.joined()) {
                tokens.add(joined.token());
            }
        }
        return this;
    }

    /** Five framing sentences wait for the facilitator, the long one first. */
    ConsoleRoom frame() {
        var inputs = spring.getBean(InputService.class);
        for (int i = 0; i < WORDS.size(); i++) {
            inputs.frame(tokens.get(i), 0, 20 * i, WORDS.get(i));
        }
        return this;
    }
}
