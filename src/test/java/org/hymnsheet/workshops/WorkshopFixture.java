package org.hymnsheet.workshops;

import static org.hymnsheet.templates.LocalizedText.english;

import java.util.List;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.templates.CardSortStage;
import org.hymnsheet.templates.FramingStage;
import org.hymnsheet.templates.MappingStage;
import org.hymnsheet.templates.NeedsStage;
import org.hymnsheet.templates.Option;
import org.hymnsheet.templates.PulseStage;
import org.hymnsheet.templates.VoiceStage;
import org.hymnsheet.templates.WorkshopTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A partnership with three agencies, its facilitator, and a live hymn sheet workshop built from a template
 * written in Java (one stage of each kind). Leaves the caller signed in as they were.
 */
public final class WorkshopFixture {
    public static final int FRAMING = 0;
    public static final int VOICE = 1;
    public static final int CARDS = 2;
    public static final int PULSE = 3;
    public static final int NEEDS = 4;
    public static final int MAPPING = 5;

    public final TestWorld world;
    public final long partnership;
    public final long police;
    public final long health;
    public final long education;
    public final TestWorld.Persona facilitator;
    public final Workshop workshop;
    private final ApplicationContext context;

    public WorkshopFixture(ApplicationContext context) {
        this(context, new TestWorld(context), null);
    }

    public WorkshopFixture(ApplicationContext context, TestWorld world, Long partnershipId) {
        this.context = context;
        this.world = world;
        this.partnership = partnershipId == null ? world.partnership() : partnershipId;
        this.police = world.agency(partnership, TestWorld.unique("Police"));
        this.health = world.agency(partnership, TestWorld.unique("Health"));
        this.education = world.agency(partnership, TestWorld.unique("Education"));
        this.facilitator = world.account(partnership, Role.FACILITATOR);
        this.workshop = asFacilitator(() -> {
            var service = context.getBean(WorkshopService.class);
            Workshop draft = service.createFrom(partnership, hymnSheet(), TestWorld.unique("Hymn sheet"));
            return service.start(draft.id());
        });
    }

    public static WorkshopTemplate hymnSheet() {
        var contexts = List.of(new Option("individual", english("Individual")), new Option("peers", english("Peers")),
                new Option("neighbourhood", english("Neighbourhood")));
        return new WorkshopTemplate("hymn-sheet", "workshops/hymn-sheet.yaml", english("Singing from the same hymn sheet"),
                english("A workshop"), List.of(
                new FramingStage("framing", english("Partners and framing"), english("How do you see it?"), 10,
                        english("Mostly the environment"), english("Mostly wrong choices"), english("In a sentence")),
                new VoiceStage("voice", english("Influence and voice"), english("Who decides?"), 15,
                        english("Who has most influence?"), 2),
                new CardSortStage("cards", english("Behaviour-based or ecological"), english("Place each card"), 20,
                        english("Behaviour-based"), english("Ecological"), contexts,
                        List.of(english("Weapons awareness programme"), english("Youth workers on the street"))),
                new PulseStage("pulse", english("Critical reflection"), english("Be honest"), 5, List.of(
                        new PulseStage.PulseQuestion("space", english("Is there space for reflection?"),
                                List.of(english("1"), english("2"), english("3"), english("4"), english("5")), true))),
                new NeedsStage("needs", english("What we need"), english("What do we need?"), 15, List.of(
                        new Option("commissioners", english("Commissioners")), new Option("chairing", english("Chairing"))), 3),
                new MappingStage("mapping", english("Next steps"), english("What next?"), 10, List.of(
                        new Option("worried", english("Worried about")), new Option("working", english("Working well"))))));
    }

    public WorkshopService workshops() {
        return context.getBean(WorkshopService.class);
    }

    public ParticipantService participants() {
        return context.getBean(ParticipantService.class);
    }

    public InputService inputs() {
        return context.getBean(InputService.class);
    }

    /** A participant joined from their own device; returns their token. */
    public String join(long agencyId, Level level, String firstName) {
        var result = participants().join(workshop.joinCode(), agencyId, level, firstName, TestWorld.unique("device"));
        if (!result.joined()) {
            throw new IllegalStateException("Could not join: " + result.outcome());
        }
        return result.token();
    }

    /** Moves the room on to the stage at this position, as the facilitator. */
    public void goTo(int position) {
        asFacilitator(() -> {
            Workshop w = workshops().get(workshop.id());
            while (w.currentStage() < position) {
                w = workshops().advance(workshop.id());
            }
            return w;
        });
    }

    public <T> T asFacilitator(java.util.function.Supplier<T> action) {
        var caller = SecurityContextHolder.getContext().getAuthentication();
        try {
            TestWorld.as(facilitator);
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(caller);
        }
    }
}
