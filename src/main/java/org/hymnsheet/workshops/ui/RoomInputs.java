package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.hymnsheet.workshops.StageInput;

/**
 * What the participant has saved on this stage and, once the facilitator reveals it, what the rest of the room
 * said: always as text, and changed line by line, so when one person in a room of 60 changes their answer the
 * phone receives that one line, not the whole list again.
 */
final class RoomInputs extends Div {
    private final Div mine = new Div();
    private final Div room = new Div();
    private final UnorderedList myList = new UnorderedList();
    private final UnorderedList roomList = new UnorderedList();
    private final Paragraph roomEmpty = new Paragraph();
    private List<List<String>> shown;

    RoomInputs() {
        mine.setId("my-inputs");
        room.setId("room-inputs");
        roomEmpty.setText(getTranslation("participant.roomEmpty"));
        add(mine, room);
    }

    /** Shows these inputs; {@code describe} gives each one's line, or null for one not shown on its own. */
    void show(List<StageInput> all, boolean revealed, Function<StageInput, String> describe) {
        show(all.stream().filter(StageInput::mine).map(describe).filter(Objects::nonNull).toList(),
                all.stream().filter(i -> !i.mine()).map(describe).filter(Objects::nonNull).toList(), revealed);
    }

    /**
     * Shows the participant's own lines and, once revealed, the room's lines (for the anonymous pulse: totals and
     * comments, never anyone's answer).
     */
    void show(List<String> own, List<String> others, boolean revealed) {
        List<List<String>> now = List.of(own, others);
        if (now.equals(shown) && (!revealed || room.getComponentCount() > 0)) {
            return; // nothing new: leave the page as it is
        }
        shown = now;
        if (!own.isEmpty() && mine.getComponentCount() == 0) {
            mine.add(new H3(getTranslation("participant.yours")), myList);
        }
        fill(myList, own, "my-input");
        if (revealed) {
            if (room.getComponentCount() == 0) {
                room.add(new H3(getTranslation("participant.room")), roomEmpty, roomList);
            }
            roomEmpty.setVisible(others.isEmpty());
            fill(roomList, others, "room-input");
        }
    }

    /** Brings a list to these texts in place: an item whose text is unchanged is left alone. */
    private static void fill(UnorderedList list, List<String> texts, String className) {
        List<ListItem> items = list.getChildren().map(ListItem.class::cast).toList();
        for (int i = 0; i < texts.size(); i++) {
            if (i < items.size()) {
                Span span = (Span) items.get(i).getComponentAt(0);
                if (!span.getText().equals(texts.get(i))) {
                    span.setText(texts.get(i));
                }
            } else {
                var span = new Span(texts.get(i));
                span.addClassNames("free-text", className);
                list.add(new ListItem(span));
            }
        }
        for (int i = items.size() - 1; i >= texts.size(); i--) {
            list.remove(items.get(i));
        }
    }
}
