package org.modgres.executor.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.modgres.api.exec.RowCursor;
import org.modgres.api.plan.CreateTablePlan;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.type.ColumnType;

/** Plans SQL with Calcite and runs it through the executor over the storage double. */
final class SqlHarness {

    final InMemoryStorage storage = new InMemoryStorage();
    final InterpretingExecutor executor = new InterpretingExecutor();
    private final TestPlanner planner = new TestPlanner(storage);
    TestContext lastContext;

    /** Creates a table; each column is {name, ColumnType, notNull}. */
    void createTable(String name, List<Integer> primaryKey, Object[]... columns) {
        List<ColumnInfo> infos = new ArrayList<>();
        for (Object[] column : columns) {
            infos.add(new ColumnInfo((String) column[0], (ColumnType) column[1], (Boolean) column[2]));
        }
        TableDefinition definition = new TableDefinition("public", name, infos, primaryKey);
        executor.execute(new CreateTablePlan("test", definition, false, 0), new TestContext(storage, List.of()));
    }

    static Object[] column(String name, ColumnType type) {
        return new Object[] {name, type, false};
    }

    static Object[] notNull(String name, ColumnType type) {
        return new Object[] {name, type, true};
    }

    /** Runs a query and returns all its rows. */
    List<Object[]> query(String sql, Object... parameters) {
        try (RowCursor cursor = run(sql, parameters)) {
            List<Object[]> rows = new ArrayList<>();
            Object[] row;
            while ((row = cursor.next()) != null) {
                rows.add(row);
            }
            return rows;
        }
    }

    /** Runs a query and returns its rows as lists, for easy comparison. */
    List<List<Object>> rows(String sql, Object... parameters) {
        return query(sql, parameters).stream().map(Arrays::asList).toList();
    }

    /** Runs a query that returns one value. */
    Object value(String sql, Object... parameters) {
        List<Object[]> rows = query(sql, parameters);
        if (rows.size() != 1 || rows.get(0).length != 1) {
            throw new AssertionError("expected one value, got " + rows.size() + " rows");
        }
        return rows.get(0)[0];
    }

    /** Runs a DML statement and returns its row count. */
    long update(String sql, Object... parameters) {
        try (RowCursor cursor = run(sql, parameters)) {
            if (cursor.next() != null) {
                throw new AssertionError("DML returned a row");
            }
            return cursor.rowCount();
        }
    }

    RowCursor run(String sql, Object... parameters) {
        RelationalPlan plan = planner.plan(sql);
        lastContext = new TestContext(storage, Arrays.asList(parameters));
        return executor.execute(plan, lastContext);
    }

    RelationalPlan plan(String sql) {
        return planner.plan(sql);
    }
}
