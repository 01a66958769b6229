package org.modgres.pgcatalog.impl;

/**
 * The rows of pg_proc for PostgreSQL's string, math, uuid and date/time functions of the SQL
 * dialect (repeat, format, exp, date_trunc, to_char, ...), in {@link BuiltinFunctions}' format;
 * only the overloads Modgres runs, so none on interval or time with time zone.
 */
final class DialectFunctionRows {

    // oid|proname|prokind|proretset|prorettype|proargtypes|proisstrict|provolatile|prosrc
    static final String TABLE = """
            1620|ascii|f|f|23|25|t|i|ascii
            1345|cbrt|f|f|701|701|t|i|dcbrt
            2167|ceiling|f|f|1700|1700|t|i|numeric_ceil
            2320|ceiling|f|f|701|701|t|i|dceil
            1621|chr|f|f|25|23|t|i|chr
            3059|concat_ws|f|f|25|25 2276|f|s|text_concat_ws
            1605|cos|f|f|701|701|t|i|dcos
            1171|date_part|f|f|701|25 1184|t|s|timestamptz_part
            1384|date_part|f|f|701|25 1082|t|i|
            1385|date_part|f|f|701|25 1083|t|i|time_part
            2021|date_part|f|f|701|25 1114|t|i|timestamp_part
            1217|date_trunc|f|f|1184|25 1184|t|s|timestamptz_trunc
            2020|date_trunc|f|f|1114|25 1114|t|i|timestamp_trunc
            1608|degrees|f|f|701|701|t|i|degrees
            1973|div|f|f|1700|1700 1700|t|i|numeric_div_trunc
            1347|exp|f|f|701|701|t|i|dexp
            1732|exp|f|f|1700|1700|t|i|numeric_exp
            6199|extract|f|f|1700|25 1082|t|i|extract_date
            6200|extract|f|f|1700|25 1083|t|i|extract_time
            6202|extract|f|f|1700|25 1114|t|i|extract_timestamp
            6203|extract|f|f|1700|25 1184|t|s|extract_timestamptz
            3539|format|f|f|25|25 2276|f|s|text_format
            3540|format|f|f|25|25|f|s|text_format_nv
            3432|gen_random_uuid|f|f|2950||t|v|gen_random_uuid
            1341|ln|f|f|701|701|t|i|dlog1
            1734|ln|f|f|1700|1700|t|i|numeric_ln
            1340|log|f|f|701|701|t|i|dlog10
            1736|log|f|f|1700|1700 1700|t|i|numeric_log
            1741|log|f|f|1700|1700|t|i|
            1194|log10|f|f|701|701|t|i|dlog10
            1481|log10|f|f|1700|1700|t|i|
            873|lpad|f|f|25|25 23 25|t|i|lpad
            879|lpad|f|f|25|25 23|t|i|
            3846|make_date|f|f|1082|23 23 23|t|i|make_date
            3461|make_timestamp|f|f|1114|23 23 23 23 23 701|t|i|make_timestamp
            2311|md5|f|f|25|25|t|i|md5_text
            2321|md5|f|f|25|17|t|i|md5_bytea
            1619|pg_typeof|f|f|2206|2276|f|s|pg_typeof
            1610|pi|f|f|701||t|i|dpi
            1609|radians|f|f|701|701|t|i|radians
            3396|regexp_match|f|f|1009|25 25|t|i|regexp_match_no_flags
            3397|regexp_match|f|f|1009|25 25 25|t|i|regexp_match
            2284|regexp_replace|f|f|25|25 25 25|t|i|textregexreplace_noopt
            2285|regexp_replace|f|f|25|25 25 25 25|t|i|textregexreplace
            1622|repeat|f|f|25|25 23|t|i|repeat
            874|rpad|f|f|25|25 23 25|t|i|rpad
            880|rpad|f|f|25|25 23|t|i|
            1604|sin|f|f|701|701|t|i|dsin
            2088|split_part|f|f|25|25 25 23|t|i|split_part
            3696|starts_with|f|f|16|25 25|t|i|text_starts_with
            376|string_to_array|f|f|1009|25 25 25|f|i|text_to_array_null
            394|string_to_array|f|f|1009|25 25|f|i|text_to_array
            1606|tan|f|f|701|701|t|i|dtan
            1770|to_char|f|f|25|1184 25|t|s|timestamptz_to_char
            1772|to_char|f|f|25|1700 25|t|s|numeric_to_char
            1773|to_char|f|f|25|23 25|t|s|int4_to_char
            1774|to_char|f|f|25|20 25|t|s|int8_to_char
            1775|to_char|f|f|25|700 25|t|s|float4_to_char
            1776|to_char|f|f|25|701 25|t|s|float8_to_char
            2049|to_char|f|f|25|1114 25|t|s|timestamp_to_char
            1780|to_date|f|f|1082|25 25|t|s|to_date
            1158|to_timestamp|f|f|1184|701|t|i|float8_timestamptz
            1778|to_timestamp|f|f|1184|25 25|t|s|to_timestamp
            878|translate|f|f|25|25 25 25|t|i|translate
            """;

    private DialectFunctionRows() {
    }
}
