package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/** SELECT DISTINCT ON, with results computed by PostgreSQL 15 for the same data. */
class DistinctOnTest {

    private final SqlHarness sql = new SqlHarness();

    @BeforeEach
    void tables() {
        sql.update("create table emp (id integer primary key, dept integer, name text, salary numeric(8, 2))");
        sql.update("insert into emp values (1, 10, 'ann', 300), (2, 10, 'bob', 200), (3, 20, 'cy', 200),"
                + " (4, 10, 'dee', 200), (5, 20, 'eve', 500), (6, null, 'fay', 100)");
    }

    @Test
    void firstRowOfEachGroupInOrderByOrder() {
        assertEquals(List.of(List.of(10, "ann", new BigDecimal("300.00")), List.of(20, "eve", new BigDecimal("500.00")),
                        Arrays.asList(null, "fay", new BigDecimal("100.00"))),
                sql.rows("select distinct on (dept) dept, name, salary from emp order by dept, salary desc, name"));
    }

    @Test
    void withoutOrderByTheGroupsComeInKeyOrder() {
        assertEquals(List.of(List.of(10), List.of(20), Arrays.asList((Object) null)),
                sql.rows("select distinct on (dept) dept from emp"));
    }

    @Test
    void expressionsPositionsAndLimitParameters() {
        assertEquals(List.of(List.of(false, 6), List.of(true, 5)),
                sql.rows("select distinct on (salary > 150) salary > 150 as big, id from emp order by big, id desc"));
        assertEquals(List.of(List.of(10, 4)),
                sql.rows("select distinct on (1) dept, id from emp order by 1, 2 desc limit $1", 1L));
    }

    @Test
    void orderByMustStartWithTheKeys() {
        PgException e = assertThrows(PgException.class,
                () -> sql.rows("select distinct on (dept) dept, name from emp order by name, dept"));
        assertEquals(SqlState.INVALID_COLUMN_REFERENCE, e.sqlState());
        assertEquals(21, e.position());
    }
}
