package org.hymnsheet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hymnsheet.db.Tables.AGENCY;
import static org.hymnsheet.db.Tables.CARD;
import static org.hymnsheet.db.Tables.CARD_CONTEXT;
import static org.hymnsheet.db.Tables.CARD_PLACEMENT;
import static org.hymnsheet.db.Tables.DOT_VOTE;
import static org.hymnsheet.db.Tables.FRAMING_INPUT;
import static org.hymnsheet.db.Tables.INFLUENCE_VOTE;
import static org.hymnsheet.db.Tables.NEED;
import static org.hymnsheet.db.Tables.PARTICIPANT;
import static org.hymnsheet.db.Tables.PULSE_ANSWER;
import static org.hymnsheet.db.Tables.SPEAKING_TURN;
import static org.hymnsheet.db.Tables.WORKSHOP_STAGE;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.hymnsheet.accounts.Sector;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.RosterEntry;
import org.hymnsheet.workshops.WorkshopService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The whole hymn sheet workshop as a room lives it: a facilitator on the console and six participants on their
 * own phones, from six agencies of different sectors and at all three levels, go through all five stages. The
 * phones follow the facilitator without reloading, and at the end the database holds exactly what each
 * participant entered, under the right agency and level, and a speaking turn for each agency the facilitator
 * tapped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-workshop-journey;DB_CLOSE_DELAY=-1")
class HymnSheetWorkshopJourneyTest extends BrowserTestSupport {
    static final String SAVED = "Saved \u2014 you can change it until the facilitator moves on";
    static final List<String> STAGES = List.of("Partners and framing", "Influence and voice",
            "Behaviour-based or ecological?", "Space for critical reflection", "What we need");
    static final List<String> CONTEXT_IDS = List.of("individual", "family", "peers", "school",
            "neighbourhood-or-public-space", "online");
    static final List<String> CONTEXT_LABELS = List.of("Individual", "Family", "Peers", "School",
            "Neighbourhood or public space", "Online");
    static final List<String> LEVEL_LABELS = List.of("Practitioner", "Manager", "Strategic leader");

    /** One person in the room, with their phone and everything they will enter. */
    record Person(String agency, long agencyId, Level level, String firstName, int framing, String sentence,
                  List<Integer> influence, int pulseReflection, int pulseNotKnowing, int dots) {}

    @Autowired
    ApplicationContext spring;
    @Autowired
    WorkshopService workshops;
    @Autowired
    DSLContext db;

    TestWorld.Persona facilitator;
    final List<Person> people = new ArrayList<>();
    final List<BrowserContext> phoneContexts = new ArrayList<>();

    @BeforeEach
    void partnership() {
        TestWorld world = new TestWorld(spring);
        world.markInstalled();
        long partnership = world.partnership();
        facilitator = world.account(partnership, Role.FACILITATOR);
        Sector[] sectors = {Sector.POLICE, Sector.HEALTH, Sector.EDUCATION, Sector.CHILDRENS_SOCIAL_CARE,
                Sector.YOUTH_JUSTICE, Sector.HOUSING};
        String[] names = {"Police", "Health", "Education", "Children's social care", "Youth justice", "Housing"};
        String[] firstNames = {"Ann", "Bo", "Cai", "Dee", "Eli", "Fen"};
        String[] sentences = {
                "Mostly the places they spend time in, not the kids themselves.",
                "Both \u2014 but we keep treating it as individual choice.",
                "Schools exclude, then the street picks them up.",
                "Families under pressure; housing & money matter most.",
                "Choices happen in contexts: change the context.",
                "It's the estate's lack of safe spaces, honestly."};
        int[] framing = {8, 23, 41, 57, 74, 96};
        for (int i = 0; i < 6; i++) {
            String name = TestWorld.unique(names[i]);
            long id = world.agency(partnership, name);
            db.update(AGENCY).set(AGENCY.SECTOR, sectors[i].name()).where(AGENCY.ID.eq(id)).execute();
            people.add(new Person(name, id, Level.values()[i % 3], firstNames[i], framing[i], sentences[i],
                    List.of((i + 1) % 6, (i + 2) % 6, i % 2 == 0 ? (i + 4) % 6 : (i + 1) % 6).stream()
                            .distinct().toList(),
                    1 + i % 5, 5 - (i + 2) % 5, 1 + i % 3));
        }
    }

