package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.exec.RowCursor;
import org.modgres.api.plan.CreateTablePlan;
import org.modgres.api.plan.DropTablePlan;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

class DdlTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private final InterpretingExecutor executor = new InterpretingExecutor();
    private final TestContext context = new TestContext(storage, List.of());

    private static CreateTablePlan create(String name, boolean ifNotExists) {
        TableDefinition definition = new TableDefinition("public", name,
                List.of(new ColumnInfo("id", ColumnType.of(PgType.INT4), true)), List.of(0));
        return new CreateTablePlan("test", definition, ifNotExists, 0);
    }

    private static DropTablePlan drop(boolean ifExists, String... names) {
        return new DropTablePlan("test", java.util.Arrays.stream(names).map(n -> List.of("public", n)).toList(),
                ifExists, 0);
    }

    @Test
    void createsAndDropsTables() {
        try (RowCursor cursor = executor.execute(create("t", false), context)) {
            assertNull(cursor.next());
        }
        assertEquals("t", storage.tables().get(0).name());
        executor.execute(drop(false, "t"), context).close();
        assertEquals(List.of(), storage.tables());
        assertEquals(List.of(), context.notices);
    }

    @Test
    void createIfNotExistsSkipsWithANotice() {
        executor.execute(create("t", false), context);
        executor.execute(create("t", true), context);
        assertEquals(List.of("relation \"t\" already exists, skipping"), context.notices);
        PgException e = assertThrows(PgException.class, () -> executor.execute(create("t", false), context));
        assertEquals(SqlState.DUPLICATE_TABLE, e.sqlState());
    }

    @Test
    void dropIfExistsSkipsMissingTablesWithANotice() {
        executor.execute(create("a", false), context);
        executor.execute(drop(true, "missing", "a"), context);
        assertEquals(List.of("table \"missing\" does not exist, skipping"), context.notices);
        assertEquals(List.of(), storage.tables());
    }

    @Test
    void dropOfAMissingTableFails() {
        PgException e = assertThrows(PgException.class, () -> executor.execute(drop(false, "missing"), context));
        assertEquals(SqlState.UNDEFINED_TABLE, e.sqlState());
        assertEquals("table \"missing\" does not exist", e.getMessage());
    }
}
