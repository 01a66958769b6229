package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/** Array columns, casts, operators and functions, with the results PostgreSQL 15 gives. */
class ArrayTest {

    private final SqlHarness sql = new SqlHarness();

    @Test
    void arrayColumnsOfEveryKindStoreAndReadBack() {
        sql.execute("create table a (id int primary key, i int[], t text[], f float8[], n numeric(4,1)[], "
                + "v varchar(2)[], b bool[], d date[])");
        sql.execute("insert into a values (1, '{1,NULL,3}', '{\"a b\",NULL}', '{1.5}', '{1.25}', '{ab}', '{t}', "
                + "'{2024-01-02}')");
        Object[] row = sql.query("select i, t, f, n, v, b, d from a").get(0);
        assertEquals(Arrays.asList(1, null, 3), row[0]);
        assertEquals(Arrays.asList("a b", null), row[1]);
        assertEquals(List.of(1.5), row[2]);
        assertEquals(List.of(new BigDecimal("1.3")), row[3]);
        assertEquals(List.of("ab"), row[4]);
        assertEquals(List.of(true), row[5]);
        assertEquals(List.of(java.time.LocalDate.of(2024, 1, 2)), row[6]);
        PgException e = assertThrows(PgException.class, () -> sql.execute("insert into a (id, v) values (2, '{abc}')"));
        assertEquals(SqlState.STRING_DATA_RIGHT_TRUNCATION, e.sqlState());
    }

    @Test
    void jsonAndJsonbArrayColumnsStoreTheirElements() {
        sql.execute("create table ja (a jsonb[], b json[])");
        sql.execute("insert into ja values ('{\"{\\\"b\\\":1, \\\"a\\\":2}\",NULL}', '{\"[1,2]\"}')");
        Object[] row = sql.query("select a, b, a[1] from ja").get(0);
        assertEquals(Arrays.asList(org.modgres.api.type.PgJsonb.parse("{\"a\": 2, \"b\": 1}"), null), row[0]);
        assertEquals("[[1,2]]", row[1].toString());
        assertEquals(org.modgres.api.type.PgJsonb.parse("{\"a\": 2, \"b\": 1}"), row[2]);
    }

    @Test
    void castsReadTextAndConvertEachElement() {
        assertEquals(List.of("1", "2"), sql.value("select ARRAY[1,2]::text[]"));
        assertEquals(List.of(1, 2), sql.value("select '{1,2}'::text[]::int[]"));
        assertEquals(List.of(2L, 2L), sql.value("select '{1.5,2.25}'::float8[]::int8[]"));
        assertEquals(List.of("ab"), sql.value("select '{abc}'::varchar(2)[]"));
        assertEquals(List.of(), sql.value("select '{}'::int[]"));
        PgException e = assertThrows(PgException.class, () -> sql.value("select s::int[] from (values ('{1')) v(s)"));
        assertEquals(SqlState.INVALID_TEXT_REPRESENTATION, e.sqlState());
        assertEquals("malformed array literal: \"{1\"", e.getMessage());
    }

    @Test
    void comparisonsAreElementWise() {
        assertEquals(true, sql.value("select ARRAY[1,2] < ARRAY[1,3]"));
        assertEquals(true, sql.value("select ARRAY[1,2] < ARRAY[1,2,0]"));
        assertEquals(true, sql.value("select ARRAY[1,2] = ARRAY[1,2]"));
        assertEquals(true, sql.value("select ARRAY[1] < ARRAY[NULL::int]"));
    }

    @Test
    void containmentOverlapAndConcatenation() {
        assertEquals(true, sql.value("select ARRAY[1,2,3] @> ARRAY[3,1]"));
        assertEquals(false, sql.value("select ARRAY[1,NULL] @> ARRAY[NULL::int]"));
        assertEquals(true, sql.value("select ARRAY[1,2] <@ ARRAY[2,1,5]"));
        assertEquals(true, sql.value("select ARRAY[1,2] && ARRAY[2,7]"));
        assertEquals(false, sql.value("select ARRAY[1,2] && ARRAY[7]"));
        assertEquals(List.of(1, 2, 3), sql.value("select ARRAY[1,2] || 3"));
        assertEquals(List.of(0, 1, 2), sql.value("select 0 || ARRAY[1,2]"));
        assertEquals(List.of(1, 2, 3), sql.value("select ARRAY[1] || ARRAY[2,3]"));
    }

    @Test
    void arrayFunctions() {
        assertEquals(2, sql.value("select cardinality(ARRAY[1,2])"));
        assertEquals(List.of(1, 2, 3), sql.value("select array_append(ARRAY[1,2], 3)"));
        assertEquals(List.of(0, 1), sql.value("select array_prepend(0, ARRAY[1])"));
        assertEquals(List.of(1, 2), sql.value("select array_cat(ARRAY[1], ARRAY[2])"));
        assertEquals(List.of(2), sql.value("select array_remove(ARRAY[1,2,1], 1)"));
        assertEquals(List.of(9, 2, 9), sql.value("select array_replace(ARRAY[1,2,1], 1, 9)"));
        assertEquals(List.of(1, 3), sql.value("select array_positions(ARRAY[1,2,1], 1)"));
        assertNull(sql.value("select array_positions(null::int[], 1)"));
    }

    @Test
    void arrayAggKeepsOrderAndNulls() {
        assertEquals(Arrays.asList(3, null, 1),
                sql.value("select array_agg(x order by y) from (values (1, 3), (null, 2), (3, 1)) v(x, y)"));
        assertNull(sql.value("select array_agg(x) from (values (1)) v(x) where x > 5"));
    }
}
