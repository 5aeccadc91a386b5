package org.hymnsheet.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;

/**
 * Counts the SQL statements jOOQ runs on the calling thread while an action runs, by adding a listener to the
 * application's {@link DSLContext} for that time (other threads' statements are not counted).
 */
public final class StatementCount {
    private StatementCount() {}

    /** What an action returned and the statements it ran. */
    public record Counted<T>(T result, List<String> statements) {
        public int count() {
            return statements.size();
        }
    }

    /** The statements an action without a result ran. */
    public static Counted<Void> of(DSLContext db, Runnable action) {
        return of(db, () -> {
            action.run();
            return null;
        });
    }

    public static synchronized <T> Counted<T> of(DSLContext db, Supplier<T> action) {
        Thread caller = Thread.currentThread();
        List<String> statements = new ArrayList<>();
        ExecuteListener listener = new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                if (Thread.currentThread() == caller) {
                    statements.add(ctx.sql());
                }
            }
        };
        Configuration config = db.configuration();
        ExecuteListenerProvider[] before = config.executeListenerProviders();
        ExecuteListenerProvider[] with = java.util.Arrays.copyOf(before, before.length + 1);
        with[before.length] = new DefaultExecuteListenerProvider(listener);
        config.set(with);
        try {
            T result = action.get();
            return new Counted<>(result, List.copyOf(statements));
        } finally {
            config.set(before);
        }
    }
}