    @AfterEach
    void closePhones() {
        phoneContexts.forEach(BrowserContext::close);
        TestWorld.anonymous();
    }

    @Test
    void a_facilitator_and_six_phones_go_through_all_five_stages_and_the_database_holds_exactly_what_was_entered() {
        long began = System.nanoTime();
        Page console = page;

        // the facilitator creates the workshop from the template and starts it
        signInToHome(console, facilitator.email(), TestWorld.PASSWORD);
        open(console, "/workshops");
        choose(console, "workshop-template", "Singing from the same hymn sheet");
        // the template fills in its title first; only then is typing over it safe
        assertThat(console.locator("#workshop-title input")).hasValue("Singing from the same hymn sheet");
        String title = TestWorld.unique("Riverside hymn sheet");
        console.locator("#workshop-title input").fill(title);
        console.locator("#workshop-create").click();
        assertThat(heading(console)).hasText(title);
        assertThat(console).hasURL(Pattern.compile("/workshops/\\d+$")); // the address may lag the heading
        long workshopId = Long.parseLong(console.url().replaceAll("^.*/workshops/(\\d+).*$", "$1"));
        console.locator("#workshop-start").click();
        assertThat(console.locator("#workshop-status")).containsText("stage 1 of 5");
        String code = console.locator("#join-code").textContent().strip();

        // six phones join with the code shown on the console
        List<Page> phones = new ArrayList<>();
        for (Person p : people) {
            BrowserContext phoneContext = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(390, 844).setLocale("en-GB").setIsMobile(true).setHasTouch(true));
            phoneContext.setDefaultTimeout(20_000);
            phoneContexts.add(phoneContext);
            Page phone = phoneContext.newPage();
            open(phone, "/join/" + code);
            assertThat(heading(phone)).hasText(title);
            choose(phone, "join-agency", p.agency());
            phone.locator("#join-level").getByText(LEVEL_LABELS.get(p.level().ordinal()),
                    new Locator.GetByTextOptions().setExact(true)).click();
            phone.locator("#join-first-name input").fill(p.firstName());
            phone.locator("#join-go").click();
            assertThat(phone).hasURL(at("/w/" + code));
            assertThat(phone.locator("#stage-title")).hasText(STAGES.getFirst());
            phone.evaluate("window.__samePage = true");
            phones.add(phone);
        }
        assertThat(console.getByText("Who is here (6)")).isVisible();
        for (Person p : people) {
            assertThat(console.locator("#roster")).containsText(p.firstName());
        }

        // 1. framing: a position on the slider and a sentence each
        for (int i = 0; i < 6; i++) {
            Page phone = phones.get(i);
            Person p = people.get(i);
            phone.locator("#framing-value").fill(String.valueOf(p.framing()));
            phone.locator("#framing-sentence textarea").fill(p.sentence());
            phone.locator("#framing-save").click();
            assertThat(phone.locator("#saved")).hasText(SAVED);
            assertThat(phone.locator("#my-inputs .my-input")).hasText(p.framing() + " out of 100: " + p.sentence());
        }

        // 2. voice: influence picks on the phones, the speaking tracker on the console
        next(console, phones, 1);
        for (int i = 0; i < 6; i++) {
            Page phone = phones.get(i);
            Locator influence = phone.locator("#influence");
            for (int pick : people.get(i).influence()) {
                influence.getByText(people.get(pick).agency(), new Locator.GetByTextOptions().setExact(true)).click();
            }
            phone.locator("#influence-save").click();
            assertThat(phone.locator("#saved")).hasText(SAVED);
            assertThat(phone.locator("#my-inputs .my-input")).hasCount(people.get(i).influence().size());
        }
        Person firstSpeaker = people.get(0);
        Person secondSpeaker = people.get(3);
        Person thirdSpeaker = people.get(5);
        console.locator("#speak-" + firstSpeaker.agencyId()).click();
        assertThat(console.locator("#shares-agency")).containsText(firstSpeaker.agency());
        choose(console, "speaking-level", "Strategic leader");
        console.locator("#speak-" + secondSpeaker.agencyId()).click();
        assertThat(console.locator("#shares-agency")).containsText(secondSpeaker.agency());
        console.locator("#speak-" + thirdSpeaker.agencyId()).click();
        assertThat(console.locator("#shares-agency")).containsText(thirdSpeaker.agency());
        console.locator("#speaking-pause").click();

