package org.modgres.pgcatalog.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * information_schema.routines and parameters, and regproc input, as PostgreSQL 15 answers them
 * (expected rows printed by it).
 */
class RoutineViewsTest {

    private final CatalogHarness sql = new CatalogHarness();

    @Test
    void routinesDescribeResultTypesAndBehaviour() {
        assertEquals(List.of("lower|anyelement", "lower|anyelement", "lower|text", "now|timestamp with time zone"),
                sql.lines("select routine_name, data_type from information_schema.routines "
                        + "where routine_name in ('lower','now') order by 1, 2"));
        assertEquals(List.of("array_position|FUNCTION|integer|int4|YES|NO|array_position|INTERNAL",
                        "concat|FUNCTION|text|text|NO|NO|text_concat|INTERNAL",
                        "count||bigint|int8|YES|NO|aggregate_dummy|INTERNAL",
                        "current_schemas|FUNCTION|ARRAY|_name|NO|YES|current_schemas|INTERNAL",
                        "generate_series|FUNCTION|integer|int4|YES|YES|generate_series_int4|INTERNAL",
                        "now|FUNCTION|timestamp with time zone|timestamptz|NO|YES|now|INTERNAL"),
                sql.lines("select routine_name, routine_type, data_type, type_udt_name, is_deterministic, "
                        + "is_null_call, routine_definition, external_language from information_schema.routines "
                        + "where specific_name in ('count_2147', 'generate_series_1067', 'now_1299', "
                        + "'array_position_3277', 'current_schemas_1403', 'concat_3058') order by 1"));
    }

    @Test
    void parametersListEachArgument() {
        assertEquals(List.of("array_length_2176|1|IN|NO|anyarray|anyarray|1|",
                        "array_length_2176|2|IN|NO|integer|int4|2|",
                        "concat_3058|1|IN|NO|\"any\"|any|1|",
                        "lower_870|1|IN|NO|text|text|1|",
                        "substr_877|1|IN|NO|text|text|1|",
                        "substr_877|2|IN|NO|integer|int4|2|",
                        "substr_877|3|IN|NO|integer|int4|3|"),
                sql.lines("select specific_name, ordinal_position, parameter_mode, is_result, data_type, udt_name, "
                        + "dtd_identifier, parameter_name from information_schema.parameters "
                        + "where specific_name in ('lower_870', 'substr_877', 'array_length_2176', 'concat_3058') "
                        + "order by 1, 2"));
    }

    @Test
    void regprocReadsAFunctionNameAsItsOid() {
        assertEquals(List.of("now|1299|now"),
                sql.lines("select 'now'::regproc, 'pg_catalog.now'::regproc::oid, '1299'::regproc"));
        assertEquals(List.of("1299|version|_int4"), sql.lines("select 'now'::regproc::oid, "
                + "(select proname from pg_proc where oid = 'version'::regproc::oid), "
                + "(select typname from pg_type where typinput = 'pg_catalog.array_in'::regproc and typname = '_int4')"));
        PgException unknown = assertThrows(PgException.class, () -> sql.query("select 'xyz'::regproc"));
        assertEquals(SqlState.UNDEFINED_FUNCTION, unknown.sqlState());
        assertEquals("function \"xyz\" does not exist", unknown.getMessage());
        PgException ambiguous = assertThrows(PgException.class,
                () -> sql.query("select 'pg_catalog.lower'::regproc::oid"));
        assertEquals(SqlState.AMBIGUOUS_FUNCTION, ambiguous.sqlState());
        assertEquals("more than one function named \"pg_catalog.lower\"", ambiguous.getMessage());
    }
}
