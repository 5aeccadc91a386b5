package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableRunnable;
import java.util.Map;
import org.hymnsheet.common.ui.Forms;
import org.hymnsheet.surveys.FlaggedText;
import org.hymnsheet.surveys.QueueService;

/**
 * "Mark handled" asks what was done in a section above the list, not in the list: a push that re-reads the list
 * while the lead types never takes the words or the focus away.
 */
final class HandleFlagForm extends Section {
    private static final int NOTE_MAX = 2000;
    private final transient QueueService queues;
    private final SerializableRunnable after;
    private final TextField note = new TextField();
    private final Paragraph about = new Paragraph();
    private long flagId;

    HandleFlagForm(QueueService queues, SerializableRunnable after) {
        this.queues = queues;
        this.after = after;
        setId("handle-flag");
        addClassName("side-form");
        setVisible(false);
        note.setLabel(getTranslation("safeguarding.whatWasDone"));
        note.setRequiredIndicatorVisible(true);
        note.setHelperText(getTranslation("safeguarding.noteHelp", NOTE_MAX));
        note.setId("safeguarding-note");
        note.setWidthFull();
        var save = new Button(getTranslation("safeguarding.markHandled"), e -> save());
        save.setId("safeguarding-handle-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("directory.cancel"), e -> setVisible(false));
        cancel.setId("safeguarding-handle-cancel");
        var buttons = new Div(save, cancel);
        buttons.addClassName("form-buttons");
        add(new H2(getTranslation("safeguarding.handleTitle")), about, note, buttons);
    }

    void show(FlaggedText flag) {
        if (!isVisible() || flag.id() != flagId) {
            note.clear();
        }
        flagId = flag.id();
        about.setText(getTranslation("safeguarding.handleIntro", FlagCard.WHEN.format(flag.flaggedAt()),
                FlagCard.origin(this, flag)));
        note.setInvalid(false);
        setVisible(true);
        note.focus();
    }

    private void save() {
        if (Forms.save(this, Map.of("note", note), () -> queues.markHandled(flagId, note.getValue()))) {
            setVisible(false);
            Forms.done(this, "safeguarding.handledDone");
        } else if (!note.isInvalid()) {
            setVisible(false); // handled by another lead meanwhile: the list shows what they wrote
        }
        after.run();
    }
}
