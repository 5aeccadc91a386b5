package org.hymnsheet.workshops;

import java.util.Set;
import org.hymnsheet.accounts.TestWorld;
import org.springframework.context.ApplicationContext;

/** Workshop things of partnership P for the access matrix to aim at, made by P's own facilitator. */
public final class WorkshopTargets {
    private final ApplicationContext context;
    private final TestWorld world;
    private final long partnership;

    public WorkshopTargets(ApplicationContext context, TestWorld world, long partnership) {
        this.context = context;
        this.world = world;
        this.partnership = partnership;
    }

    /** A live workshop of P whose room has reached every stage. */
    public WorkshopFixture live() {
        var f = new WorkshopFixture(context, world, partnership);
        f.goTo(WorkshopFixture.MAPPING);
        return f;
    }

    /** A live workshop of P on its first stage. */
    public long onFirstStage() {
        return new WorkshopFixture(context, world, partnership).workshop.id();
    }

    public long workshop() {
        return live().workshop.id();
    }

    public long card() {
        var f = live();
        return f.asFacilitator(() -> context.getBean(CardService.class).cards(f.workshop.id()).getFirst().id());
    }

    /** A participant's token in a live workshop of P that has reached every stage. */
    public String token() {
        var f = live();
        return f.join(f.police, Level.MANAGER, null);
    }

    public long agency() {
        return world.agency(partnership);
    }

    /** Moderation target: a workshop with one note waiting; returns the workshop id and the note's ref. */
    public Pending pending() {
        var f = live();
        String token = f.join(f.police, Level.MANAGER, null);
        f.inputs().addNote(token, WorkshopFixture.MAPPING, "worried", "A note");
        String ref = f.asFacilitator(() -> context.getBean(WorkshopModerationService.class).pending(f.workshop.id())
                .getFirst().ref());
        return new Pending(f.workshop.id(), ref);
    }

    public record Pending(long workshopId, String ref) {}

    /** A participant's token and an approved need on a revealed needs stage, ready for dots. */
    public Dots dots() {
        var f = live();
        String author = f.join(f.police, Level.MANAGER, null);
        long need = f.inputs().addNeed(author, WorkshopFixture.NEEDS, "Chairing that invites challenge", null, "chairing");
        f.asFacilitator(() -> {
            var moderation = context.getBean(WorkshopModerationService.class);
            var shown = moderation.pending(f.workshop.id()).getFirst();
            moderation.moderate(f.workshop.id(), shown.kind(), shown.ref(), true);
            return f.workshops().reveal(f.workshop.id(), WorkshopFixture.NEEDS);
        });
        return new Dots(f.join(f.health, Level.PRACTITIONER, null), need);
    }

    public record Dots(String token, long needId) {}

    public static Set<String> contexts() {
        return Set.of("peers");
    }
}
