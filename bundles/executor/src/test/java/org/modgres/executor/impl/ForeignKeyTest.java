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
import org.modgres.api.storage.TableConstraint.Action;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/**
 * FOREIGN KEY constraints, with PostgreSQL 15's messages: p (id primary key, e unique) is
 * referenced by c through p_id (NO ACTION), w (ON DELETE CASCADE, ON UPDATE CASCADE) and
 * z → p(e) (ON DELETE SET NULL, ON UPDATE RESTRICT); t references itself.
 */
class ForeignKeyTest {

    private final SqlHarness sql = new SqlHarness();

    @BeforeEach
    void createTables() {
        Transaction t = sql.storage.begin();
        t.createTable(new TableDefinition("public", "p", List.of(column("id", PgType.INT4, true),
                column("e", PgType.TEXT, false)), List.of(0), List.of(new TableConstraint.Unique("p_e_key", List.of(1)))));
        t.createTable(new TableDefinition("public", "c", List.of(column("id", PgType.INT4, true),
                column("p_id", PgType.INT8, false), column("w", PgType.INT4, false), column("z", PgType.TEXT, false)),
                List.of(0), List.of(
                        new TableConstraint.ForeignKey("c_p_id_fkey", List.of(1), "public", "p", List.of(0),
                                Action.NO_ACTION, Action.NO_ACTION),
                        new TableConstraint.ForeignKey("c_w_fkey", List.of(2), "public", "p", List.of(0),
                                Action.CASCADE, Action.CASCADE),
                        new TableConstraint.ForeignKey("c_z_fkey", List.of(3), "public", "p", List.of(1),
                                Action.SET_NULL, Action.RESTRICT))));
        t.createTable(new TableDefinition("public", "t", List.of(column("id", PgType.INT4, true),
                column("up", PgType.INT4, false)), List.of(0), List.of(
                        new TableConstraint.ForeignKey("t_up_fkey", List.of(1), "public", "t", List.of(0),
                                Action.NO_ACTION, Action.NO_ACTION))));
        t.commit();
        sql.update("insert into p values (1, 'one'), (2, 'two'), (3, 'three')");
    }

    private static ColumnInfo column(String name, PgType type, boolean notNull) {
        return new ColumnInfo(name, ColumnType.of(type), notNull);
    }

    private PgException fails(String statement) {
        return assertThrows(PgException.class, () -> sql.update(statement));
    }

    @Test
    void a_referencing_row_needs_its_key_unless_the_key_has_a_null() {
        sql.update("insert into c values (1, 1, 2, 'three'), (2, null, null, null)");
        PgException e = fails("insert into c values (3, 9, 1, 'one')");
        assertEquals(SqlState.FOREIGN_KEY_VIOLATION, e.sqlState());
        assertEquals("insert or update on table \"c\" violates foreign key constraint \"c_p_id_fkey\"", e.getMessage());
        assertEquals("Key (p_id)=(9) is not present in table \"p\".", e.detail());
        PgException unique = fails("update c set z = 'nine' where id = 1");
        assertEquals("insert or update on table \"c\" violates foreign key constraint \"c_z_fkey\"", unique.getMessage());
        assertEquals("Key (z)=(nine) is not present in table \"p\".", unique.detail());
        assertEquals(List.of(List.of(1, 1L, 2, "three"), Arrays.asList(2, null, null, null)),
                sql.rows("select * from c order by id"));
    }

    @Test
    void deleting_a_referenced_row_fails_cascades_or_sets_null_as_each_key_says() {
        sql.update("insert into c values (1, 1, 2, 'three'), (2, null, 2, null), (3, null, null, 'three')");
        PgException e = fails("delete from p where id = 1");
        assertEquals("update or delete on table \"p\" violates foreign key constraint \"c_p_id_fkey\" on table \"c\"",
                e.getMessage());
        assertEquals("Key (id)=(1) is still referenced from table \"c\".", e.detail());
        assertEquals(1L, sql.update("delete from p where id = 2"));
        assertEquals(List.of(Arrays.asList(3, null, null, "three")), sql.rows("select * from c order by id"),
                "ON DELETE CASCADE took rows 1 and 2 along");
        assertEquals(1L, sql.update("delete from p where id = 3"));
        assertEquals(List.of(Arrays.asList(3, null, null, null)), sql.rows("select * from c order by id"),
                "ON DELETE SET NULL");
    }

    @Test
    void changing_a_referenced_key_cascades_or_is_restricted() {
        sql.update("insert into c values (1, null, 2, 'one')");
        sql.update("update p set id = 20 where id = 2");
        assertEquals(List.of(List.of(1, 20)), sql.rows("select id, w from c"), "ON UPDATE CASCADE");
        PgException e = fails("update p set e = 'uno' where id = 1");
        assertEquals("update or delete on table \"p\" violates foreign key constraint \"c_z_fkey\" on table \"c\"",
                e.getMessage());
        assertEquals("Key (e)=(one) is still referenced from table \"c\".", e.detail());
        assertEquals(1L, sql.update("update p set e = 'uno' where id = 3"), "an unreferenced key may change");
    }

    @Test
    void no_action_is_checked_when_the_statement_ends() {
        sql.update("insert into t values (1, null), (2, 1), (3, 2)");
        PgException e = fails("delete from t where id = 1");
        assertEquals("Key (id)=(1) is still referenced from table \"t\".", e.detail());
        assertEquals(3L, sql.update("delete from t"), "the whole chain goes in one statement");
        assertEquals(List.of(), sql.rows("select * from t"));
    }
}
