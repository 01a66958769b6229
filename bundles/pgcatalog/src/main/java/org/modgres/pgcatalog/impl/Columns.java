package org.modgres.pgcatalog.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/**
 * Reads the columns of a relation from a compact list such as {@code "oid oid!, relname name!,
 * relacl aclitem[]"}: PostgreSQL's column names and type names, {@code !} after NOT NULL ones.
 * Types Modgres lacks stand in for their closest relative: {@code regproc} is read as the
 * function's name, {@code xid} as an oid, {@code aclitem[]} as text[], {@code pg_node_tree} and
 * {@code inet} as text;
 * the information_schema domains as their base types.
 */
final class Columns {

    private static final Map<String, PgType> TYPES = Map.ofEntries(
            Map.entry("bool", PgType.BOOL), Map.entry("char", PgType.CHAR), Map.entry("name", PgType.NAME),
            Map.entry("int2", PgType.INT2), Map.entry("int4", PgType.INT4), Map.entry("int8", PgType.INT8),
            Map.entry("float4", PgType.FLOAT4), Map.entry("text", PgType.TEXT), Map.entry("oid", PgType.OID),
            Map.entry("int2vector", PgType.INT2VECTOR), Map.entry("oidvector", PgType.OIDVECTOR),
            Map.entry("timestamptz", PgType.TIMESTAMPTZ), Map.entry("varchar", PgType.VARCHAR),
            Map.entry("int2[]", PgType.INT2_ARRAY), Map.entry("oid[]", PgType.OID_ARRAY),
            Map.entry("text[]", PgType.TEXT_ARRAY), Map.entry("char[]", PgType.CHAR_ARRAY),
            Map.entry("regproc", PgType.NAME), Map.entry("xid", PgType.OID), Map.entry("aclitem[]", PgType.TEXT_ARRAY),
            Map.entry("anyarray", PgType.TEXT_ARRAY), Map.entry("pg_node_tree", PgType.TEXT),
            Map.entry("inet", PgType.TEXT),
            Map.entry("sql_identifier", PgType.NAME), Map.entry("cardinal_number", PgType.INT4),
            Map.entry("character_data", PgType.VARCHAR), Map.entry("yes_or_no", PgType.VARCHAR),
            Map.entry("time_stamp", PgType.TIMESTAMPTZ));

    private Columns() {
    }

    static List<ColumnInfo> parse(String spec) {
        List<ColumnInfo> columns = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] words = part.trim().split("\\s+");
            String typeName = words[1];
            boolean notNull = typeName.endsWith("!");
            if (notNull) {
                typeName = typeName.substring(0, typeName.length() - 1);
            }
            PgType type = TYPES.get(typeName);
            if (type == null) {
                throw new IllegalArgumentException("unknown catalog column type " + typeName);
            }
            ColumnType columnType = typeName.equals("yes_or_no") ? ColumnType.ofLength(type, 3) : ColumnType.of(type);
            columns.add(new ColumnInfo(words[0], columnType, notNull));
        }
        return List.copyOf(columns);
    }
}
