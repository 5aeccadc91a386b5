package org.hymnsheet.common;

import java.util.List;

/**
 * Input a service refused. Carries a message key (translated by the view) and the field it concerns,
 * so the view can show the message beside the right input.
 */
public class ValidationException extends RuntimeException {
    private final String field;
    private final String messageKey;
    private final transient List<Object> args;

    public ValidationException(String field, String messageKey, Object... args) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public String field() { return field; }
    public String messageKey() { return messageKey; }
    public Object[] args() { return args.toArray(); }
}
