package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.hymnsheet.surveys.SentText;

/** The texts a facilitator sent to the safeguarding lead: when each went and whether a lead has opened it yet. */
final class SentToLead extends Section {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm")
            .withZone(ZoneId.of("Europe/London"));
    private static final int SHOWN_CHARS = 300;
    private final UnorderedList list = new UnorderedList();

    SentToLead() {
        setId("sent-to-lead");
        addClassName("sent-to-lead");
        list.addClassName("sent-list");
        add(new H2(getTranslation("escalate.sentHeading")), new Paragraph(getTranslation("escalate.sentIntro")), list);
    }

    void show(List<SentText> texts) {
        setVisible(!texts.isEmpty());
        list.removeAll();
        for (SentText t : texts) {
            var about = new Span(getTranslation("escalate.sentAbout", t.surveyTitle(), WHEN.format(t.sentAt()),
                    getTranslation(t.opened() ? "escalate.opened" : "escalate.notOpened")));
            about.addClassName("sent-about");
            String words = t.body().length() > SHOWN_CHARS ? t.body().substring(0, SHOWN_CHARS - 1) + "…" : t.body();
            var text = new Paragraph(words);
            text.addClassName("free-text");
            list.add(new ListItem(about, text));
        }
    }
}
