package org.modgres.pgcatalog.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The rows of pg_proc for the PostgreSQL 15 functions Modgres runs natively in its planner and
 * executor (string, math and array functions, aggregates, window functions, generate_series) and
 * for its catalog functions, with PostgreSQL's OIDs and signatures.
 */
final class BuiltinFunctions {

    /**
     * One function: its OID, name, kind (f, a or w), whether it returns a set, result type,
     * argument types, strictness, volatility and C symbol.
     */
    record Function(long oid, String name, String kind, boolean returnsSet, long resultType, List<Long> argumentTypes,
                    boolean strict, String volatility, String source) {
    }

    // oid|proname|prokind|proretset|prorettype|proargtypes|proisstrict|provolatile|prosrc
    private static final String TABLE = """
            1394|abs|f|f|700|700|t|i|float4abs
            1395|abs|f|f|701|701|t|i|float8abs
            1396|abs|f|f|20|20|t|i|int8abs
            1397|abs|f|f|23|23|t|i|int4abs
            1398|abs|f|f|21|21|t|i|int2abs
            1705|abs|f|f|1700|1700|t|i|numeric_abs
            2176|array_length|f|f|23|2277 23|t|i|array_length
            2091|array_lower|f|f|23|2277 23|t|i|array_lower
            3277|array_position|f|f|23|5078 5077|f|i|array_position
            3278|array_position|f|f|23|5078 5077 23|f|i|array_position_start
            384|array_to_string|f|f|25|2277 25 25|f|s|array_to_text_null
            395|array_to_string|f|f|25|2277 25|t|s|array_to_text
            2092|array_upper|f|f|23|2277 23|t|i|array_upper
            2100|avg|a|f|1700|20|f|i|aggregate_dummy
            2101|avg|a|f|1700|23|f|i|aggregate_dummy
            2102|avg|a|f|1700|21|f|i|aggregate_dummy
            2103|avg|a|f|1700|1700|f|i|aggregate_dummy
            2104|avg|a|f|701|700|f|i|aggregate_dummy
            2105|avg|a|f|701|701|f|i|aggregate_dummy
            2106|avg|a|f|1186|1186|f|i|aggregate_dummy
            2517|bool_and|a|f|16|16|f|i|aggregate_dummy
            2518|bool_or|a|f|16|16|f|i|aggregate_dummy
            884|btrim|f|f|25|25 25|t|i|btrim
            885|btrim|f|f|25|25|t|i|btrim1
            2015|btrim|f|f|17|17 17|t|i|byteatrim
            1711|ceil|f|f|1700|1700|t|i|numeric_ceil
            2308|ceil|f|f|701|701|t|i|dceil
            1372|char_length|f|f|23|1042|t|i|bpcharlen
            1381|char_length|f|f|23|25|t|i|textlen
            1216|col_description|f|f|25|26 23|t|s|
            3058|concat|f|f|25|2276|f|s|text_concat
            2147|count|a|f|20|2276|f|i|aggregate_dummy
            2803|count|a|f|20||f|i|aggregate_dummy
            861|current_database|f|f|19||t|s|current_database
            1402|current_schema|f|f|19||t|s|current_schema
            1403|current_schemas|f|f|1003|16|t|s|current_schemas
            2077|current_setting|f|f|25|25|t|s|show_config_by_name
            3294|current_setting|f|f|25|25 16|t|s|show_config_by_name_missing_ok
            3102|dense_rank|w|f|20||f|i|window_dense_rank
            3992|dense_rank|a|f|20|2276|f|i|aggregate_dummy
            3112|first_value|w|f|2283|2283|t|i|window_first_value
            1712|floor|f|f|1700|1700|t|i|numeric_floor
            2309|floor|f|f|701|701|t|i|dfloor
            1081|format_type|f|f|25|26 23|f|s|format_type
            938|generate_series|f|t|1114|1114 1114 1186|t|i|generate_series_timestamp
            939|generate_series|f|t|1184|1184 1184 1186|t|s|generate_series_timestamptz
            1066|generate_series|f|t|23|23 23 23|t|i|generate_series_step_int4
            1067|generate_series|f|t|23|23 23|t|i|generate_series_int4
            1068|generate_series|f|t|20|20 20 20|t|i|generate_series_step_int8
            1069|generate_series|f|t|20|20 20|t|i|generate_series_int8
            3259|generate_series|f|t|1700|1700 1700 1700|t|i|generate_series_step_numeric
            3260|generate_series|f|t|1700|1700 1700|t|i|generate_series_numeric
            2250|has_database_privilege|f|f|16|19 25 25|t|s|has_database_privilege_name_name
            2251|has_database_privilege|f|f|16|19 26 25|t|s|has_database_privilege_name_id
            2252|has_database_privilege|f|f|16|26 25 25|t|s|has_database_privilege_id_name
            2253|has_database_privilege|f|f|16|26 26 25|t|s|has_database_privilege_id_id
            2254|has_database_privilege|f|f|16|25 25|t|s|has_database_privilege_name
            2255|has_database_privilege|f|f|16|26 25|t|s|has_database_privilege_id
            2268|has_schema_privilege|f|f|16|19 25 25|t|s|has_schema_privilege_name_name
            2269|has_schema_privilege|f|f|16|19 26 25|t|s|has_schema_privilege_name_id
            2270|has_schema_privilege|f|f|16|26 25 25|t|s|has_schema_privilege_id_name
            2271|has_schema_privilege|f|f|16|26 26 25|t|s|has_schema_privilege_id_id
            2272|has_schema_privilege|f|f|16|25 25|t|s|has_schema_privilege_name
            2273|has_schema_privilege|f|f|16|26 25|t|s|has_schema_privilege_id
            1922|has_table_privilege|f|f|16|19 25 25|t|s|has_table_privilege_name_name
            1923|has_table_privilege|f|f|16|19 26 25|t|s|has_table_privilege_name_id
            1924|has_table_privilege|f|f|16|26 25 25|t|s|has_table_privilege_id_name
            1925|has_table_privilege|f|f|16|26 26 25|t|s|has_table_privilege_id_id
            1926|has_table_privilege|f|f|16|25 25|t|s|has_table_privilege_name
            1927|has_table_privilege|f|f|16|26 25|t|s|has_table_privilege_id
            872|initcap|f|f|25|25|t|i|initcap
            3106|lag|w|f|2283|2283|t|i|window_lag
            3107|lag|w|f|2283|2283 23|t|i|window_lag_with_offset
            3108|lag|w|f|5077|5077 23 5077|t|i|window_lag_with_offset_and_default
            3113|last_value|w|f|2283|2283|t|i|window_last_value
            3109|lead|w|f|2283|2283|t|i|window_lead
            3110|lead|w|f|2283|2283 23|t|i|window_lead_with_offset
            3111|lead|w|f|5077|5077 23 5077|t|i|window_lead_with_offset_and_default
            3060|left|f|f|25|25 23|t|i|text_left
            1317|length|f|f|23|25|t|i|textlen
            1318|length|f|f|23|1042|t|i|bpcharlen
            1530|length|f|f|701|601|t|i|lseg_length
            1531|length|f|f|701|602|t|i|path_length
            1681|length|f|f|23|1560|t|i|bitlength
            1713|length|f|f|23|17 19|t|s|length_in_encoding
            2010|length|f|f|23|17|t|i|byteaoctetlen
            3711|length|f|f|23|3614|t|i|tsvector_length
            870|lower|f|f|25|25|t|i|lower
            3848|lower|f|f|2283|3831|t|i|range_lower
            4235|lower|f|f|2283|4537|t|i|multirange_lower
            875|ltrim|f|f|25|25 25|t|i|ltrim
            881|ltrim|f|f|25|25|t|i|ltrim1
            6195|ltrim|f|f|17|17 17|t|i|bytealtrim
            2050|max|a|f|2277|2277|f|i|aggregate_dummy
            2115|max|a|f|20|20|f|i|aggregate_dummy
            2116|max|a|f|23|23|f|i|aggregate_dummy
            2117|max|a|f|21|21|f|i|aggregate_dummy
            2118|max|a|f|26|26|f|i|aggregate_dummy
            2119|max|a|f|700|700|f|i|aggregate_dummy
            2120|max|a|f|701|701|f|i|aggregate_dummy
            2122|max|a|f|1082|1082|f|i|aggregate_dummy
            2123|max|a|f|1083|1083|f|i|aggregate_dummy
            2124|max|a|f|1266|1266|f|i|aggregate_dummy
            2125|max|a|f|790|790|f|i|aggregate_dummy
            2126|max|a|f|1114|1114|f|i|aggregate_dummy
            2127|max|a|f|1184|1184|f|i|aggregate_dummy
            2128|max|a|f|1186|1186|f|i|aggregate_dummy
            2129|max|a|f|25|25|f|i|aggregate_dummy
            2130|max|a|f|1700|1700|f|i|aggregate_dummy
            2244|max|a|f|1042|1042|f|i|aggregate_dummy
            2797|max|a|f|27|27|f|i|aggregate_dummy
            3526|max|a|f|3500|3500|f|i|aggregate_dummy
            3564|max|a|f|869|869|f|i|aggregate_dummy
            4189|max|a|f|3220|3220|f|i|aggregate_dummy
            5099|max|a|f|5069|5069|f|i|aggregate_dummy
            2051|min|a|f|2277|2277|f|i|aggregate_dummy
            2131|min|a|f|20|20|f|i|aggregate_dummy
            2132|min|a|f|23|23|f|i|aggregate_dummy
            2133|min|a|f|21|21|f|i|aggregate_dummy
            2134|min|a|f|26|26|f|i|aggregate_dummy
            2135|min|a|f|700|700|f|i|aggregate_dummy
            2136|min|a|f|701|701|f|i|aggregate_dummy
            2138|min|a|f|1082|1082|f|i|aggregate_dummy
            2139|min|a|f|1083|1083|f|i|aggregate_dummy
            2140|min|a|f|1266|1266|f|i|aggregate_dummy
            2141|min|a|f|790|790|f|i|aggregate_dummy
            2142|min|a|f|1114|1114|f|i|aggregate_dummy
            2143|min|a|f|1184|1184|f|i|aggregate_dummy
            2144|min|a|f|1186|1186|f|i|aggregate_dummy
            2145|min|a|f|25|25|f|i|aggregate_dummy
            2146|min|a|f|1700|1700|f|i|aggregate_dummy
            2245|min|a|f|1042|1042|f|i|aggregate_dummy
            2798|min|a|f|27|27|f|i|aggregate_dummy
            3527|min|a|f|3500|3500|f|i|aggregate_dummy
            3565|min|a|f|869|869|f|i|aggregate_dummy
            4190|min|a|f|3220|3220|f|i|aggregate_dummy
            5100|min|a|f|5069|5069|f|i|aggregate_dummy
            940|mod|f|f|21|21 21|t|i|int2mod
            941|mod|f|f|23|23 23|t|i|int4mod
            947|mod|f|f|20|20 20|t|i|int8mod
            1728|mod|f|f|1700|1700 1700|t|i|numeric_mod
            1299|now|f|f|1184||t|s|now
            3105|ntile|w|f|23|23|t|i|window_ntile
            1215|obj_description|f|f|25|26 19|t|s|
            1348|obj_description|f|f|25|26|t|s|
            720|octet_length|f|f|23|17|t|i|byteaoctetlen
            1374|octet_length|f|f|23|25|t|i|textoctetlen
            1375|octet_length|f|f|23|1042|t|i|bpcharoctetlen
            1682|octet_length|f|f|23|1560|t|i|bitoctetlength
            2026|pg_backend_pid|f|f|23||t|s|pg_backend_pid
            1597|pg_encoding_to_char|f|f|19|23|t|s|PG_encoding_to_char
            2081|pg_function_is_visible|f|f|16|26|t|s|pg_function_is_visible
            1387|pg_get_constraintdef|f|f|25|26|t|s|pg_get_constraintdef
            2508|pg_get_constraintdef|f|f|25|26 16|t|s|pg_get_constraintdef_ext
            1716|pg_get_expr|f|f|25|194 26|t|s|pg_get_expr
            2509|pg_get_expr|f|f|25|194 26 16|t|s|pg_get_expr_ext
            2162|pg_get_function_arguments|f|f|25|26|t|s|pg_get_function_arguments
            2232|pg_get_function_identity_arguments|f|f|25|26|t|s|pg_get_function_identity_arguments
            6197|pg_get_function_sqlbody|f|f|25|26|t|s|pg_get_function_sqlbody
            2165|pg_get_function_result|f|f|25|26|t|s|pg_get_function_result
            1643|pg_get_indexdef|f|f|25|26|t|s|pg_get_indexdef
            2507|pg_get_indexdef|f|f|25|26 23 16|t|s|pg_get_indexdef_ext
            1665|pg_get_serial_sequence|f|f|25|25 25|t|s|pg_get_serial_sequence
            6174|pg_get_statisticsobjdef_columns|f|f|25|26|t|s|pg_get_statisticsobjdef_columns
            1642|pg_get_userbyid|f|f|19|26|t|s|pg_get_userbyid
            1640|pg_get_viewdef|f|f|25|25|t|s|pg_get_viewdef_name
            1641|pg_get_viewdef|f|f|25|26|t|s|pg_get_viewdef
            2505|pg_get_viewdef|f|f|25|25 16|t|s|pg_get_viewdef_name_ext
            2506|pg_get_viewdef|f|f|25|26 16|t|s|pg_get_viewdef_ext
            3159|pg_get_viewdef|f|f|25|26 23|t|s|pg_get_viewdef_wrap
            2998|pg_indexes_size|f|f|20|2205|t|v|pg_indexes_size
            3810|pg_is_in_recovery|f|f|16||t|v|pg_is_in_recovery
            6121|pg_relation_is_publishable|f|f|16|2205|t|s|pg_relation_is_publishable
            2325|pg_relation_size|f|f|20|2205|t|v|
            2332|pg_relation_size|f|f|20|2205 25|t|v|pg_relation_size
            2288|pg_size_pretty|f|f|25|20|t|i|pg_size_pretty
            3166|pg_size_pretty|f|f|25|1700|t|i|pg_size_pretty_numeric
            2079|pg_table_is_visible|f|f|16|26|t|s|pg_table_is_visible
            2997|pg_table_size|f|f|20|2205|t|v|pg_table_size
            3778|pg_tablespace_location|f|f|25|26|t|s|pg_tablespace_location
            2286|pg_total_relation_size|f|f|20|2205|t|v|pg_total_relation_size
            2080|pg_type_is_visible|f|f|16|26|t|s|pg_type_is_visible
            1368|power|f|f|701|701 701|t|i|dpow
            2169|power|f|f|1700|1700 1700|t|i|numeric_power
            1282|quote_ident|f|f|25|25|t|i|quote_ident
            1283|quote_literal|f|f|25|25|t|i|quote_literal
            1285|quote_literal|f|f|25|2283|t|s|select pg_catalog.quote_literal($1::pg_catalog.text)
            1598|random|f|f|701||t|v|drandom
            3101|rank|w|f|20||f|i|window_rank
            3986|rank|a|f|20|2276|f|i|aggregate_dummy
            2218|regclassin|f|f|2205|2275|t|s|regclassin
            2219|regclassout|f|f|2275|2205|t|s|regclassout
            4084|regnamespacein|f|f|4089|2275|t|s|regnamespacein
            4085|regnamespaceout|f|f|2275|4089|t|s|regnamespaceout
            44|regprocin|f|f|24|2275|t|s|regprocin
            45|regprocout|f|f|2275|24|t|s|regprocout
            2220|regtypein|f|f|2206|2275|t|s|regtypein
            2221|regtypeout|f|f|2275|2206|t|s|regtypeout
            2087|replace|f|f|25|25 25 25|t|i|replace_text
            3062|reverse|f|f|25|25|t|i|text_reverse
            3061|right|f|f|25|25 23|t|i|text_right
            1342|round|f|f|701|701|t|i|dround
            1707|round|f|f|1700|1700 23|t|i|numeric_round
            1708|round|f|f|1700|1700|t|i|
            3100|row_number|w|f|20||f|i|window_row_number
            876|rtrim|f|f|25|25 25|t|i|rtrim
            882|rtrim|f|f|25|25|t|i|rtrim1
            6196|rtrim|f|f|17|17 17|t|i|byteartrim
            1993|shobj_description|f|f|25|26 19|t|s|
            1706|sign|f|f|1700|1700|t|i|numeric_sign
            2310|sign|f|f|701|701|t|i|dsign
            1344|sqrt|f|f|701|701|t|i|dsqrt
            1730|sqrt|f|f|1700|1700|t|i|numeric_sqrt
            3538|string_agg|a|f|25|25 25|f|i|aggregate_dummy
            3545|string_agg|a|f|17|17 17|f|i|aggregate_dummy
            868|strpos|f|f|23|25 25|t|i|textpos
            877|substr|f|f|25|25 23 23|t|i|text_substr
            883|substr|f|f|25|25 23|t|i|text_substr_no_len
            2085|substr|f|f|17|17 23 23|t|i|bytea_substr
            2086|substr|f|f|17|17 23|t|i|bytea_substr_no_len
            2107|sum|a|f|1700|20|f|i|aggregate_dummy
            2108|sum|a|f|20|23|f|i|aggregate_dummy
            2109|sum|a|f|20|21|f|i|aggregate_dummy
            2110|sum|a|f|700|700|f|i|aggregate_dummy
            2111|sum|a|f|701|701|f|i|aggregate_dummy
            2112|sum|a|f|790|790|f|i|aggregate_dummy
            2113|sum|a|f|1186|1186|f|i|aggregate_dummy
            2114|sum|a|f|1700|1700|f|i|aggregate_dummy
            3495|to_regclass|f|f|2205|25|t|s|to_regclass
            3493|to_regtype|f|f|2206|25|t|s|to_regtype
            753|trunc|f|f|829|829|t|i|macaddr_trunc
            1343|trunc|f|f|701|701|t|i|dtrunc
            1709|trunc|f|f|1700|1700 23|t|i|numeric_trunc
            1710|trunc|f|f|1700|1700|t|i|
            4112|trunc|f|f|774|774|t|i|macaddr8_trunc
            871|upper|f|f|25|25|t|i|upper
            3849|upper|f|f|2283|3831|t|i|range_upper
            4236|upper|f|f|2283|4537|t|i|multirange_upper
            89|version|f|f|25||t|s|pgsql_version
            """;

    private static final List<Function> ALL = parse();

    private BuiltinFunctions() {
    }

    static List<Function> all() {
        return ALL;
    }

    /** Returns the function with this name and number of arguments, or null. */
    static Function find(String name, int argumentCount) {
        for (Function function : ALL) {
            if (function.name().equals(name) && function.argumentTypes().size() == argumentCount) {
                return function;
            }
        }
        return null;
    }

    private static List<Function> parse() {
        List<Function> functions = new ArrayList<>();
        for (String line : (TABLE + DialectFunctionRows.TABLE).strip().split("\n")) {
            String[] f = line.strip().split("\\|", -1);
            List<Long> arguments = f[5].isEmpty() ? List.of()
                    : Arrays.stream(f[5].split(" ")).map(Long::parseLong).toList();
            functions.add(new Function(Long.parseLong(f[0]), f[1], f[2], f[3].equals("t"), Long.parseLong(f[4]),
                    arguments, f[6].equals("t"), f[7], f[8]));
        }
        return Collections.unmodifiableList(functions);
    }
}
