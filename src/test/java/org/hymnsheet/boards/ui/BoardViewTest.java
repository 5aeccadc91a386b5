package org.hymnsheet.boards.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;
import org.hymnsheet.accounts.DirectoryService;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.boards.BoardService;
import org.hymnsheet.boards.BoardSnapshotService;
import org.hymnsheet.common.ui.EChart;
import org.hymnsheet.live.LiveSignals;
import org.hymnsheet.security.Role;
import org.hymnsheet.testing.OnH2;
import org.hymnsheet.workshops.Level;
import org.hymnsheet.workshops.WorkshopFixture;
import org.hymnsheet.workshops.WorkshopModerationService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The board as a projector shows it, without a browser: short names on the charts with a key to the full names, long
 * lists a page at a time, participants' words isolated for direction, chart labels whole.
 */
@OnH2
class BoardViewTest extends BrowserlessTest {
    static final String RLO = "\u202E";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired BoardService boards;
    @Autowired BoardSnapshotService snapshots;
    @Autowired LiveSignals signals;
    @Autowired WorkshopModerationService moderation;
    @Autowired DirectoryService directory;
    @Autowired ApplicationContext context;
    WorkshopFixture f;
    List<String> tokens = new ArrayList<>();

    @BeforeEach
    void room() {
        f = new WorkshopFixture(context);
        for (int i = 0; i < 24; i++) {
            tokens.add(f.join(i % 2 == 0 ? f.police : f.health, Level.PRACTITIONER, null));
        }
    }

    @AfterEach
    void signOut() {
        TestWorld.anonymous();
    }

    BoardView board() {
        TestWorld.as(f.facilitator);
        var view = new BoardView(boards, snapshots, signals);
        UI.getCurrent().removeAll();
        UI.getCurrent().add(view);
        view.show(f.workshop.id());
        return view;
    }

    void approveAll() {
        TestWorld.as(f.facilitator);
        moderation.pending(f.workshop.id()).forEach(t -> moderation.moderate(f.workshop.id(), t.kind(), t.ref(), true));
    }

