package org.hymnsheet.live;

/** Stops a listener hearing its topics. Closing twice is harmless. */
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
