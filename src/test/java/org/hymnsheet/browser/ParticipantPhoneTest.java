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
import org.hymnsheet.templates.Stage;
import org.hymnsheet.templates.TemplateCatalog;
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
 * A participant's phone (390 × 844) in a hymn sheet workshop, set up through the services as a facilitator would:
 * join by code after a wrong one before the facilitator starts, wait on "you're in", follow the start and every move
 * by push without reloading, stay the same participant across reloads (even without the server session), answer each
 * stage, see the room's hostile text only as text, and get a thank-you at the end. On every screen the layout rule
 * holds ({@link PhoneLayout}: nothing scrolls sideways, no question is cut). What needs no browser (the card sort's
 * steps and saved state, dots left, one save) is in {@code workshops.ui.ParticipantViewTest}.
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
    TemplateCatalog catalog;
    @Autowired
    DSLContext db;

    TestWorld.Persona facilitator;
    long partnership;
    String police;
    String health;
    String education;
    long healthId;
    Workshop workshop;

    /** A workshop not started yet: people may join it and wait. */
    @BeforeEach
    void draftWorkshop() {
        TestWorld world = new TestWorld(spring);
        partnership = world.partnership();
        police = TestWorld.unique("Riverside Children's Services and Early Help");
        health = TestWorld.unique("Health");
        education = TestWorld.unique("Education");
        world.agency(partnership, police);
        healthId = world.agency(partnership, health);
        world.agency(partnership, education);
        facilitator = world.account(partnership, Role.FACILITATOR);
        workshop = asFacilitator(() -> workshops.create(partnership, "hymn-sheet", TestWorld.unique("Hymn sheet")));
        page.setViewportSize(390, 844);
    }

    private void start() {
        asFacilitator(() -> workshops.start(workshop.id()));
    }

    @Test
    void a_participant_joins_before_the_start_waits_and_answers_each_stage_as_the_facilitator_moves_on() {
        assertThat(Blns.strings()).contains(SCRIPT, IMG);
        List<String> dialogs = new CopyOnWriteArrayList<>();
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
        List<Stage> stages = catalog.workshop("hymn-sheet").orElseThrow().stages();

        // a wrong code first, then the right one typed loosely, before the facilitator starts
        open(page, "/join");
        assertThat(heading(page)).hasText("Join the workshop");
        page.locator("#join-code input").fill("WRONG9");
        page.locator("#join-code-go").click();
        assertThat(page.locator("#join-code")).containsText("No workshop has that code");
        page.locator("#join-code input").fill(workshop.joinCode().toLowerCase());
        page.locator("#join-code-go").click();
        assertThat(heading(page)).hasText(workshop.title());
        // the next step is the QR code's own page (decision 0035: /join itself stays light)
        assertThat(page).hasURL(at("/join/" + workshop.joinCode()));
        PhoneLayout.assertWhole(page, "the join page");
        choose(page, "join-agency", police);
        page.locator("#join-level").getByText("Manager").click();
        page.locator("#join-first-name input").fill("Sam");
        page.locator("#join-go").click();

        String code = workshop.joinCode();
        assertThat(page).hasURL(at("/w/" + code));
        assertThat(page.locator("#you-are-in")).hasText("You're in");
        assertThat(page.locator("#joined-as")).hasText("You joined as " + police + ", Manager");
        PhoneLayout.assertWhole(page, "you're in");
        assertAccessible(page, "the you're-in screen");
        Cookie cookie = context.cookies().stream().filter(c -> c.name.equals("hs-w-" + code)).findFirst().orElseThrow();
        assertThat(cookie.httpOnly).isTrue();
        assertThat(cookie.sameSite).isEqualTo(SameSiteAttribute.LAX);
        assertThat(cookie.path).isEqualTo("/w/" + code);
        List<RosterEntry> roster = roster();
        assertThat(roster).extracting(RosterEntry::agencyName, RosterEntry::level, RosterEntry::firstName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(police, Level.MANAGER, "Sam"));
        long me = roster.getFirst().participantId();

        // the facilitator starts: the waiting phone moves to the first stage by itself
        page.evaluate("window.__samePage = true");
        start();
        assertThat(page.locator("#stage-title")).hasText("Partners and framing");
        assertThat(page.evaluate("window.__samePage === true")).isEqualTo(true);

        // a reload, and a reload after the server session is gone (a phone locked for long): the same person
        page.reload();
        assertThat(page.locator("#stage-title")).hasText("Partners and framing");
        context.clearCookies(new BrowserContext.ClearCookiesOptions().setName("JSESSIONID"));
        page.reload();
        assertThat(page.locator("#stage-title")).hasText("Partners and framing");
        assertThat(roster()).extracting(RosterEntry::participantId).containsExactly(me);
        page.evaluate("window.__samePage = true"); // from here on the phone follows the room without a reload

        // framing: the longest question of the template, whole; slider and a hostile sentence, stored exactly
        assertThat(PhoneLayout.assertWhole(page, "the framing stage")).containsAll(PhoneLayout.questions(stages.get(0)));
        page.locator("#framing-value").fill("23");
        page.locator("#framing-sentence textarea").fill(SCRIPT);
        page.locator("#framing-save").click();
        assertThat(page.locator("#framing-save + #saved")).hasText("Saved \u2014 you can change it until the facilitator moves on");
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
        asFacilitator(() -> workshops.advance(workshop.id()));
        assertThat(page.locator("#stage-title")).hasText("Influence and voice");
        assertThat(PhoneLayout.assertWhole(page, "the voice stage")).containsAll(PhoneLayout.questions(stages.get(1)));
        Locator influence = page.locator("#influence");
        influence.getByText(health).click();
        influence.getByText(education).click();
        page.locator("#influence-save").click();
        assertThat(page.locator("#saved")).containsText("Saved");
        assertThat(db.select(INFLUENCE_VOTE.VOTED_AGENCY_ID).from(INFLUENCE_VOTE)
                .where(INFLUENCE_VOTE.PARTICIPANT_ID.eq(me)).fetchSet(INFLUENCE_VOTE.VOTED_AGENCY_ID))
                .isEqualTo(Set.of(healthId, agencyId(education)));

        // card sort, one card at a time: the second card placed and tagged
        asFacilitator(() -> workshops.advance(workshop.id()));
        assertThat(page.locator("#stage-title")).hasText("Behaviour-based or ecological?");
        Card card = participants.cards(other).get(1);
        page.locator("#card-next").click();
        assertThat(page.locator("#card-count")).hasText("Card 2 of 5 \u00b7 0 saved");
        assertThat(PhoneLayout.assertWhole(page, "the card sort")).containsAll(PhoneLayout.questions(stages.get(2)));
        assertAccessible(page, "the card sort");
        page.locator("#card-" + card.id() + "-value").fill("85");
        page.locator("#card-" + card.id() + "-contexts").getByText("Peers").click();
        assertThat(page.locator("#card-" + card.id() + "-state")).hasText("Not saved yet");
        page.locator("#card-" + card.id() + "-save").click();
        assertThat(page.locator("#card-" + card.id() + "-state")).hasText("Saved");
        var placement = db.selectFrom(CARD_PLACEMENT).where(CARD_PLACEMENT.PARTICIPANT_ID.eq(me)).fetch();
        assertThat(placement).hasSize(1);
        assertThat(placement.getFirst().getCardId()).isEqualTo(card.id());
        assertThat(placement.getFirst().getPosition()).isEqualTo((short) 85);
        assertThat(db.select(CARD_CONTEXT.CONTEXT_ID).from(CARD_CONTEXT).where(CARD_CONTEXT.PARTICIPANT_ID.eq(me))
                .fetch(CARD_CONTEXT.CONTEXT_ID)).containsExactly("peers");

        // pulse: both questions whole, one save
        asFacilitator(() -> workshops.advance(workshop.id()));
        assertThat(page.locator("#stage-title")).hasText("Space for critical reflection");
        assertThat(PhoneLayout.assertWhole(page, "the pulse")).containsAll(PhoneLayout.questions(stages.get(3)));

        // needs: a need approved and revealed, dots on it
        asFacilitator(() -> workshops.advance(workshop.id()));
        assertThat(page.locator("#stage-title")).hasText("What we need");
        asFacilitator(() -> workshops.reveal(workshop.id(), 4));
        long need = inputs.addNeed(other, 4, "Commissioners who fund detached youth work in the park and on the estate",
                null, "commissioners");
        approveOnly("Commissioners who fund detached youth work in the park and on the estate");
        assertThat(page.locator("#dots-" + need)).isVisible(); // approved and revealed: it reaches the phone by itself
        assertThat(page.locator("#dots-left")).hasText("3 of 3 dots left");
        assertThat(PhoneLayout.assertWhole(page, "the needs stage")).contains(
                "Commissioners who fund detached youth work in the park and on the estate");
        assertAccessible(page, "the needs stage with dots");
        choose(page, "dots-" + need, "2 dots");
        assertThat(page.locator("#dots-left")).hasText("1 of 3 dots left");
        page.locator("#dots-save").click();
        assertThat(page.locator("#dots-state")).hasText("Saved");

        // the end
        asFacilitator(() -> workshops.end(workshop.id()));
        assertThat(page.locator("#thanks")).hasText("Thank you");
        assertThat(page.locator("#stage-input")).hasCount(0);
        assertThat(page.evaluate("window.__samePage === true")).as("the phone followed every stage without a reload").isEqualTo(true);
        assertThat(dialogs).isEmpty();
    }

    /**
     * The join page is built with its HTML, so a phone can be tapped before its scripts have settled: a list opened
     * then stays open, because the page is never taken out of the document (the client router used to append it to
     * its outlet again when it settled, about a second after the page showed, which closed the list).
     */
    @Test
    void a_list_opened_before_the_page_has_settled_stays_open() {
        page.addInitScript("""
                window.__detached = [];
                window.__settled = false;
                new MutationObserver(changes => changes.forEach(c => c.removedNodes.forEach(n => {
                  if (n.tagName?.startsWith('FLOW-CONTAINER')) window.__detached.push(c.target.id || c.target.tagName);
                }))).observe(document, {childList: true, subtree: true});
                window.addEventListener('vaadin-router-location-changed', () => window.__settled = true);
                """);
        open(page, "/join/" + workshop.joinCode());
        page.locator("#join-agency").click();
        Locator police = page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(this.police));
        assertThat(police).isVisible();
        page.waitForFunction("() => window.__settled");
        assertThat(page.evaluate("() => window.__detached.join()")).as("the page was taken out of the document").isEqualTo("");
        police.click();
        assertThat(page.locator("#join-agency vaadin-select-value-button")).containsText(this.police);
    }

    @Test
    void the_qr_address_skips_typing_and_an_unknown_device_is_sent_to_join() {
        start();
        // sent on by the server before any page is built: the address reads /join/<code> and stays so once the
        // page's scripts have started (a forward inside the page was set back to /w/<code> by the client router)
        com.microsoft.playwright.Response first = page.navigate(url("/w/" + workshop.joinCode()));
        assertThat(first.request().redirectedFrom()).as("the QR address answers with a redirect").isNotNull();
        assertThat(first.request().redirectedFrom().url()).endsWith("/w/" + workshop.joinCode());
        assertThat(page).hasURL(at("/join/" + workshop.joinCode()));
        assertThat(heading(page)).hasText(workshop.title());
        assertThat(page.locator("#join-agency")).isVisible();
        page.locator("#join-first-name input").fill("Sam");
        assertThat(page.locator("#join-first-name input")).hasValue("Sam");
        assertThat(page.url()).isEqualTo(url("/join/" + workshop.joinCode()));
        asFacilitator(() -> workshops.end(workshop.id()));
        open(page, "/join/" + workshop.joinCode());
        assertThat(page.locator("#join-code")).containsText("This workshop has ended.");
    }

    @Test
    void after_a_reveal_a_phone_keeps_up_with_the_room_without_a_reload_and_keeps_an_unsaved_choice() {
        start();
        joinOn(page, police);
        BrowserContext other = browser.newContext();
        try {
            Page phoneB = other.newPage();
            phoneB.setViewportSize(390, 844);
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
            choose(page, "dots-" + first, "2 dots"); // chosen, not saved yet
            page.evaluate("id => document.getElementById(id).__kept = true", "dots-" + first);
            addNeed(phoneB, "A chair who keeps the focus on places", "Funders");
            long second = approveOnly("A chair who keeps the focus on places");
            assertThat(page.locator("#dots-" + second)).isVisible();
            assertThat(page.locator("#dots-" + first + " vaadin-select-value-button")).hasText("2 dots");
            assertThat(page.locator("#dots-left")).hasText("1 of 3 dots left");
            assertThat(page.evaluate("id => document.getElementById(id).__kept === true", "dots-" + first))
                    .as("the first need's choice was left alone, not drawn again").isEqualTo(true);
            page.locator("#dots-save").click();
            assertThat(page.locator("#dots-state")).hasText("Saved");
            assertThat(page.evaluate("window.__samePage === true")).as("the phone never reloaded").isEqualTo(true);
        } finally {
            other.close();
        }
    }

    @Test
    void after_a_reveal_the_anonymous_pulse_shows_the_phone_only_totals_and_comments_never_anyones_answer() {
        start();
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
