package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.db.Tables.CARD_CONTEXT;
import static org.hymnsheet.db.Tables.CARD_PLACEMENT;
import static org.hymnsheet.db.Tables.FRAMING_INPUT;
import static org.hymnsheet.db.Tables.INFLUENCE_VOTE;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.testing.Blns;
import org.hymnsheet.workshops.Card;
import org.hymnsheet.workshops.InputService;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.ParticipantService;
import org.hymnsheet.workshops.PendingText;
import org.hymnsheet.workshops.RosterEntry;
import org.hymnsheet.workshops.Workshop;
import org.hymnsheet.workshops.WorkshopModerationService;
import org.hymnsheet.workshops.WorkshopService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A participant's phone (320 px wide) in a live hymn sheet workshop, set up through the services as a
 * facilitator would: join by code after a wrong one, stay the same participant across reloads (even without the
 * server session), frame the problem, follow the facilitator to the next stages without reloading, pick
 * influential agencies, place a card, see the room's hostile text only as text, and get a thank-you at the end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-participant-phone;DB_CLOSE_DELAY=-1")
class ParticipantPhoneTest extends BrowserTestSupport {
    static final String SCRIPT = "<script>alert(123)</script>";
    static final String IMG = "<img src=x onerror=alert(123) />";

    @Autowired
    ApplicationContext spring;
    @Autowired
    WorkshopService workshops;
    @Autowired
    WorkshopModerationService moderation;
    @Autowired
    ParticipantService participants;
    @Autowired
    InputService inputs;
    @Autowired
    DSLContext db;

    TestWorld.Persona facilitator;
    long partnership;
    String police;
    String health;
    String education;
    long healthId;
    Workshop workshop;

    @BeforeEach
    void liveWorkshop() {
        TestWorld world = new TestWorld(spring);
        partnership = world.partnership();
        police = TestWorld.unique("Police");
        health = TestWorld.unique("Health");
        education = TestWorld.unique("Education");
        world.agency(partnership, police);
        healthId = world.agency(partnership, health);
        world.agency(partnership, education);
        facilitator = world.account(partnership, Role.FACILITATOR);
        workshop = asFacilitator(() -> {
            Workshop draft = workshops.create(partnership, "hymn-sheet", TestWorld.unique("Hymn sheet"));
            return workshops.start(draft.id());
        });
        page.setViewportSize(320, 720);
    }

