package org.hymnsheet.common;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jooq.Converter;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.conf.ParamType;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.SqlParameter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Statements on a hot path whose SQL jOOQ renders once per shape; later calls only bind their values. Rendering an
 * {@code INSERT … SELECT … ON CONFLICT} tree is most of a one-statement answer save's own CPU (two thirds of jOOQ's
 * time per execute in a profile of the save benchmark), and a statement of one shape renders the same SQL every time.
 *
 * <p>The query is still written with jOOQ and the generated tables. Every value that varies is a named parameter
 * ({@code DSL.param("response", …)}) and every constant is inlined ({@code DSL.inline(…)}): an unnamed bind value
 * would be frozen at its first value, so it is refused. The first call of a shape runs the jOOQ query itself and
 * checks that the caller's values are exactly the query's parameters; later calls run the remembered SQL as a JDBC
 * prepared statement on the connection jOOQ would use (so in the caller's transaction), each value bound as a parameter
 * of its column's type (its converter, its JDBC type, null included), and an SQL error becomes Spring's
 * {@code DataAccessException} as it does for any other query here. jOOQ's execute listeners do not see these calls.
 */
public final class RenderedOnce {
    /** The SQL with a {@code ?} for each parameter, and the parameters' names in that order (a name may repeat). */
    private record Shape(String sql, List<String> order, Map<String, DataType<?>> types) {}

    /** SQL errors become Spring's data access exceptions, as every other query's do (jOOQ's listener does that there). */
    private static final SQLExceptionTranslator TRANSLATE = new SQLExceptionSubclassTranslator();
    private final Map<String, Shape> shapes = new ConcurrentHashMap<>();
    private final DSLContext db;

    public RenderedOnce(DSLContext db) {
        this.db = db;
    }

    /**
     * Runs the statement of {@code shape} with these values; {@code query} builds it (with the same values as named
     * parameters) only the first time the shape is seen.
     *
     * @return the rows it changed
     */
    public int execute(String shape, Map<String, ?> values, Supplier<? extends Query> query) {
        Shape known = shapes.get(shape);
        if (known == null) {
            Query q = query.get();
            known = shape(shape, q, values);
            shapes.putIfAbsent(shape, known);
            return q.execute();
        }
        if (!known.types().keySet().equals(values.keySet())) {
            throw new IllegalArgumentException(shape + " takes " + known.types().keySet() + ", not " + values.keySet());
        }
        Shape ready = known;
        // the remembered SQL goes straight to JDBC on the connection jOOQ would use (the caller's transaction): as
        // jOOQ plain SQL it was parsed for its placeholders and rendered again on every call, half of a save's
        // own CPU in a profile of the save benchmark
        return db.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ready.sql())) {
                for (int i = 0; i < ready.order().size(); i++) {
                    String name = ready.order().get(i);
                    bind(statement, i + 1, values.get(name), ready.types().get(name));
                }
                return statement.executeUpdate();
            } catch (SQLException e) {
                DataAccessException translated = TRANSLATE.translate(shape, ready.sql(), e);
                throw translated != null ? translated : new UncategorizedSQLException(shape, ready.sql(), e);
            }
        });
    }

    /** Binds a value as jOOQ would: through its column's converter, as the column's JDBC type (null included). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void bind(PreparedStatement statement, int index, Object value, DataType<?> type) throws SQLException {
        Object stored = value == null ? null : ((Converter) type.getConverter()).to(value);
        int sqlType = type.getSQLType(db.configuration());
        if (stored == null) {
            statement.setNull(index, sqlType);
        } else {
            statement.setObject(index, stored, sqlType);
        }
    }

    private static Shape shape(String shape, Query q, Map<String, ?> values) {
        Map<String, DataType<?>> types = new HashMap<>();
        for (Map.Entry<String, Param<?>> p : q.getParams().entrySet()) {
            Param<?> param = p.getValue();
            if (param.isInline()) {
                continue;
            }
            if (param.getParamName() == null) {
                throw new IllegalStateException(shape + ": a bind value without a name (" + param.getValue()
                        + ") would be the same in every later call; name it or inline it");
            }
            if (!values.containsKey(param.getParamName())
                    || !Objects.equals(values.get(param.getParamName()), param.getValue())) {
                throw new IllegalStateException(shape + ": parameter " + param.getParamName() + " is "
                        + param.getValue() + " in the query but " + values.get(param.getParamName()) + " in the values");
            }
            types.put(param.getParamName(), param.getDataType());
        }
        if (!types.keySet().equals(values.keySet())) {
            throw new IllegalStateException(shape + " has parameters " + types.keySet() + ", values " + values.keySet());
        }
        // Spring's parser of named parameters (it knows quotes, comments and casts) gives the order and the ? form
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(q.getSQL(ParamType.NAMED));
        var source = new MapSqlParameterSource(values);
        List<String> order = NamedParameterUtils.buildSqlParameterList(parsed, source).stream()
                .map(SqlParameter::getName).toList();
        return new Shape(NamedParameterUtils.substituteNamedParameters(parsed, source), order, Map.copyOf(types));
    }

    /** The shapes rendered so far (for tests). */
    List<String> shapes() {
        return List.copyOf(shapes.keySet());
    }
}
