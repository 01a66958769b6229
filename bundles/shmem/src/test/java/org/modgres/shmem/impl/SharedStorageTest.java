package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.RowScan;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;
import org.junit.jupiter.api.Test;

class SharedStorageTest {

    private final SharedStorageImpl storage = new SharedStorageImpl();

    private static TableDefinition accounts() {
        return new TableDefinition("public", "accounts",
                List.of(new ColumnInfo("id", ColumnType.of(PgType.INT4), true),
                        new ColumnInfo("balance", ColumnType.numeric(10, 2), false)),
                List.of(0));
    }

    private static List<Object[]> rows(TableAccess table) {
        List<Object[]> rows = new ArrayList<>();
        try (RowScan scan = table.scan()) {
            while (scan.next()) {
                rows.add(scan.row());
            }
        }
        return rows;
    }

    @Test
    void committed_rows_are_seen_by_later_transactions() {
        Transaction t1 = storage.begin();
        t1.createTable(accounts());
        t1.table("public", "accounts").insert(new Object[] {1, new BigDecimal("10.00")});
        t1.commit();

        List<Object[]> rows = rows(storage.begin().table("public", "accounts"));
        assertEquals(1, rows.size());
        assertArrayEquals(new Object[] {1, new BigDecimal("10.00")}, rows.get(0));
    }

    @Test
    void duplicate_primary_key_is_refused_with_23505_and_its_detail() {
        Transaction t = storage.begin();
        t.createTable(accounts());
        TableAccess table = t.table("public", "accounts");
        table.insert(new Object[] {1, null});
        PgException e = assertThrows(PgException.class, () -> table.insert(new Object[] {1, null}));
        assertEquals(SqlState.UNIQUE_VIOLATION, e.sqlState());
        assertEquals("duplicate key value violates unique constraint \"accounts_pkey\"", e.getMessage());
        assertEquals("Key (id)=(1) already exists.", e.detail());
    }

    @Test
    void null_in_not_null_column_is_refused_with_23502() {
        Transaction t = storage.begin();
        t.createTable(accounts());
        PgException e = assertThrows(PgException.class,
                () -> t.table("public", "accounts").insert(new Object[] {null, null}));
        assertEquals(SqlState.NOT_NULL_VIOLATION, e.sqlState());
        assertEquals("Failing row contains (null, null).", e.detail());
        PgException withValues = assertThrows(PgException.class,
                () -> t.table("public", "accounts").insert(new Object[] {null, new BigDecimal("2.50")}));
        assertEquals("Failing row contains (null, 2.50).", withValues.detail());
    }

    @Test
    void rollback_undoes_inserts_updates_deletes_and_ddl() {
        Transaction setup = storage.begin();
        setup.createTable(accounts());
        TableAccess table = setup.table("public", "accounts");
        table.insert(new Object[] {1, new BigDecimal("1.00")});
        table.insert(new Object[] {2, new BigDecimal("2.00")});
        setup.commit();

        Transaction t = storage.begin();
        TableAccess access = t.table("public", "accounts");
        try (RowScan scan = access.scan()) {
            assertTrue(scan.next());
            access.update(scan.rowId(), new Object[] {1, new BigDecimal("9.00")});
            assertTrue(scan.next());
            access.delete(scan.rowId());
        }
        access.insert(new Object[] {3, null});
        t.createTable(new TableDefinition("public", "scratch", List.of(), List.of()));
        t.rollback();

        List<Object[]> rows = rows(storage.begin().table("public", "accounts"));
        assertEquals(2, rows.size());
        assertArrayEquals(new Object[] {1, new BigDecimal("1.00")}, rows.get(0));
        assertArrayEquals(new Object[] {2, new BigDecimal("2.00")}, rows.get(1));
        assertTrue(storage.catalog().table("public", "scratch").isEmpty());
        // the restored key is still unique
        PgException e = assertThrows(PgException.class,
                () -> storage.begin().table("public", "accounts").insert(new Object[] {2, null}));
        assertEquals(SqlState.UNIQUE_VIOLATION, e.sqlState());
    }

    @Test
    void missing_and_duplicate_tables_have_postgres_errors() {
        Transaction t = storage.begin();
        assertEquals(SqlState.UNDEFINED_TABLE,
                assertThrows(PgException.class, () -> t.table("public", "nope")).sqlState());
        t.createTable(accounts());
        assertEquals(SqlState.DUPLICATE_TABLE,
                assertThrows(PgException.class, () -> t.createTable(accounts())).sqlState());
        long before = storage.catalog().version();
        t.dropTable("public", "accounts");
        assertTrue(storage.catalog().version() > before);
    }
}