        // 3. card sort: each phone places two cards with its own positions and contexts
        next(console, phones, 2);
        List<Long> cards = db.select(CARD.ID).from(CARD).where(CARD.WORKSHOP_ID.eq(workshopId)).orderBy(CARD.ID)
                .fetch(CARD.ID);
        Map<Long, String> cardTexts = db.select(CARD.ID, CARD.TEXT).from(CARD).where(CARD.WORKSHOP_ID.eq(workshopId))
                .fetchMap(CARD.ID, CARD.TEXT);
        assertThat(cards).hasSize(5);
        List<String> placements = new ArrayList<>();
        List<String> contexts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Page phone = phones.get(i);
            for (int k = 0; k < 2; k++) {
                long card = cards.get((i + k * 2) % 5);
                int position = 3 + i * 15 + k * 7;
                Set<Integer> tags = new TreeSet<>(List.of((i + k) % 6, (i + 3 * k + 2) % 6));
                showCard(phone, card);
                phone.locator("#card-" + card + "-value").fill(String.valueOf(position));
                Locator group = phone.locator("#card-" + card + "-contexts");
                for (int t : tags) {
                    group.getByText(CONTEXT_LABELS.get(t), new Locator.GetByTextOptions().setExact(true)).click();
                }
                phone.locator("#card-" + card + "-save").click();
                assertThat(phone.locator("#card-" + card + "-state")).hasText("Saved");
                assertThat(phone.locator("#my-inputs")).containsText(cardTexts.get(card) + ": " + position + " out of 100");
                placements.add(people.get(i).agencyId() + " " + card + " " + position);
                for (int t : tags) {
                    contexts.add(people.get(i).agencyId() + " " + card + " " + CONTEXT_IDS.get(t));
                }
            }
        }

        // 4. pulse: two 1..5 answers each
        next(console, phones, 3);
        for (int i = 0; i < 6; i++) {
            Page phone = phones.get(i);
            Person p = people.get(i);
            pick(phone, "critical-reflection", p.pulseReflection());
            pick(phone, "ok-not-to-know", p.pulseNotKnowing());
            phone.locator("#pulse-save").click();
            assertThat(phone.locator("#saved")).hasText(SAVED);
            assertThat(phone.locator("#my-inputs")).containsText(
                    "Is there space for critical reflection in our meetings?: " + p.pulseReflection() + " out of 5");
            assertThat(phone.locator("#my-inputs")).containsText(
                    "Is it OK not to know the answer here?: " + p.pulseNotKnowing() + " out of 5");
        }

        // 5. needs: one phone adds a need; the facilitator approves it and reveals; every phone puts dots on it
        next(console, phones, 4);
        String needText = "A chair who keeps the focus on places, not only on young people";
        Page needPhone = phones.get(2);
        Person needOwner = people.get(4);
        needPhone.locator("#need-text textarea").fill(needText);
        choose(needPhone, "need-owner", needOwner.agency());
        choose(needPhone, "need-category", "Meeting chairing");
        needPhone.locator("#need-add").click();
        assertThat(needPhone.locator("#my-inputs")).containsText(needText);
        Locator pending = console.locator("#pending .pending-text").filter(new Locator.FilterOptions().setHasText(needText));
        pending.locator(".approve").click();
        assertThat(pending).hasCount(0);
        console.locator("#stage-reveal").click();
        assertThat(console.locator("#stage-list [aria-current=step]")).containsText("revealed");
        long needId = db.select(NEED.ID).from(NEED).where(NEED.TEXT.eq(needText)).fetchSingle(NEED.ID);
        for (int i = 0; i < 6; i++) {
            Page phone = phones.get(i);
            assertThat(phone.locator("#dots-" + needId)).isVisible(); // the phone picked up the reveal by itself
            int dots = people.get(i).dots();
            choose(phone, "dots-" + needId, dots == 1 ? "1 dot" : dots + " dots");
            phone.locator("#dots-save").click();
            assertThat(phone.locator("#dots-state")).hasText("Saved");
        }
        waitForRows(() -> db.fetchCount(DOT_VOTE, DOT_VOTE.NEED_ID.eq(needId)), 6);
        for (Page phone : phones) {
            assertThat(phone.evaluate("window.__samePage === true")).as("the phone never reloaded").isEqualTo(true);
        }
        screenshot(phones.get(2), "needs-phone");
        screenshot(console, "console");

        // ---- what is stored is exactly what was entered ----------------------------------------------------
        List<RosterEntry> roster = asFacilitator(() -> workshops.roster(workshopId));
        assertThat(roster).hasSize(6);
        Map<Long, RosterEntry> byAgency = roster.stream().collect(Collectors.toMap(RosterEntry::agencyId, r -> r));
        assertThat(db.select(PARTICIPANT.AGENCY_ID, PARTICIPANT.WORK_LEVEL, PARTICIPANT.FIRST_NAME).from(PARTICIPANT)
                .where(PARTICIPANT.WORKSHOP_ID.eq(workshopId))
                .fetch(r -> r.value1() + " " + r.value2() + " " + r.value3()))
                .containsExactlyInAnyOrderElementsOf(people.stream()
                        .map(p -> p.agencyId() + " " + p.level() + " " + p.firstName()).toList());
        List<Long> stageIds = db.select(WORKSHOP_STAGE.ID).from(WORKSHOP_STAGE)
                .where(WORKSHOP_STAGE.WORKSHOP_ID.eq(workshopId)).orderBy(WORKSHOP_STAGE.POSITION).fetch(WORKSHOP_STAGE.ID);
        assertThat(stageIds).hasSize(5);

        // every row names the participant, and carries that participant's own agency and level
        assertThat(db.select(FRAMING_INPUT.PARTICIPANT_ID, FRAMING_INPUT.STAGE_ID, FRAMING_INPUT.AGENCY_ID,
                        FRAMING_INPUT.WORK_LEVEL, FRAMING_INPUT.POSITION, FRAMING_INPUT.SENTENCE)
                .from(FRAMING_INPUT).where(FRAMING_INPUT.STAGE_ID.in(stageIds))
                .fetch(r -> r.value1() + "|" + r.value2() + "|" + r.value3() + "|" + r.value4() + "|" + r.value5()
                        + "|" + r.value6()))
                .containsExactlyInAnyOrderElementsOf(people.stream().map(p -> who(byAgency, p) + "|" + stageIds.get(0)
                        + "|" + p.agencyId() + "|" + p.level() + "|" + p.framing() + "|" + p.sentence()).toList());

        assertThat(db.select(INFLUENCE_VOTE.PARTICIPANT_ID, INFLUENCE_VOTE.STAGE_ID, INFLUENCE_VOTE.AGENCY_ID,
                        INFLUENCE_VOTE.WORK_LEVEL, INFLUENCE_VOTE.VOTED_AGENCY_ID)
                .from(INFLUENCE_VOTE).where(INFLUENCE_VOTE.STAGE_ID.in(stageIds))
                .fetch(r -> r.value1() + "|" + r.value2() + "|" + r.value3() + "|" + r.value4() + "|" + r.value5()))
                .containsExactlyInAnyOrderElementsOf(people.stream().flatMap(p -> p.influence().stream()
                        .map(v -> who(byAgency, p) + "|" + stageIds.get(1) + "|" + p.agencyId() + "|" + p.level()
                                + "|" + people.get(v).agencyId())).toList());

        assertThat(db.select(CARD_PLACEMENT.PARTICIPANT_ID, CARD_PLACEMENT.STAGE_ID, CARD_PLACEMENT.AGENCY_ID,
                        CARD_PLACEMENT.WORK_LEVEL, CARD_PLACEMENT.CARD_ID, CARD_PLACEMENT.POSITION)
                .from(CARD_PLACEMENT).where(CARD_PLACEMENT.STAGE_ID.in(stageIds))
                .fetch(r -> r.value1() + "|" + r.value2() + "|" + r.value3() + "|" + r.value4() + "|" + r.value5()
                        + "|" + r.value6()))
                .containsExactlyInAnyOrderElementsOf(placements.stream().map(s -> {
                    String[] f = s.split(" ");
                    Person p = byAgencyId(Long.parseLong(f[0]));
                    return who(byAgency, p) + "|" + stageIds.get(2) + "|" + p.agencyId() + "|" + p.level() + "|" + f[1]
                            + "|" + f[2];
                }).toList());
        assertThat(placements).hasSize(12);

        assertThat(db.select(CARD_CONTEXT.PARTICIPANT_ID, CARD_CONTEXT.STAGE_ID, CARD_CONTEXT.AGENCY_ID,
                        CARD_CONTEXT.WORK_LEVEL, CARD_CONTEXT.CARD_ID, CARD_CONTEXT.CONTEXT_ID)
                .from(CARD_CONTEXT).where(CARD_CONTEXT.STAGE_ID.in(stageIds))
                .fetch(r -> r.value1() + "|" + r.value2() + "|" + r.value3() + "|" + r.value4() + "|" + r.value5()
                        + "|" + r.value6()))
                .containsExactlyInAnyOrderElementsOf(contexts.stream().map(s -> {
                    String[] f = s.split(" ");
                    Person p = byAgencyId(Long.parseLong(f[0]));
                    return who(byAgency, p) + "|" + stageIds.get(2) + "|" + p.agencyId() + "|" + p.level() + "|" + f[1]
                            + "|" + f[2];
                }).toList());

        assertThat(db.select(PULSE_ANSWER.PARTICIPANT_ID, PULSE_ANSWER.STAGE_ID, PULSE_ANSWER.AGENCY_ID,
                        PULSE_ANSWER.WORK_LEVEL, PULSE_ANSWER.QUESTION_ID, PULSE_ANSWER.SCALE_VALUE, PULSE_ANSWER.COMMENT)
                .from(PULSE_ANSWER).where(PULSE_ANSWER.STAGE_ID.in(stageIds))
                .fetch(r -> r.value1() + "|" + r.value2() + "|" + r.value3() + "|" + r.value4() + "|" + r.value5()
                        + "|" + r.value6() + "|" + r.value7()))
                .containsExactlyInAnyOrderElementsOf(people.stream().flatMap(p -> {
                    String prefix = who(byAgency, p) + "|" + stageIds.get(3) + "|" + p.agencyId() + "|" + p.level();
                    return List.of(prefix + "|critical-reflection|" + p.pulseReflection() + "|null",
                            prefix + "|ok-not-to-know|" + p.pulseNotKnowing() + "|null").stream();
                }).toList());

        Person author = people.get(2);
        assertThat(db.select(NEED.PARTICIPANT_ID, NEED.STAGE_ID, NEED.AGENCY_ID, NEED.WORK_LEVEL, NEED.TEXT,
                        NEED.OWNER_AGENCY_ID, NEED.CATEGORY, NEED.MODERATION)
                .from(NEED).where(NEED.STAGE_ID.in(stageIds))
                .fetch(r -> r.value1() + "|" + r.value2() + "|" + r.value3() + "|" + r.value4() + "|" + r.value5()
                        + "|" + r.value6() + "|" + r.value7() + "|" + r.value8()))
                .containsExactly(who(byAgency, author) + "|" + stageIds.get(4) + "|" + author.agencyId() + "|"
                        + author.level() + "|" + needText + "|" + needOwner.agencyId() + "|meeting-chairing|APPROVED");

        assertThat(db.select(DOT_VOTE.PARTICIPANT_ID, DOT_VOTE.STAGE_ID, DOT_VOTE.AGENCY_ID, DOT_VOTE.WORK_LEVEL,
                        DOT_VOTE.NEED_ID, DOT_VOTE.DOTS)
                .from(DOT_VOTE).where(DOT_VOTE.STAGE_ID.in(stageIds))
                .fetch(r -> r.value1() + "|" + r.value2() + "|" + r.value3() + "|" + r.value4() + "|" + r.value5()
                        + "|" + r.value6()))
                .containsExactlyInAnyOrderElementsOf(people.stream().map(p -> who(byAgency, p) + "|" + stageIds.get(4)
                        + "|" + p.agencyId() + "|" + p.level() + "|" + needId + "|" + p.dots()).toList());

        // the speaking tracker: one finished turn per tapped agency, in the voice stage, with the level chosen
        assertThat(db.select(SPEAKING_TURN.AGENCY_ID, SPEAKING_TURN.STAGE_ID, SPEAKING_TURN.WORK_LEVEL,
                        SPEAKING_TURN.ENDED_AT.isNotNull())
                .from(SPEAKING_TURN).where(SPEAKING_TURN.WORKSHOP_ID.eq(workshopId)).orderBy(SPEAKING_TURN.ID)
                .fetch(r -> r.value1() + "|" + r.value2() + "|" + r.value3() + "|" + r.value4()))
                .containsExactly(firstSpeaker.agencyId() + "|" + stageIds.get(1) + "|null|true",
                        secondSpeaker.agencyId() + "|" + stageIds.get(1) + "|STRATEGIC_LEADER|true",
                        thirdSpeaker.agencyId() + "|" + stageIds.get(1) + "|STRATEGIC_LEADER|true");

        System.out.printf("Workshop journey took %d s%n", (System.nanoTime() - began) / 1_000_000_000L);
    }

    /** The facilitator presses Next; every phone shows the new stage by itself. */
    private void next(Page console, List<Page> phones, int position) {
        console.locator("#stage-next").click();
        assertThat(console.locator("#workshop-status")).containsText("stage " + (position + 1) + " of 5");
        for (Page phone : phones) {
            assertThat(phone.locator("#stage-title")).hasText(STAGES.get(position));
        }
    }

    private static void pick(Page phone, String question, int value) {
        phone.locator("#pulse-" + question).locator("vaadin-radio-button")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*" + value + " "))).click();
    }

    private Person byAgencyId(long agencyId) {
        return people.stream().filter(p -> p.agencyId() == agencyId).findFirst().orElseThrow();
    }

    private static long who(Map<Long, RosterEntry> byAgency, Person p) {
        RosterEntry r = byAgency.get(p.agencyId());
        assertThat(r.level()).isEqualTo(p.level());
        assertThat(r.firstName()).isEqualTo(p.firstName());
        return r.participantId();
    }

    /** Waits up to 15 s for the rows; the assertions after it say what is missing. */
    private static void waitForRows(IntSupplier count, int expected) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> count.getAsInt() >= expected);
        } catch (ConditionTimeoutException e) {
            // left to the assertions after it
        }
    }

    private <T> T asFacilitator(Supplier<T> action) {
        try {
            TestWorld.as(facilitator);
            return action.get();
        } finally {
            TestWorld.anonymous();
        }
    }

    /** Steps the phone's card sort (one card at a time) to this card with Back or Next, one step at a time. */
    /**
     * Steps the phone's card sort to a card with Next (then Back), one card at a time as a participant does: only the
     * card on screen is in the page.
     */
    static void showCard(Page phone, long card) {
        Locator count = phone.locator("#card-count");
        assertThat(count).containsText("Card "); // the card sort is drawn
        for (String direction : List.of("#card-next", "#card-back")) {
            for (int i = 0; i < 20 && !phone.locator("#card-" + card).isVisible()
                    && phone.locator(direction).isEnabled(); i++) {
                String before = count.textContent();
                phone.locator(direction).click();
                assertThat(count).not().hasText(before);
            }
        }
        assertThat(phone.locator("#card-" + card)).isVisible();
    }

}
