package org.hymnsheet.workshops.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hymnsheet.db.Tables.CARD_CONTEXT;
import static org.hymnsheet.db.Tables.CARD_PLACEMENT;
import static org.hymnsheet.db.Tables.DOT_VOTE;
import static org.hymnsheet.db.Tables.PULSE_ANSWER;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.live.LiveSignals;
import org.hymnsheet.templates.Option;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.workshops.Card;
import org.hymnsheet.workshops.InputService;
import org.hymnsheet.workshops.JoinResult;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.ParticipantService;
import org.hymnsheet.workshops.Workshop;
import org.hymnsheet.workshops.WorkshopFixture;
import org.hymnsheet.workshops.WorkshopModerationService;
import org.hymnsheet.workshops.WorkshopService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A participant's phone without a browser, on the real hymn sheet template: the "you're in" screen before the
 * start, the card sort one card at a time with its saved state beside its Save, dot voting with the dots left and
 * one Save, and the pulse's one Save. Push and layout need a browser: {@code browser.ParticipantPhoneTest}.
 */
@OnH2
class ParticipantViewTest extends BrowserlessTest {
    static final int CARDS = 2;
    static final int PULSE = 3;
    static final int NEEDS = 4;

    @Autowired ParticipantService participants;
    @Autowired InputService inputs;
    @Autowired WorkshopService workshops;
    @Autowired WorkshopModerationService moderation;
    @Autowired LiveSignals signals;
    @Autowired DSLContext db;
    @Autowired ApplicationContext context;
    WorkshopFixture f;
    Workshop w;

    @BeforeEach
    void draft() {
        f = new WorkshopFixture(context);
        w = f.asFacilitator(() -> workshops.create(f.partnership, "hymn-sheet", "Hymn sheet in the town hall"));
    }

    @AfterEach
    void signOut() {
        TestWorld.anonymous();
    }

    /** Joins on this device and opens the workshop's page, as the cookie would after a join. */
    private ParticipantView phone(long agency, Level level) {
        JoinResult joined = participants.join(w.joinCode(), agency, level, null, TestWorld.unique("device"));
        VaadinSession.getCurrent().getSession().setAttribute(ParticipantCookies.name(w.joinCode()), joined.token());
        return reopen();
    }

    /** The page opened again on the same device (a reload). */
    private ParticipantView reopen() {
        UI.getCurrent().removeAll();
        var view = new ParticipantView(participants, new StagePanels(inputs), signals);
        UI.getCurrent().add(view);
        assertThat(view.open(w.joinCode())).isTrue();
        return view;
    }

    private void startAndGoTo(int position) {
        f.asFacilitator(() -> {
            Workshop now = workshops.start(w.id());
            while (now.currentStage() < position) {
                now = workshops.advance(w.id());
            }
            return now;
        });
    }

    private String text(String id) {
        return $(com.vaadin.flow.component.Component.class).id(id).getElement().getTextRecursively();
    }