    JsonNode option(String figureId) {
        EChart chart = $(EChart.class, $(Div.class).id(figureId)).single();
        return JSON.readTree(chart.getElement().getProperty("option"));
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    @Test
    void an_agency_with_a_short_name_is_named_by_it_on_the_chart_and_the_key_gives_its_full_name() {
        TestWorld.as(f.world.account(f.partnership, Role.ADMIN));
        var police = directory.agencies(f.partnership).stream().filter(a -> a.id() == f.police).findFirst().orElseThrow();
        var health = directory.agencies(f.partnership).stream().filter(a -> a.id() == f.health).findFirst().orElseThrow();
        directory.updateAgency(police.id(), police.name(), "  RS Police ", police.sector(), police.version());
        f.inputs().frame(tokens.get(0), 0, 20, null);
        f.inputs().frame(tokens.get(1), 0, 70, null);
        TestWorld.as(f.facilitator);
        f.workshops().reveal(f.workshop.id(), WorkshopFixture.FRAMING);

        board();
        JsonNode yAxis = option("board-framing").get("yAxis");
        assertThat(strings(yAxis.get("data"))).as("short name where set, the whole full name where not")
                .containsExactlyInAnyOrder("RS Police", health.name());
        assertThat(yAxis.get("axisLabel").get("overflow").asString()).as("labels wrap, never cut").isEqualTo("break");
        Div key = $(Div.class).id("board-key");
        assertThat(key.isVisible()).isTrue();
        assertThat(key.getElement().getTextRecursively()).contains("RS Police = " + police.name())
                .doesNotContain(health.name());
    }

    @Test
    void a_changed_position_changes_the_figures_in_place_and_never_takes_the_chart_off_the_page() {
        f.inputs().frame(tokens.get(0), 0, 20, null);
        f.inputs().frame(tokens.get(1), 0, 70, null);
        TestWorld.as(f.facilitator);
        f.workshops().reveal(f.workshop.id(), WorkshopFixture.FRAMING);
        var view = board();
        Div figure = $(Div.class).id("board-framing");
        EChart chart = $(EChart.class, figure).single();
        Div side = $(Div.class).id("board-sentences");
        String before = figure.getElement().getTextRecursively();
        String optionBefore = chart.getElement().getProperty("option");
        List<String> moves = new ArrayList<>();
        chart.addDetachListener(e -> moves.add("detached"));
        chart.addAttachListener(e -> moves.add("attached"));

        f.inputs().frame(tokens.get(0), 0, 45, null);
        TestWorld.as(f.facilitator);
        view.refresh();

        assertThat($(Div.class).id("board-framing")).as("the same figure, not a new one").isSameAs(figure);
        assertThat($(Div.class).id("board-sentences")).isSameAs(side);
        assertThat(moves).as("the chart stays drawn where it is").isEmpty();
        assertThat(figure.getElement().getTextRecursively()).as("its words and table follow").isNotEqualTo(before);
        assertThat(chart.getElement().getProperty("option")).isNotEqualTo(optionBefore);
        assertThat($(EChart.class).all()).hasSize(1);
    }

    @Test
    void thirty_comments_show_a_page_at_a_time_with_which_page_and_the_next_page_on_the_next_turn() {
        f.goTo(WorkshopFixture.PULSE);
        for (int i = 0; i < tokens.size(); i++) {
            f.inputs().pulse(tokens.get(i), WorkshopFixture.PULSE, "space", 1 + i % 5,
                    String.format("Comment %02d about how our meetings go", i));
        }
        approveAll();
        TestWorld.as(f.facilitator);
        f.workshops().reveal(f.workshop.id(), WorkshopFixture.PULSE);

        var view = board();
        Div comments = $(Div.class).id("board-comments");
        var shown = items(comments);
        assertThat(shown).hasSizeLessThanOrEqualTo(StagePanels.PAGE_ITEMS).first().asString().contains("Comment 00");
        int pages = (tokens.size() + StagePanels.PAGE_ITEMS - 1) / StagePanels.PAGE_ITEMS;
        assertThat($(Span.class).id("board-comments-page").getText()).isEqualTo("1 of " + pages);
        assertThat(UI.getCurrent().getPollInterval()).as("the pages turn by themselves").isEqualTo(BoardView.PAGE_TURN_MILLIS);

        view.tick();
        assertThat($(Span.class).id("board-comments-page").getText()).isEqualTo("2 of " + pages);
        assertThat(items($(Div.class).id("board-comments"))).first().asString().contains("Comment 06");
    }

    @Test
    void words_with_a_right_to_left_override_are_isolated_on_the_board_and_plain_on_the_charts() {
        f.goTo(WorkshopFixture.PULSE);
        f.inputs().pulse(tokens.get(0), WorkshopFixture.PULSE, "space", 2, "Override " + RLO + "here");
        f.inputs().pulse(tokens.get(1), WorkshopFixture.PULSE, "space", 3, "After the override");
        approveAll();
        TestWorld.as(f.facilitator);
        f.workshops().reveal(f.workshop.id(), WorkshopFixture.PULSE);

        board();
        var comments = $(Div.class).id("board-comments").getElement();
        List<Element> bdi = new ArrayList<>();
        collect(comments, "bdi", bdi);
        assertThat(bdi).extracting(Element::getText).contains("Override " + RLO + "here", "After the override");

        f.goTo(WorkshopFixture.NEEDS);
        String reversed = "Chairs who " + RLO + "listen";
        f.inputs().addNeed(tokens.get(0), WorkshopFixture.NEEDS, reversed, null, "chairing");
        approveAll();
        TestWorld.as(f.facilitator);
        f.workshops().reveal(f.workshop.id(), WorkshopFixture.NEEDS);
        board();
        String item = $(Div.class).id("board-figures").getElement().getTextRecursively();
        assertThat(item).as("the need's words sit between isolates, so what follows keeps its direction")
                .contains("\u2068" + reversed + "\u2069 (0 dots");
        assertThat(strings(option("board-needs").get("yAxis").get("data"))).containsExactly("Chairs who listen");
    }

    private static List<String> items(Div list) {
        List<Element> li = new ArrayList<>();
        collect(list.getElement(), "li", li);
        return li.stream().map(Element::getTextRecursively).toList();
    }

    private static void collect(Element e, String tag, List<Element> into) {
        if (e.isTextNode()) {
            return;
        }
        if (tag.equals(e.getTag())) {
            into.add(e);
        }
        e.getChildren().forEach(c -> collect(c, tag, into));
    }
}
