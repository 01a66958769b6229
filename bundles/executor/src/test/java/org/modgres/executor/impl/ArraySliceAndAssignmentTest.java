package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/** Array slices a[l:u] and UPDATE's SET a[i] = v, with the results PostgreSQL 15 gives. */
class ArraySliceAndAssignmentTest {

    private final SqlHarness sql = new SqlHarness();

    @Test
    void slicesClampTheirBoundsToTheArray() {
        assertEquals(List.of(2, 3), sql.value("select (array[1,2,3])[2:3]"));
        assertEquals(List.of(1, 2), sql.value("select (array[1,2,3])[:2]"));
        assertEquals(List.of(2, 3), sql.value("select (array[1,2,3])[2:]"));
        assertEquals(List.of(1, 2, 3), sql.value("select (array[1,2,3])[0:10]"));
        assertEquals(List.of(), sql.value("select (array[1,2,3])[3:2]"));
        assertNull(sql.value("select (array[1,2,3])[null:2]"));
    }

    @Test
    void slicesOfColumns() {
        sql.execute("create table s (id int primary key, a int[], t text[])");
        sql.execute("insert into s values (1, '{1,2,3,4}', '{x,y}'), (2, null, '{}')");
        assertEquals(List.of(List.of(1, 2), List.of(2, 3, 4), List.of("x")),
                sql.rows("select a[:2], a[2:], t[1:1] from s where id = 1").get(0));
        assertEquals(Arrays.asList(null, List.of()), sql.rows("select a[1:2], t[1:2] from s where id = 2").get(0));
    }

    @Test
    void elementAssignmentReplacesOrExtends() {
        sql.execute("create table u (id int primary key, a int[], b bigint[])");
        sql.execute("insert into u values (1, '{1,2,3,4}', '{10}'), (2, null, null)");
        sql.execute("update u set a[1] = 5, b[3] = 7 where id = 1");
        assertEquals(List.of(List.of(5, 2, 3, 4), Arrays.asList(10L, null, 7L)),
                sql.rows("select a, b from u where id = 1").get(0));
        sql.execute("update u set a[6] = 9 where id = 1");
        assertEquals(Arrays.asList(5, 2, 3, 4, null, 9), sql.value("select a from u where id = 1"));
        sql.execute("update u set a[1] = 7, a[3] = 9 where id = 2");
        assertEquals(Arrays.asList(7, null, 9), sql.value("select a from u where id = 2"));
    }

    @Test
    void nullSubscriptInAssignmentIsAnError() {
        sql.execute("create table n (id int primary key, a int[])");
        sql.execute("insert into n values (1, '{1}')");
        PgException e = assertThrows(PgException.class, () -> sql.execute("update n set a[null] = 1"));
        assertEquals(SqlState.NULL_VALUE_NOT_ALLOWED, e.sqlState());
        assertEquals("array subscript in assignment must not be null", e.getMessage());
    }
}
