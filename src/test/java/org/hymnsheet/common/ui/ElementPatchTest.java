package org.hymnsheet.common.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.dom.Element;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page keeps its elements when a panel is drawn again: only texts, attributes and the number of rows change. */
class ElementPatchTest {

    static Div panel(String caption, List<String> items) {
        var list = new UnorderedList();
        items.forEach(i -> list.add(new ListItem(i)));
        var head = new Span(caption);
        head.addClassName("caption");
        return new Div(new Div(head, list));
    }

    @Test
    void same_shape_with_new_words_keeps_every_element_and_changes_the_words() {
        var live = panel("3 answers", List.of("Police 20", "Health 70"));
        Element box = live.getElement().getChild(0);
        Element caption = box.getChild(0);
        Element firstItem = box.getChild(1).getChild(0);

        ElementPatch.children(live.getElement(), panel("4 answers", List.of("Police 25", "Health 70")).getElement(),
                e -> e);

        assertThat(live.getElement().getChild(0)).isEqualTo(box);
        assertThat(box.getChild(0)).isEqualTo(caption);
        assertThat(box.getChild(1).getChild(0)).isEqualTo(firstItem);
        assertThat(live.getElement().getTextRecursively()).isEqualTo("4 answersPolice 25Health 70");
    }

    @Test
    void rows_are_added_and_removed_at_the_end() {
        var live = panel("a", List.of("one", "two"));
        ElementPatch.children(live.getElement(), panel("a", List.of("one", "two", "three")).getElement(), e -> e);
        assertThat(live.getElement().getTextRecursively()).isEqualTo("aonetwothree");
        ElementPatch.children(live.getElement(), panel("a", List.of("one")).getElement(), e -> e);
        assertThat(live.getElement().getTextRecursively()).isEqualTo("aone");
        ElementPatch.children(live.getElement(), new Div().getElement(), e -> e);
        assertThat(live.getElement().getChildCount()).isZero();
    }

    @Test
    void another_kind_of_element_replaces_the_old_one_and_attributes_and_visibility_follow() {
        var live = new Div(new Paragraph("Waiting for answers"));
        var fresh = panel("1 answer", List.of("Police 20"));
        fresh.getElement().getChild(0).setAttribute("role", "figure");
        fresh.getElement().getChild(0).setVisible(false);
        ElementPatch.children(live.getElement(), fresh.getElement(), e -> e);
        assertThat(live.getElement().getChild(0).getTag()).isEqualTo("div");
        assertThat(live.getElement().getChild(0).getAttribute("role")).isEqualTo("figure");

        var again = panel("2 answers", List.of("Police 20"));
        again.getElement().getChild(0).getChild(0).removeAttribute("class");
        ElementPatch.children(live.getElement(), again.getElement(), e -> e);
        Element box = live.getElement().getChild(0);
        assertThat(box.getAttribute("role")).as("an attribute the new panel lacks is removed").isNull();
        assertThat(box.isVisible()).isTrue();
        assertThat(box.getChild(0).hasAttribute("class")).isFalse();
    }

    @Test
    void a_kept_element_stays_where_it_is_and_moves_in_where_it_is_not() {
        var chart = new EChart("Positions");
        java.util.function.UnaryOperator<Element> resolve =
                e -> !e.isTextNode() && e.getTag().equals("chart-slot") ? chart.getElement() : e;

        var live = new Div(new Div(new Span("old")));
        ElementPatch.children(live.getElement(), withSlot("new").getElement(), resolve);
        Element box = live.getElement().getChild(0);
        assertThat(box.getChild(0)).as("moved in beside what was there").isEqualTo(chart.getElement());
        assertThat(box.getChildCount()).isEqualTo(2);

        ElementPatch.children(live.getElement(), withSlot("newer").getElement(), resolve);
        assertThat(box.getChild(0)).as("left in place").isEqualTo(chart.getElement());
        assertThat(box.getChild(1).getText()).isEqualTo("newer");

        var other = new Div();
        var fresh = new Div(new Paragraph("a new subtree"), withSlot("moved"));
        ElementPatch.children(other.getElement(), fresh.getElement(), resolve);
        assertThat(other.getElement().getChild(1).getChild(0).getChild(0)).as("placed inside a whole new subtree")
                .isEqualTo(chart.getElement());
        assertThat(box.getChildCount()).as("and no longer where it was").isEqualTo(1);
    }

    /** A box holding a chart's place and a caption. */
    static Div withSlot(String caption) {
        var box = new Div(new Span(caption));
        box.getElement().insertChild(0, new Element("chart-slot"));
        return new Div(box);
    }
}
