package org.modgres.pgcatalog.impl;

import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/** Prints types as PostgreSQL's format_type does: SQL names, modifiers, arrays with []. */
final class TypeNames {

    private static final int VARHDRSZ = 4;

    private TypeNames() {
    }

    /** Returns a column's type as {@code \d} shows it, e.g. {@code character(84)}. */
    static String format(ColumnType type) {
        return format(type.type().oid(), type.typmod(), true);
    }

    /**
     * Returns {@code format_type(oid, typmod)}.
     *
     * @param typmodGiven false when the modifier argument is NULL, which prints bpchar as
     *                    {@code character} where a modifier of -1 prints {@code bpchar}
     */
    static String format(long oid, int typmod, boolean typmodGiven) {
        if (oid == 0) {
            return "-";
        }
        BuiltinTypes.Type type = BuiltinTypes.byOid(oid);
        if (type == null) {
            return pseudoTypeName(oid);
        }
        if (type.isArray()) {
            return format(type.element(), typmod, typmodGiven) + "[]";
        }
        boolean withTypmod = typmodGiven && typmod >= 0;
        return switch (type.name()) {
            case "bool" -> "boolean";
            case "int2" -> "smallint";
            case "int4" -> "integer";
            case "int8" -> "bigint";
            case "float4" -> "real";
            case "float8" -> "double precision";
            case "char" -> "\"char\"";
            case "bpchar" -> withTypmod ? "character(" + (typmod - VARHDRSZ) + ")"
                    : typmodGiven ? "bpchar" : "character";
            case "varchar" -> withTypmod ? "character varying(" + (typmod - VARHDRSZ) + ")" : "character varying";
            case "numeric" -> withTypmod
                    ? "numeric(" + (((typmod - VARHDRSZ) >> 16) & 0xffff) + "," + ((typmod - VARHDRSZ) & 0xffff) + ")"
                    : "numeric";
            case "time" -> dateTime("time", typmod, withTypmod, "without");
            case "timestamp" -> dateTime("timestamp", typmod, withTypmod, "without");
            case "timestamptz" -> dateTime("timestamp", typmod, withTypmod, "with");
            default -> type.name();
        };
    }

    /** Names the pseudo-types and object identifier types functions take that pg_type does not list here. */
    private static String pseudoTypeName(long oid) {
        return switch ((int) oid) {
            case 2205 -> "regclass";
            case 2206 -> "regtype";
            case 2275 -> "cstring";
            case 2276 -> "\"any\"";
            case 2277 -> "anyarray";
            case 2283 -> "anyelement";
            case 5077 -> "anycompatible";
            case 5078 -> "anycompatiblearray";
            default -> "???";
        };
    }

    private static String dateTime(String name, int typmod, boolean withTypmod, String zone) {
        return name + (withTypmod ? "(" + typmod + ")" : "") + " " + zone + " time zone";
    }

    /** Returns the name information_schema.columns.data_type gives a type. */
    static String dataType(PgType type) {
        if (type.elementType() != null && !type.isVector()) {
            return "ARRAY";
        }
        return switch (type) {
            case BPCHAR -> "character";
            case CHAR -> "\"char\"";
            default -> format(type.oid(), -1, false);
        };
    }
}
