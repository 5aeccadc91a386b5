package org.hymnsheet.testing;

import java.io.IOException;
import org.hymnsheet.Application;

/**
 * The entry point of an {@link AppNode}'s process: the application's own {@code main}, plus a watch on standard
 * input, which the test JVM holds open. When the test JVM dies without running its shutdown hooks (killed by a
 * time-out, for example) the pipe closes and the node shuts itself down instead of being left behind.
 */
public final class AppNodeMain {
    private AppNodeMain() {}

    public static void main(String[] args) {
        Thread watch = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // nothing is ever sent; only the end of the stream matters
                }
            } catch (IOException ignored) {
                // a broken pipe means the same as its end
            }
            System.err.println("AppNodeMain: the test JVM has gone; shutting down");
            System.exit(3);
        }, "app-node-parent-watch");
        watch.setDaemon(true);
        watch.start();
        Application.main(args);
    }
}
