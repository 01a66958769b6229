package org.modgres.pgcatalog.impl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of pg_type for the built-in types Modgres knows and their arrays, as PostgreSQL 15
 * has them.
 */
final class BuiltinTypes {

    /**
     * One type: its pg_type columns, with "-" for a zero regproc.
     */
    record Type(long oid, String name, int length, boolean byValue, String kind, String category, boolean preferred,
                long element, long array, String input, String output, String receive, String send,
                String modifierInput, String modifierOutput, String align, String storage, long collation,
                String subscript) {

        /** Returns whether this is an array type, whose name format_type prints as its element's with []. */
        boolean isArray() {
            return element != 0 && length == -1 && subscript.equals("array_subscript_handler") && name.startsWith("_");
        }
    }

    // oid|typname|typlen|typbyval|typtype|typcategory|typispreferred|typelem|typarray|typinput|typoutput|
    // typreceive|typsend|typmodin|typmodout|typalign|typstorage|typcollation|typsubscript
    private static final String TABLE = """
            16|bool|1|t|b|B|t|0|1000|boolin|boolout|boolrecv|boolsend|-|-|c|p|0|-
            17|bytea|-1|f|b|U|f|0|1001|byteain|byteaout|bytearecv|byteasend|-|-|i|x|0|-
            18|char|1|t|b|Z|f|0|1002|charin|charout|charrecv|charsend|-|-|c|p|0|-
            19|name|64|f|b|S|f|18|1003|namein|nameout|namerecv|namesend|-|-|c|p|950|raw_array_subscript_handler
            20|int8|8|t|b|N|f|0|1016|int8in|int8out|int8recv|int8send|-|-|d|p|0|-
            21|int2|2|t|b|N|f|0|1005|int2in|int2out|int2recv|int2send|-|-|s|p|0|-
            22|int2vector|-1|f|b|A|f|21|1006|int2vectorin|int2vectorout|int2vectorrecv|int2vectorsend|-|-|i|p|0|array_subscript_handler
            23|int4|4|t|b|N|f|0|1007|int4in|int4out|int4recv|int4send|-|-|i|p|0|-
            25|text|-1|f|b|S|t|0|1009|textin|textout|textrecv|textsend|-|-|i|x|100|-
            26|oid|4|t|b|N|t|0|1028|oidin|oidout|oidrecv|oidsend|-|-|i|p|0|-
            30|oidvector|-1|f|b|A|f|26|1013|oidvectorin|oidvectorout|oidvectorrecv|oidvectorsend|-|-|i|p|0|array_subscript_handler
            114|json|-1|f|b|U|f|0|199|json_in|json_out|json_recv|json_send|-|-|i|x|0|-
            199|_json|-1|f|b|A|f|114|0|array_in|array_out|array_recv|array_send|-|-|i|x|0|array_subscript_handler
            700|float4|4|t|b|N|f|0|1021|float4in|float4out|float4recv|float4send|-|-|i|p|0|-
            701|float8|8|t|b|N|t|0|1022|float8in|float8out|float8recv|float8send|-|-|d|p|0|-
            705|unknown|-2|f|p|X|f|0|0|unknownin|unknownout|unknownrecv|unknownsend|-|-|c|p|0|-
            1000|_bool|-1|f|b|A|f|16|0|array_in|array_out|array_recv|array_send|-|-|i|x|0|array_subscript_handler
            1001|_bytea|-1|f|b|A|f|17|0|array_in|array_out|array_recv|array_send|-|-|i|x|0|array_subscript_handler
            1002|_char|-1|f|b|A|f|18|0|array_in|array_out|array_recv|array_send|-|-|i|x|0|array_subscript_handler
            1003|_name|-1|f|b|A|f|19|0|array_in|array_out|array_recv|array_send|-|-|i|x|950|array_subscript_handler
            1005|_int2|-1|f|b|A|f|21|0|array_in|array_out|array_recv|array_send|-|-|i|x|0|array_subscript_handler
            1006|_int2vector|-1|f|b|A|f|22|0|array_in|array_out|array_recv|array_send|-|-|i|x|0|array_subscript_handler
            1007|_int4|-1|f|b|A|f|23|0|array_in|array_out|array_recv|array_send|-|-|i|x|0|array_subscript_handler
            1009|_text|-1|f|b|A|f|25|0|array_in|array_out|array_recv|array_send|-|-|i|x|100|array_subscript_handler
            1013|_oidvector|-1|f|b|A|f|30|0|array_in|array_out|array_recv|array_send|-|-|i|x|0|array_subscript_handler
            1014|_bpchar|-1|f|b|A|f|1042|0|array_in|array_out|array_recv|array_send|bpchartypmodin|bpchartypmodout|i|x|100|array_subscript_handler
            1015|_varchar|-1|f|b|A|f|1043|0|array_in|array_out|array_recv|array_send|varchartypmodin|varchartypmodout|i|x|100|array_subscript_handler
            1016|_int8|-1|f|b|A|f|20|0|array_in|array_out|array_recv|array_send|-|-|d|x|0|array_subscript_handler
            1021|_float4|-1|f|b|A|f|700|0|array_in|array_out|array_recv|array_send|-|-|i|x|0|array_subscript_handler
            1022|_float8|-1|f|b|A|f|701|0|array_in|array_out|array_recv|array_send|-|-|d|x|0|array_subscript_handler
            1028|_oid|-1|f|b|A|f|26|0|array_in|array_out|array_recv|array_send|-|-|i|x|0|array_subscript_handler
            1042|bpchar|-1|f|b|S|f|0|1014|bpcharin|bpcharout|bpcharrecv|bpcharsend|bpchartypmodin|bpchartypmodout|i|x|100|-
            1043|varchar|-1|f|b|S|f|0|1015|varcharin|varcharout|varcharrecv|varcharsend|varchartypmodin|varchartypmodout|i|x|100|-
            1082|date|4|t|b|D|f|0|1182|date_in|date_out|date_recv|date_send|-|-|i|p|0|-
            1083|time|8|t|b|D|f|0|1183|time_in|time_out|time_recv|time_send|timetypmodin|timetypmodout|d|p|0|-
            1114|timestamp|8|t|b|D|f|0|1115|timestamp_in|timestamp_out|timestamp_recv|timestamp_send|timestamptypmodin|timestamptypmodout|d|p|0|-
            1115|_timestamp|-1|f|b|A|f|1114|0|array_in|array_out|array_recv|array_send|timestamptypmodin|timestamptypmodout|d|x|0|array_subscript_handler
            1182|_date|-1|f|b|A|f|1082|0|array_in|array_out|array_recv|array_send|-|-|i|x|0|array_subscript_handler
            1183|_time|-1|f|b|A|f|1083|0|array_in|array_out|array_recv|array_send|timetypmodin|timetypmodout|d|x|0|array_subscript_handler
            1184|timestamptz|8|t|b|D|t|0|1185|timestamptz_in|timestamptz_out|timestamptz_recv|timestamptz_send|timestamptztypmodin|timestamptztypmodout|d|p|0|-
            1185|_timestamptz|-1|f|b|A|f|1184|0|array_in|array_out|array_recv|array_send|timestamptztypmodin|timestamptztypmodout|d|x|0|array_subscript_handler
            1186|interval|16|f|b|T|t|0|1187|interval_in|interval_out|interval_recv|interval_send|intervaltypmodin|intervaltypmodout|d|p|0|-
            1187|_interval|-1|f|b|A|f|1186|0|array_in|array_out|array_recv|array_send|intervaltypmodin|intervaltypmodout|d|x|0|array_subscript_handler
            1231|_numeric|-1|f|b|A|f|1700|0|array_in|array_out|array_recv|array_send|numerictypmodin|numerictypmodout|i|x|0|array_subscript_handler
            1700|numeric|-1|f|b|N|f|0|1231|numeric_in|numeric_out|numeric_recv|numeric_send|numerictypmodin|numerictypmodout|i|m|0|-
            2278|void|4|t|p|P|f|0|0|void_in|void_out|void_recv|void_send|-|-|i|p|0|-
            2950|uuid|16|f|b|U|f|0|2951|uuid_in|uuid_out|uuid_recv|uuid_send|-|-|c|p|0|-
            2951|_uuid|-1|f|b|A|f|2950|0|array_in|array_out|array_recv|array_send|-|-|i|x|0|array_subscript_handler
            3802|jsonb|-1|f|b|U|f|0|3807|jsonb_in|jsonb_out|jsonb_recv|jsonb_send|-|-|i|x|0|jsonb_subscript_handler
            3807|_jsonb|-1|f|b|A|f|3802|0|array_in|array_out|array_recv|array_send|-|-|i|x|0|array_subscript_handler
            """;

