package org.hymnsheet.common;

/** The thing asked for does not exist, or the caller may not know it exists. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what + " not found");
    }
}
