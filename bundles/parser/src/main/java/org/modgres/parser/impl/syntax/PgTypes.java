package org.modgres.parser.impl.syntax;

import java.util.List;

import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.modgres.api.error.SqlState;

/**
 * Turns PostgreSQL type names into Calcite type specifications, in {@code CREATE TABLE} columns,
 * {@code expr::type} and {@code CAST(expr AS type)}. The result is always wrapped in a
 * {@code SqlDataTypeSpec}; what the planner finds in its {@code getTypeNameSpec()}:
 *
 * <table>
 * <caption>PostgreSQL type name → type name spec</caption>
 * <tr><th>PostgreSQL, as written</th><th>spec</th></tr>
 * <tr><td>int, integer, int4</td><td>SqlBasicTypeNameSpec INTEGER</td></tr>
 * <tr><td>bigint, int8</td><td>SqlBasicTypeNameSpec BIGINT</td></tr>
 * <tr><td>smallint, int2</td><td>SqlBasicTypeNameSpec SMALLINT</td></tr>
 * <tr><td>boolean, bool</td><td>SqlBasicTypeNameSpec BOOLEAN</td></tr>
 * <tr><td>real, float4, float(1..24)</td><td>SqlBasicTypeNameSpec REAL</td></tr>
 * <tr><td>double precision, float8, float, float(25..53)</td><td>SqlBasicTypeNameSpec DOUBLE</td></tr>
 * <tr><td>numeric, decimal, dec</td><td>SqlBasicTypeNameSpec DECIMAL with neither precision
 *     nor scale (PostgreSQL's unconstrained numeric)</td></tr>
 * <tr><td>numeric(p)</td><td>DECIMAL precision p, scale 0</td></tr>
 * <tr><td>numeric(p, s)</td><td>DECIMAL precision p, scale s (s may be negative, as in PostgreSQL 15)</td></tr>
 * <tr><td>varchar, character varying</td><td>SqlBasicTypeNameSpec VARCHAR without precision</td></tr>
 * <tr><td>varchar(n), character varying(n)</td><td>VARCHAR precision n</td></tr>
 * <tr><td>char, character</td><td>SqlBasicTypeNameSpec CHAR precision 1</td></tr>
 * <tr><td>char(n), character(n), bpchar(n)</td><td>CHAR precision n</td></tr>
 * <tr><td>bpchar</td><td>alias "bpchar" over CHAR (blank-padded, no length limit)</td></tr>
 * <tr><td>text</td><td>alias "text" over VARCHAR</td></tr>
 * <tr><td>name</td><td>alias "name" over VARCHAR</td></tr>
 * <tr><td>oid</td><td>alias "oid" over BIGINT</td></tr>
 * <tr><td>serial, serial4</td><td>alias "serial" over INTEGER</td></tr>
 * <tr><td>bigserial, serial8</td><td>alias "bigserial" over BIGINT</td></tr>
 * <tr><td>smallserial, serial2</td><td>alias "smallserial" over SMALLINT</td></tr>
 * <tr><td>bytea</td><td>SqlBasicTypeNameSpec VARBINARY without precision</td></tr>
 * <tr><td>uuid</td><td>SqlBasicTypeNameSpec UUID</td></tr>
 * <tr><td>json, jsonb</td><td>an alien spec over OTHER named json or jsonb that derives Calcite's Java
 *     type of {@code PgJson} or {@code PgJsonb} ({@link JsonTypeName})</td></tr>
 * <tr><td>date</td><td>SqlBasicTypeNameSpec DATE</td></tr>
 * <tr><td>time[(p)] [without time zone]</td><td>SqlBasicTypeNameSpec TIME, precision p or none
 *     (Calcite's own grammar; "with time zone" gives TIME_TZ)</td></tr>
 * <tr><td>timestamp[(p)] [without time zone]</td><td>SqlBasicTypeNameSpec TIMESTAMP, precision p
 *     or none (p above 6 becomes 6)</td></tr>
 * <tr><td>timestamptz[(p)], timestamp[(p)] with time zone</td><td>SqlBasicTypeNameSpec
 *     TIMESTAMP_WITH_LOCAL_TIME_ZONE, precision p or none</td></tr>
 * <tr><td>T[], T[n], T ARRAY</td><td>SqlCollectionTypeNameSpec ARRAY of T's spec</td></tr>
 * <tr><td>any other name, e.g. regclass, interval, tinyint</td><td>SqlUserDefinedTypeNameSpec
 *     with the name as written (modifiers dropped): the planner reports that the type does not
 *     exist, or maps the catalog types it knows</td></tr>
 * </table>
 *
 * <p>An "alias" is a {@link org.apache.calcite.sql.SqlAlienSystemTypeNameSpec}: Calcite derives
 * the Calcite type shown, and its {@code getTypeName().getSimple()} returns the PostgreSQL name
 * in lower case. Every other spec from this parser is told apart by its class and, for
 * SqlBasicTypeNameSpec, by {@code SqlTypeName.get(getTypeName().getSimple())},
 * {@code getPrecision()} and {@code getScale()}; "none" is {@code RelDataType.PRECISION_NOT_SPECIFIED}
 * (-1) and {@code RelDataType.SCALE_NOT_SPECIFIED} ({@code Integer.MIN_VALUE}). A name written with the schema
 * {@code pg_catalog} (pg_catalog.int4) means the same as without it; quoted names are matched
 * exactly, so {@code "int4"} is int4 and {@code "INT4"} is unknown. NOT NULL in a column
 * definition is the data type spec's nullability, not part of the type name spec.
 */
