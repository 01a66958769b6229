package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/** CHECK constraints on INSERT, UPDATE and ON CONFLICT DO UPDATE, with PostgreSQL 15's messages. */
class CheckConstraintTest {

    private final SqlHarness sql = new SqlHarness();

    @BeforeEach
    void createTable() {
        Transaction t = sql.storage.begin();
        t.createTable(new TableDefinition("public", "c1", List.of(column("id", PgType.INT4, true),
                column("v", PgType.INT4, false), column("w", PgType.TEXT, false)), List.of(0), List.of(
                        new TableConstraint.Check("c1_v_check", "v > 0"),
                        new TableConstraint.Check("c1_check", "v < 100 and w <> ''"))));
        t.commit();
    }

    private static ColumnInfo column(String name, PgType type, boolean notNull) {
        return new ColumnInfo(name, ColumnType.of(type), notNull);
    }

    private PgException fails(String statement) {
        PgException e = assertThrows(PgException.class, () -> sql.update(statement));
        assertEquals(SqlState.CHECK_VIOLATION, e.sqlState());
        return e;
    }

    @Test
    void a_row_making_a_condition_false_is_refused_naming_the_first_constraint_by_name() {
        sql.update("insert into c1 values (1, 5, 'a'), (2, null, 'b'), (3, 6, null)");
        PgException e = fails("insert into c1 values (4, 0, 'x')");
        assertEquals("new row for relation \"c1\" violates check constraint \"c1_v_check\"", e.getMessage());
        assertEquals("Failing row contains (4, 0, x).", e.detail());
        PgException both = fails("insert into c1 (id, v, w) values (5, -1, '')");
        assertEquals("new row for relation \"c1\" violates check constraint \"c1_check\"", both.getMessage());
        assertEquals("Failing row contains (5, -1, ).", both.detail());
        assertEquals(List.of(List.of(1, 5, "a"), Arrays.asList(2, null, "b"), Arrays.asList(3, 6, null)),
                sql.rows("select * from c1 order by id"));
    }

    @Test
    void updates_and_conflicting_inserts_check_the_new_row() {
        sql.update("insert into c1 values (1, 5, 'a')");
        PgException e = fails("update c1 set v = v - 5, w = null");
        assertEquals("Failing row contains (1, 0, null).", e.detail());
        PgException conflict = fails("insert into c1 values (1, 7, 'b') on conflict (id) do update set v = 500");
        assertEquals("new row for relation \"c1\" violates check constraint \"c1_check\"", conflict.getMessage());
        assertEquals("Failing row contains (1, 500, a).", conflict.detail());
        fails("insert into c1 values (1, -7, 'b') on conflict (id) do nothing");
        sql.update("insert into c1 values (1, 7, 'b') on conflict (id) do update set v = excluded.v");
        assertEquals(List.of(List.of(1, 7, "a")), sql.rows("select * from c1"));
    }
}
