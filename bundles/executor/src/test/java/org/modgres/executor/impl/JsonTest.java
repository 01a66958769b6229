package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.type.PgJson;
import org.modgres.api.type.PgJsonb;

/** json and jsonb values, operators, functions, aggregates and set-returning functions, as PostgreSQL 15 computes them. */
class JsonTest {

    private final SqlHarness sql = new SqlHarness();

    private String text(String query) {
        Object value = sql.value(query);
        return value == null ? null : value.toString();
    }

    @Test
    void castsReadAndPrintJson() {
        assertEquals(PgJson.parse("{\"b\":1,  \"a\":2}"), sql.value("select '{\"b\":1,  \"a\":2}'::json"));
        assertEquals("{\"a\": 2, \"b\": 3}", text("select '{\"b\":1, \"a\":2, \"b\":3}'::jsonb"));
        assertEquals("{\"a\": 1}", sql.value("select '{\"a\":1}'::jsonb::text"));
        assertEquals("{\"a\": 1}", text("select '{\"a\":1}'::json::jsonb"));
        PgException error = assertThrows(PgException.class, () -> sql.query("select x::jsonb from (values ('[1,')) v(x)"));
        assertEquals(SqlState.INVALID_TEXT_REPRESENTATION, error.sqlState());
        assertEquals("The input string ended unexpectedly.", error.detail());
    }

    @Test
    void operatorsNavigateAndTest() {
        assertEquals("20", text("select '{\"a\": {\"b\": [10, 20]}}'::jsonb -> 'a' -> 'b' -> 1"));
        assertEquals("[10,20]", text("select '{\"a\": {\"b\": [10,20]}}'::json -> 'a' -> 'b'"));
        assertEquals("x", sql.value("select '{\"a\": \"x\"}'::jsonb ->> 'a'"));
        assertEquals("c", sql.value("select '{\"a\": {\"b\": \"c\"}}'::jsonb #>> '{a,b}'"));
        assertNull(sql.value("select '{\"a\": 1}'::jsonb -> 'z'"));
        assertEquals(true, sql.value("select '{\"a\":1, \"b\":[1,2]}'::jsonb @> '{\"b\":[2]}'"));
        assertEquals(false, sql.value("select '{\"a\":1}'::jsonb <@ '{\"b\":1}'"));
        assertEquals(true, sql.value("select '[\"a\"]'::jsonb ? 'a'"));
        assertEquals(List.of(true, false), sql.rows("select '{\"a\":1}'::jsonb ?| '{a,b}', '{\"a\":1}'::jsonb ?& '{a,b}'")
                .getFirst());
        assertEquals("{\"a\": 1, \"b\": 2}", text("select '{\"a\":1}'::jsonb || '{\"b\":2}'::jsonb"));
        assertEquals("[2]", text("select '[1, 2]'::jsonb - 0"));
        assertEquals("{\"a\": {}}", text("select '{\"a\": {\"b\": 1}}'::jsonb #- '{a,b}'"));
    }

    @Test
    void functionsBuildAndInspect() {
        assertEquals("{\"a\" : 1, \"b\" : \"x\"}", text("select json_build_object('a', 1, 'b', 'x')"));
        assertEquals("{\"a\": 1, \"b\": [1, null]}", text("select jsonb_build_object('b', jsonb_build_array(1, null), 'a', 1)"));
        assertEquals("\"2024-02-29T10:11:12\"", text("select to_json(timestamp '2024-02-29 10:11:12')"));
        assertEquals("object", sql.value("select jsonb_typeof('{}')"));
        assertEquals(3, sql.value("select jsonb_array_length('[1, 2, 3]')"));
        assertEquals("{\"a\": {\"b\": 2}}", text("select jsonb_set('{\"a\": {\"b\": 1}}', '{a,b}', '2')"));
        assertEquals("{\"a\": [{}]}", text("select jsonb_strip_nulls('{\"a\": [{\"b\": null}], \"c\": null}')"));
        assertEquals("[\n    1\n]", sql.value("select jsonb_pretty('[1]')"));
        PgException odd = assertThrows(PgException.class, () -> sql.query("select json_build_object('a')"));
        assertEquals(SqlState.INVALID_PARAMETER_VALUE, odd.sqlState());
    }

    @Test
    void columnsSortGroupAndAggregate() {
        sql.execute("create table docs (id int primary key, doc jsonb)");
        sql.execute("insert into docs values (1, '{\"n\": 2}'), (2, '[1]'), (3, '{\"n\": 2.0}'), (4, null)");
        assertEquals(List.of(List.of(2), List.of(1), List.of(3)),
                sql.rows("select id from docs where doc is not null order by doc, id"));
        assertEquals(2L, sql.value("select count(*) from (select distinct doc from docs where doc is not null) d"));
        assertEquals("[{\"n\": 2}, [1], {\"n\": 2.0}, null]",
                text("select jsonb_agg(doc) from (select * from docs order by id limit 10) d"));
        assertEquals("{ \"1\" : {\"n\": 2} }", text("select json_object_agg(id, doc) from docs where id = 1"));
        assertEquals(PgJsonb.parse("{\"n\": 2}"), sql.stored("docs").getFirst().get(1));
    }

    @Test
    void setReturningFunctionsInFrom() {
        assertEquals(List.of(List.of("a", "1"), List.of("b", "x")),
                sql.rows("select e.key, e.value from jsonb_each_text('{\"b\": \"x\", \"a\": 1}') e"));
        assertEquals(3L, sql.value("select count(*) from jsonb_array_elements('[1, 2, 3]')"));
        assertEquals(List.of(List.of("b"), List.of("a")), sql.rows("select * from json_object_keys('{\"b\": 1, \"a\": 2}')"));
        PgException scalar = assertThrows(PgException.class, () -> sql.query("select * from jsonb_array_elements('1')"));
        assertEquals("cannot extract elements from a scalar", scalar.getMessage());
    }
}