public final class PgTypes {

    private static final int MAX_VARCHAR_LENGTH = 10_485_760;
    private static final int MAX_NUMERIC_PRECISION = 1000;
    private static final int MAX_TIMESTAMP_PRECISION = 6;
    private static final int MAX_FLOAT4_PRECISION = 24;
    private static final int MAX_FLOAT8_PRECISION = 53;

    private PgTypes() {
    }

    /** Returns the type a name stands for, with its modifiers: {@code int4}, {@code bpchar(10)}. */
    public static SqlTypeNameSpec named(SqlIdentifier name, List<Integer> modifiers, SqlParserPos pos) {
        final String simple = builtInName(name);
        if (simple == null) {
            return new SqlUserDefinedTypeNameSpec(name, pos);
        }
        return switch (simple) {
            case "int", "integer", "int4" -> plain(simple, SqlTypeName.INTEGER, modifiers, pos);
            case "bigint", "int8" -> plain(simple, SqlTypeName.BIGINT, modifiers, pos);
            case "smallint", "int2" -> plain(simple, SqlTypeName.SMALLINT, modifiers, pos);
            case "boolean", "bool" -> plain(simple, SqlTypeName.BOOLEAN, modifiers, pos);
            case "real", "float4" -> plain(simple, SqlTypeName.REAL, modifiers, pos);
            case "float8" -> plain(simple, SqlTypeName.DOUBLE, modifiers, pos);
            case "float" -> floatType(single(simple, modifiers, pos), pos, pos);
            case "numeric", "decimal" -> numeric(modifiers, pos);
            case "varchar" -> character(true, single(simple, modifiers, pos), pos);
            case "bpchar" -> modifiers.isEmpty()
                    ? new PgTypeAlias("bpchar", SqlTypeName.CHAR, pos)
                    : character(false, single(simple, modifiers, pos), pos);
            case "text", "name" -> alias(simple, SqlTypeName.VARCHAR, modifiers, pos);
            case "oid" -> alias(simple, SqlTypeName.BIGINT, modifiers, pos);
            case "serial", "serial4" -> alias("serial", SqlTypeName.INTEGER, modifiers, pos);
            case "bigserial", "serial8" -> alias("bigserial", SqlTypeName.BIGINT, modifiers, pos);
            case "smallserial", "serial2" -> alias("smallserial", SqlTypeName.SMALLINT, modifiers, pos);
            case "bytea" -> plain(simple, SqlTypeName.VARBINARY, modifiers, pos);
            case "uuid" -> plain(simple, SqlTypeName.UUID, modifiers, pos);
            case "json", "jsonb" -> {
                noModifiers(simple, modifiers, pos);
                yield new JsonTypeName(simple.equals("jsonb"), pos);
            }
            case "date" -> plain(simple, SqlTypeName.DATE, modifiers, pos);
            case "time" -> new SqlBasicTypeNameSpec(SqlTypeName.TIME, single(simple, modifiers, pos), pos);
            case "timestamp" -> timestamp(single(simple, modifiers, pos), false, pos);
            case "timestamptz" -> timestamp(single(simple, modifiers, pos), true, pos);
            default -> new SqlUserDefinedTypeNameSpec(name, pos);
        };
    }

    /** Returns {@code timestamp[(p)]}, with or without time zone. */
    public static SqlTypeNameSpec timestamp(int precision, boolean withTimeZone, SqlParserPos pos) {
        final SqlTypeName type = withTimeZone ? SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE : SqlTypeName.TIMESTAMP;
        return new SqlBasicTypeNameSpec(type, Math.min(precision, MAX_TIMESTAMP_PRECISION), pos);
    }

