package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/** ALTER TABLE's ADD CONSTRAINT, DROP CONSTRAINT and SET / DROP NOT NULL in the storage. */
class AlterConstraintTest extends DataDirectoryTestBase {

    private static final ColumnType INT = ColumnType.of(PgType.INT4);

    private static void createParentAndChild(Transaction t) {
        t.createTable(new TableDefinition("public", "parent", List.of(new ColumnInfo("id", INT, true)), List.of(0)));
        t.createTable(new TableDefinition("public", "child",
                List.of(new ColumnInfo("id", INT, false), new ColumnInfo("parent", INT, false)), List.of()));
        t.table("public", "parent").insert(new Object[] {1});
        t.table("public", "child").insert(new Object[] {1, 1});
        t.table("public", "child").insert(new Object[] {2, null});
    }

    private static TableConstraint.ForeignKey childToParent() {
        return new TableConstraint.ForeignKey("child_parent_fkey", List.of(1), "public", "parent", List.of(0),
                TableConstraint.Action.NO_ACTION, TableConstraint.Action.NO_ACTION);
    }

    @Test
    void added_constraints_and_not_null_survive_a_crash_and_a_checkpoint() throws IOException {
        StorageEngine engine = start();
        Transaction t = engine.begin();
        createParentAndChild(t);
        t.addConstraint("public", "child", new TableConstraint.Unique("child_id_key", List.of(0)));
        t.addConstraint("public", "child", new TableConstraint.Check("child_id_check", "id > 0"));
        t.addConstraint("public", "child", childToParent());
        t.setNotNull("public", "child", "id", true);
        t.commit();

        StorageEngine recovered = restartAfterCrash(engine);
        TableInfo child = recovered.catalog().table("public", "child").orElseThrow();
        assertEquals(List.of("child_id_key", "child_id_check", "child_parent_fkey"),
                child.constraints().stream().map(TableConstraint::name).toList());
        assertTrue(child.columns().getFirst().notNull());
        assertTrue(recovered.checkpoint());
        StorageEngine again = restartAfterCrash(recovered);
        Transaction duplicate = again.begin();
        PgException e = assertThrows(PgException.class,
                () -> duplicate.table("public", "child").insert(new Object[] {1, null}));
        assertEquals(SqlState.UNIQUE_VIOLATION, e.sqlState());
        duplicate.rollback();
    }

    @Test
    void a_rollback_takes_added_and_dropped_constraints_back() throws IOException {
        StorageEngine engine = start();
        Transaction setup = engine.begin();
        createParentAndChild(setup);
        setup.addConstraint("public", "child", childToParent());
        setup.commit();

        Transaction t = engine.begin();
        t.addConstraint("public", "child", new TableConstraint.Unique("child_id_key", List.of(0)));
        assertEquals(List.of("child_parent_fkey"), t.dropConstraint("public", "parent", "parent_pkey", true)
                .stream().map(s -> s.replace("constraint ", "").replace(" on table child", "")).toList());
        assertTrue(engine.catalog().table("public", "parent").orElseThrow().primaryKey().isEmpty());
        t.rollback();

        assertEquals(List.of(0), engine.catalog().table("public", "parent").orElseThrow().primaryKey());
        assertEquals(List.of("child_parent_fkey"), engine.catalog().table("public", "child").orElseThrow()
                .constraints().stream().map(TableConstraint::name).toList());
    }

    @Test
    void refusals_name_what_is_wrong() throws IOException {
        StorageEngine engine = start();
        Transaction t = engine.begin();
        createParentAndChild(t);
        t.table("public", "child").insert(new Object[] {1, 1});
        t.addConstraint("public", "child", childToParent());

        PgException duplicates = assertThrows(PgException.class, () -> t.addConstraint("public", "child",
                new TableConstraint.Unique("child_id_key", List.of(0))));
        assertEquals(SqlState.UNIQUE_VIOLATION, duplicates.sqlState());
        assertEquals("Key (id)=(1) is duplicated.", duplicates.detail());
        PgException taken = assertThrows(PgException.class, () -> t.addConstraint("public", "child",
                new TableConstraint.Check("child_parent_fkey", "id > 0")));
        assertEquals(SqlState.DUPLICATE_OBJECT, taken.sqlState());
        PgException nulls = assertThrows(PgException.class, () -> t.setNotNull("public", "child", "parent", true));
        assertEquals(SqlState.NOT_NULL_VIOLATION, nulls.sqlState());
        PgException needed = assertThrows(PgException.class,
                () -> t.dropConstraint("public", "parent", "parent_pkey", false));
        assertEquals(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, needed.sqlState());
        assertEquals("constraint child_parent_fkey on table child depends on index parent_pkey", needed.detail());
        PgException missing = assertThrows(PgException.class,
                () -> t.dropConstraint("public", "child", "nothing", false));
        assertEquals(SqlState.UNDEFINED_OBJECT, missing.sqlState());
        PgException keyColumn = assertThrows(PgException.class, () -> t.setNotNull("public", "parent", "id", false));
        assertEquals(SqlState.INVALID_TABLE_DEFINITION, keyColumn.sqlState());
        assertFalse(engine.catalog().table("public", "child").orElseThrow().columns().get(1).notNull());
        t.rollback();
    }
}