    @Test
    void a_participant_joins_by_code_stays_the_same_and_answers_each_stage_as_the_facilitator_moves_on() {
        assertThat(Blns.strings()).contains(SCRIPT, IMG);
        List<String> dialogs = new CopyOnWriteArrayList<>();
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });

        // a wrong code first, then the right one typed loosely
        open(page, "/join");
        assertThat(heading(page)).hasText("Join the workshop");
        assertAccessible(page, "the join page");
        page.locator("#join-code input").fill("WRONG9");
        page.locator("#join-code-go").click();
        assertThat(page.locator("#join-code")).containsText("No workshop has that code");
        page.locator("#join-code input").fill(workshop.joinCode().toLowerCase());
        page.locator("#join-code-go").click();
        assertThat(heading(page)).hasText(workshop.title());
        choose(page, "join-agency", police);
        page.locator("#join-level").getByText("Manager").click();
        page.locator("#join-first-name input").fill("Sam");
        page.locator("#join-go").click();

        String code = workshop.joinCode();
        assertThat(page).hasURL(at("/w/" + code));
        assertThat(page.locator("#stage-title")).hasText("Partners and framing");
        Cookie cookie = context.cookies().stream().filter(c -> c.name.equals("hs-w-" + code)).findFirst().orElseThrow();
        assertThat(cookie.httpOnly).isTrue();
        assertThat(cookie.sameSite).isEqualTo(SameSiteAttribute.LAX);
        assertThat(cookie.path).isEqualTo("/w/" + code);
        List<RosterEntry> roster = roster();
        assertThat(roster).hasSize(1);
        assertThat(roster.getFirst().level()).isEqualTo(Level.MANAGER);
        assertThat(roster.getFirst().agencyName()).isEqualTo(police);
        assertThat(roster.getFirst().firstName()).isEqualTo("Sam");
        long me = roster.getFirst().participantId();

        // a reload, and a reload after the server session is gone (a phone locked for long): the same person
        page.reload();
        assertThat(page.locator("#stage-title")).hasText("Partners and framing");
        context.clearCookies(new BrowserContext.ClearCookiesOptions().setName("JSESSIONID"));
        page.reload();
        assertThat(page.locator("#stage-title")).hasText("Partners and framing");
        assertThat(roster()).extracting(RosterEntry::participantId).containsExactly(me);

        // framing: slider and a hostile sentence, stored exactly
        assertAccessible(page, "the framing stage");
        page.locator("#framing-value").fill("23");
        page.locator("#framing-sentence textarea").fill(SCRIPT);
        page.locator("#framing-save").click();
        assertThat(page.locator("#saved")).hasText("Saved \u2014 you can change it until the facilitator moves on");
        var framing = db.selectFrom(FRAMING_INPUT).where(FRAMING_INPUT.PARTICIPANT_ID.eq(me)).fetchOne();
        assertThat(framing).isNotNull();
        assertThat(framing.getPosition()).isEqualTo((short) 23);
        assertThat(framing.getSentence()).isEqualTo(SCRIPT);
        assertThat(page.locator("#my-inputs .my-input")).hasText("23 out of 100: " + SCRIPT);

        // someone else's hostile sentence, approved and revealed, reaches the phone as text
        String other = participants.join(code, healthId, Level.PRACTITIONER, null, TestWorld.unique("device")).token();
        inputs.frame(other, 0, 80, IMG);
        asFacilitator(() -> {
            for (PendingText t : moderation.pending(workshop.id())) {
                moderation.moderate(workshop.id(), t.kind(), t.ref(), true);
            }
            return workshops.reveal(workshop.id(), 0);
        });
        assertThat(page.locator("#room-inputs .room-input")).hasText("80 out of 100: " + IMG);
        assertThat(page.locator("#room-inputs img")).hasCount(0);

        // the facilitator moves on; the phone follows without a reload
        page.evaluate("window.__samePage = true");
        asFacilitator(() -> workshops.advance(workshop.id()));
        assertThat(page.locator("#stage-title")).hasText("Influence and voice");
        assertThat(page.evaluate("window.__samePage === true")).isEqualTo(true);
        Locator influence = page.locator("#influence");
        influence.getByText(health).click();
        influence.getByText(education).click();
        page.locator("#influence-save").click();
        assertThat(page.locator("#saved")).containsText("Saved");
        assertThat(db.select(INFLUENCE_VOTE.VOTED_AGENCY_ID).from(INFLUENCE_VOTE)
                .where(INFLUENCE_VOTE.PARTICIPANT_ID.eq(me)).fetchSet(INFLUENCE_VOTE.VOTED_AGENCY_ID))
                .isEqualTo(Set.of(healthId, agencyId(education)));

        // card sort: one card placed and tagged
        asFacilitator(() -> workshops.advance(workshop.id()));
        assertThat(page.locator("#stage-title")).hasText("Behaviour-based or ecological?");
        Card card = participants.cards(other).getFirst();
        page.locator("#card-" + card.id() + "-value").fill("85");
        page.locator("#card-" + card.id() + "-contexts").getByText("Peers").click();
        page.locator("#card-" + card.id() + "-save").click();
        assertThat(page.locator("#saved")).containsText("Saved");
        var placement = db.selectFrom(CARD_PLACEMENT).where(CARD_PLACEMENT.PARTICIPANT_ID.eq(me)).fetch();
        assertThat(placement).hasSize(1);
        assertThat(placement.getFirst().getCardId()).isEqualTo(card.id());
        assertThat(placement.getFirst().getPosition()).isEqualTo((short) 85);
        assertThat(db.select(CARD_CONTEXT.CONTEXT_ID).from(CARD_CONTEXT).where(CARD_CONTEXT.PARTICIPANT_ID.eq(me))
                .fetch(CARD_CONTEXT.CONTEXT_ID)).containsExactly("peers");

        // the end
        asFacilitator(() -> workshops.end(workshop.id()));
        assertThat(page.locator("#thanks")).hasText("Thank you");
        assertThat(page.locator("#stage-input")).hasCount(0);
        assertThat(dialogs).isEmpty();
        screenshot(page, "ended");
    }

    @Test
    void the_qr_address_skips_typing_and_an_unknown_device_is_sent_to_join() {
        open(page, "/w/" + workshop.joinCode());
        assertThat(page).hasURL(at("/join/" + workshop.joinCode()));
        assertThat(heading(page)).hasText(workshop.title());
        assertThat(page.locator("#join-agency")).isVisible();
        asFacilitator(() -> workshops.end(workshop.id()));
        open(page, "/join/" + workshop.joinCode());
        assertThat(page.locator("#join-code")).containsText("This workshop has ended.");
    }

    @Test
    void after_a_reveal_a_phone_keeps_up_with_the_room_without_a_reload_and_keeps_an_unsaved_choice() {
        joinOn(page, police);
        BrowserContext other = browser.newContext();
        try {
            Page phoneB = other.newPage();
            phoneB.setViewportSize(320, 720);
            joinOn(phoneB, health);
            page.evaluate("window.__samePage = true");

            // framing, revealed: a position saved afterwards by someone else appears on this phone by itself
            asFacilitator(() -> workshops.reveal(workshop.id(), 0));
            assertThat(page.locator("#room-inputs")).containsText("Nobody else");
            phoneB.locator("#framing-value").fill("70");
            phoneB.locator("#framing-save").click();
            assertThat(phoneB.locator("#saved")).containsText("Saved");
            assertThat(page.locator("#room-inputs .room-input")).hasText("70 out of 100");
            assertThat(page.getByText("Nobody else has answered yet.")).isHidden();

            // needs, revealed before the facilitator approved anything: approved needs reach the dot voting by push
            for (int i = 0; i < 4; i++) {
                asFacilitator(() -> workshops.advance(workshop.id()));
            }
            assertThat(page.locator("#stage-title")).hasText("What we need");
            asFacilitator(() -> workshops.reveal(workshop.id(), 4));
            addNeed(phoneB, "Commissioners who fund youth work in the park", "Commissioners");
            long first = approveOnly("Commissioners who fund youth work in the park");
            assertThat(page.locator("#dots-" + first)).isVisible();
            choose(page, "dots-" + first, "2"); // chosen, not saved yet
            page.evaluate("id => document.getElementById(id).__kept = true", "dots-" + first);
            addNeed(phoneB, "A chair who keeps the focus on places", "Funders");
            long second = approveOnly("A chair who keeps the focus on places");
            assertThat(page.locator("#dots-" + second)).isVisible();
            assertThat(page.locator("#dots-" + first + " vaadin-select-value-button")).hasText("2");
            assertThat(page.evaluate("id => document.getElementById(id).__kept === true", "dots-" + first))
                    .as("the first need's choice was left alone, not drawn again").isEqualTo(true);
            page.locator("#dots-" + first + "-save").click();
            assertThat(page.locator("#saved")).containsText("Saved");
            assertThat(page.evaluate("window.__samePage === true")).as("the phone never reloaded").isEqualTo(true);
        } finally {
            other.close();
        }
    }

    @Test
    void after_a_reveal_the_anonymous_pulse_shows_the_phone_only_totals_and_comments_never_anyones_answer() {
        joinOn(page, police);
        String code = workshop.joinCode();
        String bea = participants.join(code, healthId, Level.MANAGER, null, TestWorld.unique("device")).token();
        String cai = participants.join(code, healthId, Level.STRATEGIC_LEADER, null, TestWorld.unique("device")).token();
        for (int i = 0; i < 3; i++) {
            asFacilitator(() -> workshops.advance(workshop.id()));
        }
        assertThat(page.locator("#stage-title")).hasText("Space for critical reflection");
        inputs.pulse(bea, 3, "critical-reflection", 2, "Zebra: we rush every agenda");
        inputs.pulse(cai, 3, "critical-reflection", 2, "Apple: the chair asks what we do not know");
        page.locator("#pulse-critical-reflection").locator("vaadin-radio-button").nth(4).click();
        page.locator("#pulse-save").click();
        assertThat(page.locator("#saved")).containsText("Saved");
        asFacilitator(() -> {
            moderation.pending(workshop.id()).forEach(t -> moderation.moderate(workshop.id(), t.kind(), t.ref(), true));
            return workshops.reveal(workshop.id(), 3);
        });
        Locator room = page.locator("#room-inputs .room-input");
        assertThat(room).hasText(new String[] {
                "Is there space for critical reflection in our meetings?: 3 answered (1 Never: 0 · 2 Rarely: 2 · "
                        + "3 Sometimes: 0 · 4 Often: 0 · 5 Always: 1)",
                "On \u201cIs there space for critical reflection in our meetings?\u201d: Apple: the chair asks what we do not know",
                "On \u201cIs there space for critical reflection in our meetings?\u201d: Zebra: we rush every agenda"});
        assertThat(page.locator("#room-inputs")).not().containsText("out of 5");
        assertThat(page.locator("#room-inputs")).not().containsText(health);
        assertThat(page.locator("#my-inputs .my-input"))
                .hasText("Is there space for critical reflection in our meetings?: 5 out of 5");
    }

    private void joinOn(Page phone, String agency) {
        open(phone, "/join/" + workshop.joinCode());
        choose(phone, "join-agency", agency);
        phone.locator("#join-level").getByText("Practitioner").click();
        phone.locator("#join-go").click();
        assertThat(phone.locator("#stage-title")).hasText("Partners and framing");
    }

    private void addNeed(Page phone, String text, String category) {
        phone.locator("#need-text textarea").fill(text);
        choose(phone, "need-category", category);
        phone.locator("#need-add").click();
        assertThat(phone.locator("#my-inputs")).containsText(text);
    }

    /** Approves the waiting need with this text and returns its id. */
    private long approveOnly(String text) {
        return asFacilitator(() -> {
            PendingText need = moderation.pending(workshop.id()).stream().filter(t -> t.text().equals(text))
                    .findFirst().orElseThrow();
            moderation.moderate(workshop.id(), need.kind(), need.ref(), true);
            return Long.parseLong(need.ref().substring(0, need.ref().indexOf('@')));
        });
    }

    private long agencyId(String name) {
        return db.select(org.hymnsheet.db.Tables.AGENCY.ID).from(org.hymnsheet.db.Tables.AGENCY)
                .where(org.hymnsheet.db.Tables.AGENCY.NAME.eq(name)).fetchSingle().value1();
    }

    private List<RosterEntry> roster() {
        return asFacilitator(() -> workshops.roster(workshop.id()));
    }

    private <T> T asFacilitator(Supplier<T> action) {
        try {
            TestWorld.as(facilitator);
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

}