    /**
     * Returns {@code float[(p)]}: PostgreSQL's float is float8, float(1) to float(24) float4.
     *
     * @param precisionPos where p is written, for errors about it
     */
    public static SqlTypeNameSpec floatType(int precision, SqlParserPos precisionPos, SqlParserPos pos) {
        if (precision == -1) {
            return new SqlBasicTypeNameSpec(SqlTypeName.DOUBLE, pos);
        }
        if (precision < 1) {
            throw invalidModifier("precision for type float must be at least 1 bit", precisionPos);
        }
        if (precision > MAX_FLOAT8_PRECISION) {
            throw invalidModifier("precision for type float must be less than 54 bits", precisionPos);
        }
        return new SqlBasicTypeNameSpec(
                precision <= MAX_FLOAT4_PRECISION ? SqlTypeName.REAL : SqlTypeName.DOUBLE, pos);
    }

    /** Returns {@code varchar[(n)]} or {@code char[(n)]}; {@code length} is -1 when not given. */
    public static SqlTypeNameSpec character(boolean varying, int length, SqlParserPos pos) {
        final String name = varying ? "varchar" : "char";
        if (length == -1) {
            return varying
                    ? new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, pos)
                    : new SqlBasicTypeNameSpec(SqlTypeName.CHAR, 1, pos);
        }
        if (length < 1) {
            throw invalidModifier("length for type " + name + " must be at least 1", pos);
        }
        if (length > MAX_VARCHAR_LENGTH) {
            throw invalidModifier("length for type " + name + " cannot exceed " + MAX_VARCHAR_LENGTH, pos);
        }
        return new SqlBasicTypeNameSpec(varying ? SqlTypeName.VARCHAR : SqlTypeName.CHAR, length, pos);
    }

    /** Returns {@code numeric[(p[, s])]}. */
    public static SqlTypeNameSpec numeric(List<Integer> modifiers, SqlParserPos pos) {
        if (modifiers.isEmpty()) {
            return new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, pos);
        }
        if (modifiers.size() > 2) {
            throw invalidModifier("invalid NUMERIC type modifier", pos);
        }
        final int precision = modifiers.get(0);
        final int scale = modifiers.size() == 2 ? modifiers.get(1) : 0;
        if (precision < 1 || precision > MAX_NUMERIC_PRECISION) {
            throw invalidModifier("NUMERIC precision " + precision + " must be between 1 and 1000", pos);
        }
        if (scale < -MAX_NUMERIC_PRECISION || scale > MAX_NUMERIC_PRECISION) {
            throw invalidModifier("NUMERIC scale " + scale + " must be between -1000 and 1000", pos);
        }
        return new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, precision, scale, pos);
    }

    /** Returns a type PostgreSQL does not have, or Modgres does not know, for the planner to reject. */
    public static SqlTypeNameSpec unknown(String name, SqlParserPos pos) {
        return new SqlUserDefinedTypeNameSpec(name, pos);
    }

    /** Returns the one-dimensional array of {@code element}; PostgreSQL ignores declared bounds. */
    public static SqlTypeNameSpec arrayOf(SqlTypeNameSpec element, SqlParserPos pos) {
        return new SqlCollectionTypeNameSpec(element, SqlTypeName.ARRAY, pos);
    }

    /** Returns the name without {@code pg_catalog.}, or null for a name in another schema. */
    private static String builtInName(SqlIdentifier name) {
        if (name.isSimple()) {
            return name.getSimple();
        }
        if (name.names.size() == 2 && "pg_catalog".equals(name.names.get(0))) {
            return name.names.get(1);
        }
        return null;
    }

    private static SqlTypeNameSpec plain(String name, SqlTypeName type, List<Integer> modifiers, SqlParserPos pos) {
        noModifiers(name, modifiers, pos);
        return new SqlBasicTypeNameSpec(type, pos);
    }

    private static SqlTypeNameSpec alias(String name, SqlTypeName type, List<Integer> modifiers, SqlParserPos pos) {
        noModifiers(name, modifiers, pos);
        return new PgTypeAlias(name, type, pos);
    }

    private static void noModifiers(String name, List<Integer> modifiers, SqlParserPos pos) {
        if (!modifiers.isEmpty()) {
            throw new ParserException(SqlState.SYNTAX_ERROR,
                    "type modifier is not allowed for type \"" + name + "\"", pos);
        }
    }

    /** Returns the one modifier of a type that takes at most one, or -1 when there is none. */
    private static int single(String name, List<Integer> modifiers, SqlParserPos pos) {
        if (modifiers.size() > 1) {
            throw invalidModifier("invalid type modifier", pos);
        }
        return modifiers.isEmpty() ? -1 : modifiers.get(0);
    }

    private static ParserException invalidModifier(String message, SqlParserPos pos) {
        return new ParserException(SqlState.INVALID_PARAMETER_VALUE, message, pos);
    }
}