    @Test
    void someone_who_joined_before_the_start_is_told_they_are_in_as_their_agency_and_level_and_moves_on_at_the_start() {
        ParticipantView view = phone(f.health, Level.MANAGER);

        assertThat($(H1.class).id("you-are-in").getText()).isEqualTo("You're in");
        assertThat(text("joined-as")).isEqualTo("You joined as " + agencyName(f.health) + ", Manager");
        assertThat(text("waiting")).isEqualTo(
                "The facilitator will start soon. This page moves on by itself when they do, so keep it open.");
        assertThat($(Div.class).withId("stage-input").all()).isEmpty();

        f.asFacilitator(() -> workshops.start(w.id()));
        view.refresh(); // what the push does when the facilitator starts
        assertThat(text("stage-title")).isEqualTo("Partners and framing");
        assertThat(text("stage-count")).isEqualTo("Part 1 of 5");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_card_sort_shows_one_card_at_a_time_with_its_saved_state_beside_its_save_and_keeps_it_on_coming_back() {
        phone(f.police, Level.PRACTITIONER);
        startAndGoTo(CARDS);
        reopen();
        List<Card> cards = participants.phone(tokenOf()).cards();
        assertThat(cards).hasSize(5);
        Card first = cards.get(0);
        Card second = cards.get(1);

        assertThat(text("card-count")).isEqualTo("Card 1 of 5 · 0 saved");
        assertThat(visibleCards()).containsExactly(first.id());
        assertThat(text("card-" + first.id() + "-text")).isEqualTo(first.text());
        assertThat($(Div.class).id("card-sort").getElement().getTextRecursively())
                .as("the card's text once").containsOnlyOnce(first.text());
        assertThat(text("card-" + first.id() + "-state")).isEqualTo("Not saved yet");
        assertThat($(Button.class).id("card-back").isEnabled()).isFalse();

        var contexts = (CheckboxGroup<Option>) $(CheckboxGroup.class).id("card-" + first.id() + "-contexts");
        contexts.select(contexts.getListDataView().getItems().filter(o -> o.id().equals("peers")).findFirst().orElseThrow());
        test($(Button.class).id("card-" + first.id() + "-save")).click();
        assertThat(text("card-" + first.id() + "-state")).isEqualTo("Saved");
        assertThat(text("card-count")).isEqualTo("Card 1 of 5 · 1 saved");
        assertThat(db.select(CARD_PLACEMENT.CARD_ID, CARD_PLACEMENT.POSITION).from(CARD_PLACEMENT)
                .fetch(r -> tuple(r.value1(), r.value2()))).contains(tuple(first.id(), (short) 50));
        assertThat(db.select(CARD_CONTEXT.CONTEXT_ID).from(CARD_CONTEXT).where(CARD_CONTEXT.CARD_ID.eq(first.id()))
                .fetch(CARD_CONTEXT.CONTEXT_ID)).containsExactly("peers");

        // a change not saved says so, and stays while the participant looks at another card
        contexts.select(contexts.getListDataView().getItems().filter(o -> o.id().equals("online")).findFirst().orElseThrow());
        assertThat(text("card-" + first.id() + "-state")).isEqualTo("Not saved yet");
        test($(Button.class).id("card-next")).click();
        assertThat(text("card-count")).isEqualTo("Card 2 of 5 · 1 saved");
        assertThat(visibleCards()).containsExactly(second.id());
        assertThat(text("card-" + second.id() + "-state")).isEqualTo("Not saved yet");
        test($(Button.class).id("card-back")).click();
        assertThat(visibleCards()).containsExactly(first.id());
        assertThat(contexts.getValue()).extracting(Option::id).containsExactlyInAnyOrder("peers", "online");
        assertThat(text("card-" + first.id() + "-state")).isEqualTo("Not saved yet");

        // after a reload the saved placement is what shows
        reopen();
        var again = (CheckboxGroup<Option>) $(CheckboxGroup.class).id("card-" + first.id() + "-contexts");
        assertThat(again.getValue()).extracting(Option::id).containsExactly("peers");
        assertThat(text("card-" + first.id() + "-state")).isEqualTo("Saved");
        assertThat(text("card-count")).isEqualTo("Card 1 of 5 · 1 saved");
    }

    @Test
    @SuppressWarnings("unchecked")
    void dot_voting_says_how_many_dots_are_left_as_dots_move_and_saves_every_need_with_one_save() {
        String token = tokenOf(phone(f.police, Level.PRACTITIONER));
        startAndGoTo(NEEDS);
        String other = participants.join(w.joinCode(), f.health, Level.MANAGER, null, TestWorld.unique("d")).token();
        long first = inputs.addNeed(other, NEEDS, "Commissioners who fund youth work in the park", null, "commissioners");
        long second = inputs.addNeed(other, NEEDS, "A chair who keeps the focus on places", null, "meeting-chairing");
        f.asFacilitator(() -> {
            moderation.pending(w.id()).forEach(t -> moderation.moderate(w.id(), t.kind(), t.ref(), true));
            return workshops.reveal(w.id(), NEEDS);
        });
        reopen();

        assertThat(text("dots-left")).isEqualTo("3 of 3 dots left");
        assertThat(text("dots-" + first + "-need")).isEqualTo("Commissioners who fund youth work in the park");
        ((Select<Integer>) $(Select.class).id("dots-" + first)).setValue(2);
        assertThat(text("dots-left")).isEqualTo("1 of 3 dots left");
        assertThat(text("dots-state")).isEqualTo("Not saved yet");
        ((Select<Integer>) $(Select.class).id("dots-" + second)).setValue(1);
        assertThat(text("dots-left")).isEqualTo("0 of 3 dots left");
        ((Select<Integer>) $(Select.class).id("dots-" + second)).setValue(2);
        assertThat(text("dots-left")).isEqualTo("That is 1 too many: you have 3 dots. Take some off first.");
        ((Select<Integer>) $(Select.class).id("dots-" + second)).setValue(1);

        assertThat($(Button.class, $(Div.class).id("dots")).all()).as("one save for all the needs").hasSize(1);
        test($(Button.class).id("dots-save")).click();
        assertThat(text("dots-state")).isEqualTo("Saved");
        long me = participants.rejoin(token).orElseThrow().id();
        assertThat(db.select(DOT_VOTE.NEED_ID, DOT_VOTE.DOTS).from(DOT_VOTE).where(DOT_VOTE.PARTICIPANT_ID.eq(me))
                .fetch(r -> tuple(r.value1(), r.value2())))
                .containsExactlyInAnyOrder(tuple(first, (short) 2), tuple(second, (short) 1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_pulse_shows_both_questions_whole_and_saves_both_answers_with_one_save() {
        String token = tokenOf(phone(f.police, Level.PRACTITIONER));
        startAndGoTo(PULSE);
        reopen();
        assertThat($(Paragraph.class).withClassName("question-text").all()).extracting(Paragraph::getText)
                .contains("Is there space for critical reflection in our meetings?", "Is it OK not to know the answer here?");
        assertThat($(RadioButtonGroup.class).id("pulse-critical-reflection").getElement().getProperty("accessibleNameRef"))
                .isEqualTo("pulse-critical-reflection-question");
        ((RadioButtonGroup<Integer>) $(RadioButtonGroup.class).id("pulse-critical-reflection")).setValue(2);
        ((RadioButtonGroup<Integer>) $(RadioButtonGroup.class).id("pulse-ok-not-to-know")).setValue(4);
        assertThat($(Button.class, $(Div.class).id("stage-input")).all()).hasSize(1);
        test($(Button.class).id("pulse-save")).click();
        assertThat(text("saved")).isEqualTo("Saved — you can change it until the facilitator moves on");
        assertThat($(Span.class).id("saved").getParent().orElseThrow().getChildren())
                .as("the confirmation sits beside the button").anyMatch(c -> c.getId().orElse("").equals("pulse-save"));
        long me = participants.rejoin(token).orElseThrow().id();
        assertThat(db.select(PULSE_ANSWER.QUESTION_ID, PULSE_ANSWER.SCALE_VALUE).from(PULSE_ANSWER)
                .where(PULSE_ANSWER.PARTICIPANT_ID.eq(me)).fetch(r -> tuple(r.value1(), r.value2())))
                .containsExactlyInAnyOrder(tuple("critical-reflection", (short) 2), tuple("ok-not-to-know", (short) 4));
    }

    private List<Long> visibleCards() {
        return $(Div.class).withClassName("card-box").all().stream().filter(Div::isVisible)
                .map(d -> Long.valueOf(d.getId().orElseThrow().substring("card-".length()))).toList();
    }

    private String tokenOf() {
        return (String) VaadinSession.getCurrent().getSession().getAttribute(ParticipantCookies.name(w.joinCode()));
    }

    private String tokenOf(ParticipantView view) {
        return tokenOf();
    }

    private String agencyName(long agencyId) {
        return participants.open(w.joinCode(), TestWorld.unique("k")).agencies().stream().filter(a -> a.id() == agencyId)
                .findFirst().orElseThrow().name();
    }
}
