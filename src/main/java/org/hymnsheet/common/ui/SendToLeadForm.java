package org.hymnsheet.common.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableRunnable;
import java.util.Map;

/**
 * "Send to the safeguarding lead" from a moderation list: the words being sent, an optional reason and Send or
 * Cancel, in a section of the page beside the list (not a dialog, which the committed frontend bundle does not load
 * on these pages). A reason that is too long is refused beside the field and the form keeps what was typed; anything
 * else (the words changed meanwhile) closes it with a message; {@code after} re-reads the list either way.
 */
public final class SendToLeadForm extends Section {
    public static final int REASON_MAX = 1000;
    private static final int WORDS_SHOWN = 600;
    private final TextField reason = new TextField();
    private final Paragraph words = new Paragraph();
    private SerializableConsumer<String> send = r -> { };
    private SerializableRunnable after = () -> { };

    /** {@code nested}: inside a panel that has its own level-two heading. */
    public SendToLeadForm(boolean nested) {
        setId("send-to-lead");
        addClassName("side-form");
        setVisible(false);
        words.addClassNames("free-text", "escalate-words");
        reason.setLabel(getTranslation("escalate.reason"));
        reason.setHelperText(getTranslation("escalate.reasonHelp", REASON_MAX));
        reason.setId("escalate-reason");
        reason.setWidthFull();
        var sendButton = new Button(getTranslation("escalate.send"), e -> send());
        sendButton.setId("escalate-send");
        sendButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("directory.cancel"), e -> setVisible(false));
        cancel.setId("escalate-cancel");
        var buttons = new Div(sendButton, cancel);
        buttons.addClassName("form-buttons");
        add(nested ? new H3(getTranslation("escalate.title")) : new H2(getTranslation("escalate.title")),
                new Paragraph(getTranslation("escalate.intro")), words, reason, buttons);
    }

    /** Shows the form for these words; {@code send} sends them with the reason typed. */
    public void show(String text, SerializableConsumer<String> send, SerializableRunnable after) {
        this.send = send;
        this.after = after;
        words.setText(text.length() > WORDS_SHOWN ? text.substring(0, WORDS_SHOWN - 1) + "…" : text);
        reason.clear();
        reason.setInvalid(false);
        setVisible(true);
        reason.focus();
    }

    private void send() {
        if (Forms.save(this, Map.of("reason", reason), () -> send.accept(reason.getValue()))) {
            setVisible(false);
            Forms.done(this, "escalate.sent");
        } else if (!reason.isInvalid()) {
            setVisible(false);
        }
        after.run();
    }
}
