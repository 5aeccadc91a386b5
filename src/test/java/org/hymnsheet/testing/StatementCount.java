package org.hymnsheet.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;

/**
 * Counts the SQL statements the application's jOOQ context runs on the calling thread while a piece of code runs,
 * with their SQL for the failure message. Other threads (push, schedulers) are not counted.
 */
public final class StatementCount {
    private StatementCount() {}

    public record Counted(List<String> statements) {
        public int count() {
            return statements.size();
        }
    }

    public static synchronized Counted of(DSLContext db, Runnable work) {
        Thread me = Thread.currentThread();
        List<String> seen = new ArrayList<>();
        ExecuteListener listener = new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                if (Thread.currentThread() == me) {
                    seen.add(ctx.sql());
                }
            }
        };
        ExecuteListenerProvider[] before = db.configuration().executeListenerProviders();
        ExecuteListenerProvider[] with = Arrays.copyOf(before, before.length + 1);
        with[before.length] = new DefaultExecuteListenerProvider(listener);
        db.configuration().set(with);
        try {
            work.run();
        } finally {
            db.configuration().set(before);
        }
        return new Counted(List.copyOf(seen));
    }
}
