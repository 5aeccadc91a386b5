package org.hymnsheet.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.Configuration;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;

/**
 * Counts the SQL statements the calling thread sends to the database through the application's {@link DSLContext}
 * while an action runs (other threads' statements are not counted). It counts at the JDBC boundary, on the
 * connections the context hands out for that time: jOOQ's own queries and the statements run straight on jOOQ's
 * connection ({@code RenderedOnce}) alike.
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
        List<String> statements = Collections.synchronizedList(new ArrayList<>());
        Configuration config = db.configuration();
        ConnectionProvider before = config.connectionProvider();
        config.set(new ConnectionProvider() {
            @Override
            public Connection acquire() {
                return counting(before.acquire(), caller, statements);
            }

            @Override
            public void release(Connection connection) {
                before.release(connection); // closing the counting connection closes the one it wraps
            }
        });
        try {
            T result = action.get();
            return new Counted<>(result, List.copyOf(statements));
        } finally {
            config.set(before);
        }
    }

    /** A connection that notes each statement prepared, or executed from a plain statement, on the caller's thread. */
    private static Connection counting(Connection connection, Thread caller, List<String> statements) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if ((name.equals("prepareStatement") || name.equals("prepareCall")) && Thread.currentThread() == caller) {
                statements.add((String) args[0]);
            }
            Object result = invoke(connection, method, args);
            if (name.equals("createStatement") && result instanceof Statement plain) {
                return Proxy.newProxyInstance(StatementCount.class.getClassLoader(), new Class<?>[] {Statement.class},
                        (p, m, a) -> {
                            if (m.getName().startsWith("execute") && a != null && a.length > 0 && a[0] instanceof String sql
                                    && Thread.currentThread() == caller) {
                                statements.add(sql);
                            }
                            return invoke(plain, m, a);
                        });
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(StatementCount.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
