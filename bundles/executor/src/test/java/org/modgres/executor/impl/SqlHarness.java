package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.modgres.api.exec.RowCursor;
import org.modgres.api.plan.Plan;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.Statement;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.RowScan;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.Transaction;
import org.modgres.parser.impl.PostgresSqlParser;
import org.modgres.planner.calcite.impl.CalcitePlanner;
import org.modgres.shmem.impl.SharedStorageImpl;

/**
 * Runs SQL as a session does: the real parser, the real Calcite planner and the executor under
 * test, against the real shared storage. Each statement runs in its own transaction, committed
 * when it succeeds and rolled back when it fails.
 */
final class SqlHarness {

    private static final PostgresSqlParser PARSER = new PostgresSqlParser();
    private static final CalcitePlanner PLANNER = new CalcitePlanner();

    final SharedStorage storage = new SharedStorageImpl();
    final InterpretingExecutor executor = new InterpretingExecutor();
    TestContext lastContext;
    /** The session settings statements run with, as SET would change them. */
    final Map<String, String> settings = new HashMap<>();

    /** Runs a query and returns all its rows. */
    List<Object[]> query(String sql, Object... parameters) {
        return query(plan(sql), parameters);
    }

    private List<Object[]> query(Plan plan, Object... parameters) {
        return autocommit(plan, parameters, cursor -> {
            List<Object[]> rows = new ArrayList<>();
            Object[] row;
            while ((row = cursor.next()) != null) {
                rows.add(row);
            }
            return rows;
        });
    }

    /** Runs a query and returns its rows as lists, for easy comparison. */
    List<List<Object>> rows(String sql, Object... parameters) {
        return query(sql, parameters).stream().map(Arrays::asList).toList();
    }

    /** Runs a plan made or changed by the test and returns its rows as lists. */
    List<List<Object>> rows(RelationalPlan plan, Object... parameters) {
        return query(plan, parameters).stream().map(Arrays::asList).toList();
    }

    /** Runs a query that returns one value. */
    Object value(String sql, Object... parameters) {
        List<Object[]> rows = query(sql, parameters);
        if (rows.size() != 1 || rows.get(0).length != 1) {
            throw new AssertionError("expected one value, got " + rows.size() + " rows");
        }
        return rows.get(0)[0];
    }

    /** Runs DDL or DML and returns its row count. */
    long update(String sql, Object... parameters) {
        return autocommit(plan(sql), parameters, cursor -> {
            if (cursor.next() != null) {
                throw new AssertionError("statement returned a row: " + sql);
            }
            return cursor.rowCount();
        });
    }

    /** The rows a statement returned and its row count, as the command tag shows it. */
    record Outcome(List<List<Object>> rows, long count) {
    }

    /** Runs any statement and returns its rows and row count. */
    Outcome execute(String sql, Object... parameters) {
        return autocommit(plan(sql), parameters, cursor -> {
            List<List<Object>> rows = new ArrayList<>();
            Object[] row;
            while ((row = cursor.next()) != null) {
                rows.add(Arrays.asList(row));
            }
            return new Outcome(rows, cursor.rowCount());
        });
    }

    /** Starts a statement in a transaction that stays open, for tests that pull the rows themselves. */
    RowCursor run(String sql, Object... parameters) {
        lastContext = new TestContext(storage.begin(), Arrays.asList(parameters), settings);
        return executor.execute(plan(sql), lastContext);
    }

    /** Parses and plans one statement against the storage's catalog. */
    Plan plan(String sql) {
        List<Statement> statements = PARSER.parse(sql);
        assertEquals(1, statements.size(), () -> "statements in " + sql);
        PlannableStatement statement = assertInstanceOf(PlannableStatement.class, statements.getFirst());
        return PLANNER.plan(statement, new PlanningContext(storage.catalog(), List.of()));
    }

    /** Plans one query or DML statement. */
    RelationalPlan relationalPlan(String sql) {
        return assertInstanceOf(RelationalPlan.class, plan(sql));
    }

    /**
     * Returns a table's stored rows in the order they were inserted, checking that each value
     * has the Java class of its column's type.
     */
    List<List<Object>> stored(String table) {
        Transaction transaction = storage.begin();
        try {
            TableAccess access = transaction.table(Catalog.DEFAULT_SCHEMA, table);
            List<ColumnInfo> columns = access.info().columns();
            List<List<Object>> rows = new ArrayList<>();
            try (RowScan scan = access.scan()) {
                while (scan.next()) {
                    Object[] row = scan.row();
                    for (int i = 0; i < row.length; i++) {
                        Class<?> expected = columns.get(i).type().type().javaClass();
                        if (row[i] != null && !expected.isInstance(row[i])) {
                            throw new AssertionError("column " + columns.get(i).name() + " holds a "
                                    + row[i].getClass().getName() + ", expected " + expected.getName());
                        }
                    }
                    rows.add(Arrays.asList(row.clone()));
                }
            }
            return rows;
        } finally {
            transaction.commit();
        }
    }

    private <T> T autocommit(Plan plan, Object[] parameters, Function<RowCursor, T> reader) {
        TestContext context = new TestContext(storage.begin(), Arrays.asList(parameters), settings);
        lastContext = context;
        try (RowCursor cursor = executor.execute(plan, context)) {
            T result = reader.apply(cursor);
            context.transaction().commit();
            return result;
        } catch (RuntimeException | AssertionError e) {
            context.transaction().rollback();
            throw e;
        }
    }
}
