package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
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
    private static final int NOTE_MAX = 2000;
    private final transient QueueService queues;
    private final Runnable after;

    FlagCard(FlaggedText flag, QueueService queues, Runnable after) {
        this.queues = queues;
        this.after = after;
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
        var handled = new Button(getTranslation("safeguarding.markHandled"), e -> handledDialog(flag).open());
        handled.addClassName("flag-mark-handled");
        work.add(handled);
        return work;
    }

    private String name(String person) {
        return person == null ? getTranslation("safeguarding.someone") : person;
    }

    /** "What was done" is asked for in a dialog: the list can be re-read by push underneath without losing it. */
    private Dialog handledDialog(FlaggedText flag) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("safeguarding.handleTitle"));
        var note = new TextArea(getTranslation("safeguarding.whatWasDone"));
        note.setRequiredIndicatorVisible(true);
        note.setHelperText(getTranslation("safeguarding.noteHelp", NOTE_MAX));
        note.setId("safeguarding-note");
        note.setWidthFull();
        dialog.add(new Paragraph(getTranslation("safeguarding.handleIntro", WHEN.format(flag.flaggedAt()), origin(this, flag))),
                note);
        var save = new Button(getTranslation("safeguarding.markHandled"), e -> {
            if (Forms.save(dialog, Map.of("note", note), () -> queues.markHandled(flag.id(), note.getValue()))) {
                dialog.close();
                Forms.done(dialog, "safeguarding.handledDone");
                after.run();
            } else if (!note.isInvalid()) {
                // handled by another lead meanwhile: the list shows what they wrote
                dialog.close();
                after.run();
            }
        });
        save.setId("safeguarding-handle-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("directory.cancel"), e -> dialog.close());
        cancel.setId("safeguarding-handle-cancel");
        dialog.getFooter().add(cancel, save);
        dialog.setMaxWidth("40rem");
        dialog.setWidthFull();
        return dialog;
    }
}
