package org.hymnsheet.common.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import java.util.function.Consumer;

/**
 * "Send to the safeguarding lead" from a moderation list: the words being sent, an optional reason and Send or
 * Cancel. A reason that is too long is refused beside the field and the dialog stays open with what was typed;
 * anything else (the words changed meanwhile) closes it with a message, and {@code after} re-reads the list either way.
 */
public final class SendToLeadDialog extends Dialog {
    public static final int REASON_MAX = 1000;
    private final TextArea reason = new TextArea();

    public SendToLeadDialog(String words, Consumer<String> send, Runnable after) {
        setHeaderTitle(getTranslation("escalate.title"));
        var intro = new Paragraph(getTranslation("escalate.intro"));
        var text = new Paragraph(words.length() > 600 ? words.substring(0, 599) + "…" : words);
        text.addClassNames("free-text", "escalate-words");
        reason.setLabel(getTranslation("escalate.reason"));
        reason.setHelperText(getTranslation("escalate.reasonHelp", REASON_MAX));
        reason.setId("escalate-reason");
        reason.setWidthFull();
        add(intro, text, reason);
        var sendButton = new Button(getTranslation("escalate.send"), e -> send(send, after));
        sendButton.setId("escalate-send");
        sendButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        var cancel = new Button(getTranslation("directory.cancel"), e -> close());
        cancel.setId("escalate-cancel");
        getFooter().add(cancel, sendButton);
        setMaxWidth("40rem");
    }

    private void send(Consumer<String> send, Runnable after) {
        if (Forms.save(this, Map.of("reason", reason), () -> send.accept(reason.getValue()))) {
            close();
            Forms.done(this, "escalate.sent");
        } else if (!reason.isInvalid()) {
            close();
        }
        after.run();
    }
}
