package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Consumer;
import org.hymnsheet.common.ui.Forms;
import org.hymnsheet.surveys.FlaggedText;
import org.hymnsheet.surveys.QueueService;

/**
 * One flag of the safeguarding queue as a card: when and where from, how it was found and the kinds of harm, who sent
 * it and why, the words (wrapping anywhere, so even one long unbroken string stays inside the card) and the words
 * before, then what has been done about it.
 */
final class FlagCard extends Div {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm")
            .withZone(ZoneId.of("Europe/London"));
    private final transient QueueService queues;
    private final Runnable after;
    private final Consumer<FlaggedText> handle;

    FlagCard(FlaggedText flag, QueueService queues, Runnable after, Consumer<FlaggedText> handle) {
        this.queues = queues;
        this.after = after;
        this.handle = handle;
        addClassNames("flag-card", flag.open() ? "flag-open" : "flag-handled");
        var heading = new H2(WHEN.format(flag.flaggedAt()) + " · " + origin(this, flag));
        heading.addClassName("flag-heading");
        add(heading, facts(flag));
        add(labelled("safeguarding.text", flag.body(), "flag-words"));
        if (flag.earlier() != null) {
            add(labelled("safeguarding.earlier", flag.earlier(), "earlier-text"));
        }
        add(work(flag));
    }

    /** "Safe places survey" or "Workshop: Partnership day". */
    static String origin(Component host, FlaggedText flag) {
        return flag.fromWorkshop() ? host.getTranslation("safeguarding.fromWorkshop", flag.workshopTitle())
                : flag.surveyTitle();
    }

    private Div facts(FlaggedText flag) {
        var facts = new Div();
        facts.addClassName("flag-facts");
        if (!flag.fromWorkshop()) {
            facts.add(fact("safeguarding.device",
                    flag.deviceLabel() == null ? getTranslation("safeguarding.ownDevice") : flag.deviceLabel()));
        }
        facts.add(fact("safeguarding.kinds", flag.categories().isEmpty() ? getTranslation("safeguarding.noKinds")
                : String.join(", ", flag.categories())));
        facts.add(fact("safeguarding.found", getTranslation("safeguarding.found." + flag.found().name())));
        if (flag.sent()) {
            facts.add(fact("safeguarding.sent", getTranslation("safeguarding.sentBy", flag.sentBy(), WHEN.format(flag.sentAt()))));
            if (flag.reason() != null) {
                facts.add(fact("safeguarding.why", flag.reason()));
            }
        }
        return facts;
    }

    private Paragraph fact(String labelKey, String value) {
        var label = new Span(getTranslation(labelKey) + ": ");
        label.addClassName("fact-label");
        var text = new Span(value);
        text.addClassName("free-text");
        var p = new Paragraph(label, text);
        p.addClassName("flag-fact");
        return p;
    }

    private Div labelled(String labelKey, String words, String className) {
        var label = new Paragraph(getTranslation(labelKey));
        label.addClassName("fact-label");
        var text = new Paragraph(words);
        text.addClassNames("free-text", className);
        var block = new Div(label, text);
        block.addClassName("flag-text");
        return block;
    }

    private Div work(FlaggedText flag) {
        var work = new Div();
        work.addClassName("flag-work");
        if (!flag.open()) {
            work.add(new Paragraph(getTranslation("safeguarding.handledBy", name(flag.handledBy()),
                    flag.handledAt() == null ? "" : WHEN.format(flag.handledAt()))));
            if (flag.note() != null) {
                work.add(labelled("safeguarding.whatWasDone", flag.note(), "handled-note"));
            }
            return work;
        }
        if (flag.openedBy() != null) {
            work.add(new Paragraph(getTranslation("safeguarding.openedBy", flag.openedBy(), WHEN.format(flag.openedAt()))));
        } else {
            var dealing = new Button(getTranslation("safeguarding.dealing"), e -> {
                Forms.save(this, Map.of(), () -> queues.openFlag(flag.id()));
                after.run();
            });
            dealing.addClassName("flag-dealing");
            dealing.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            work.add(new Paragraph(getTranslation("safeguarding.notOpened")));
            work.add(dealing);
        }
        var handled = new Button(getTranslation("safeguarding.markHandled"), e -> handle.accept(flag));
        handled.addClassName("flag-mark-handled");
        work.add(handled);
        return work;
    }

    private String name(String person) {
        return person == null ? getTranslation("safeguarding.someone") : person;
    }
}