    private static final Map<Long, Type> BY_OID = parse();

    private BuiltinTypes() {
    }

    /** Returns the types in OID order. */
    static Collection<Type> all() {
        return BY_OID.values();
    }

    /** Returns the type with this OID, or null. */
    static Type byOid(long oid) {
        return BY_OID.get(oid);
    }

    /** Returns the type with this name in pg_catalog, or null. */
    static Type byName(String name) {
        for (Type type : BY_OID.values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }

    private static Map<Long, Type> parse() {
        Map<Long, Type> types = new LinkedHashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] f = line.strip().split("\\|");
            List<String> fields = new ArrayList<>(List.of(f));
            Type type = new Type(Long.parseLong(fields.get(0)), fields.get(1), Integer.parseInt(fields.get(2)),
                    fields.get(3).equals("t"), fields.get(4), fields.get(5), fields.get(6).equals("t"),
                    Long.parseLong(fields.get(7)), Long.parseLong(fields.get(8)), fields.get(9), fields.get(10),
                    fields.get(11), fields.get(12), fields.get(13), fields.get(14), fields.get(15), fields.get(16),
                    Long.parseLong(fields.get(17)), fields.get(18));
            types.put(type.oid(), type);
        }
        return Collections.unmodifiableMap(types);
    }
}
