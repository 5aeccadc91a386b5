package org.hymnsheet.security;

/** Whether the app still waits for its first administrator; the sign-in page sends people to setup until then. */
public interface FirstRun {
    boolean setupNeeded();
}
