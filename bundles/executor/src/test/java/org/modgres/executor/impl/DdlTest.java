package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.exec.RowCursor;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

class DdlTest {

    private final SqlHarness sql = new SqlHarness();

    private List<String> tableNames() {
        return sql.storage.catalog().tables(Catalog.DEFAULT_SCHEMA).stream().map(TableInfo::name).toList();
    }

    @Test
    void createsAndDropsTables() {
        try (RowCursor cursor = sql.run("create table t (id integer primary key)")) {
            assertNull(cursor.next());
        }
        TableInfo created = sql.storage.catalog().table(Catalog.DEFAULT_SCHEMA, "t").orElseThrow();
        assertEquals(List.of(new ColumnInfo("id", ColumnType.of(PgType.INT4), true)), created.columns());
        assertEquals(List.of(0), created.primaryKey());
        sql.update("drop table t");
        assertEquals(List.of(), tableNames());
        assertEquals(List.of(), sql.lastContext.notices);
    }

    @Test
    void createIfNotExistsSkipsWithANotice() {
        sql.update("create table t (id integer primary key)");
        sql.update("create table if not exists t (id integer primary key)");
        assertEquals(List.of("relation \"t\" already exists, skipping"), sql.lastContext.notices);
        PgException e = assertThrows(PgException.class, () -> sql.update("create table t (id integer primary key)"));
        assertEquals(SqlState.DUPLICATE_TABLE, e.sqlState());
    }

    @Test
    void dropIfExistsSkipsMissingTablesWithANotice() {
        sql.update("create table a (id integer primary key)");
        sql.update("drop table if exists missing, a");
        assertEquals(List.of("table \"missing\" does not exist, skipping"), sql.lastContext.notices);
        assertEquals(List.of(), tableNames());
    }

    @Test
    void dropOfAMissingTableFails() {
        PgException e = assertThrows(PgException.class, () -> sql.update("drop table missing"));
        assertEquals(SqlState.UNDEFINED_TABLE, e.sqlState());
        assertEquals("table \"missing\" does not exist", e.getMessage());
    }
}
