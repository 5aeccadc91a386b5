package org.hymnsheet.common;

/** Someone else saved the same thing first (optimistic locking on a version column). */
public class ConcurrentEditException extends RuntimeException {
    public ConcurrentEditException(String what) {
        super(what + " was changed by someone else");
    }
}
