package org.modgres.planner.calcite.impl;

import java.util.Locale;
import java.util.Map;

import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/** Maps the type names of the PostgreSQL dialect, as the parser hands them over, to column types. */
final class DdlTypes {

    private static final Map<String, PgType> NAMES = Map.ofEntries(
            Map.entry("BOOLEAN", PgType.BOOL), Map.entry("BOOL", PgType.BOOL),
            Map.entry("SMALLINT", PgType.INT2), Map.entry("INT2", PgType.INT2), Map.entry("TINYINT", PgType.INT2),
            Map.entry("INTEGER", PgType.INT4), Map.entry("INT", PgType.INT4), Map.entry("INT4", PgType.INT4),
            Map.entry("BIGINT", PgType.INT8), Map.entry("INT8", PgType.INT8),
            Map.entry("DECIMAL", PgType.NUMERIC), Map.entry("NUMERIC", PgType.NUMERIC), Map.entry("DEC", PgType.NUMERIC),
            Map.entry("REAL", PgType.FLOAT4), Map.entry("FLOAT4", PgType.FLOAT4),
            Map.entry("DOUBLE", PgType.FLOAT8), Map.entry("FLOAT8", PgType.FLOAT8), Map.entry("FLOAT", PgType.FLOAT8),
            Map.entry("DOUBLE PRECISION", PgType.FLOAT8),
            Map.entry("TEXT", PgType.TEXT), Map.entry("NAME", PgType.NAME),
            Map.entry("VARCHAR", PgType.VARCHAR), Map.entry("CHARACTER VARYING", PgType.VARCHAR),
            Map.entry("CHAR", PgType.BPCHAR), Map.entry("CHARACTER", PgType.BPCHAR), Map.entry("BPCHAR", PgType.BPCHAR),
            Map.entry("BYTEA", PgType.BYTEA), Map.entry("VARBINARY", PgType.BYTEA), Map.entry("BINARY", PgType.BYTEA),
            Map.entry("DATE", PgType.DATE),
            Map.entry("TIME", PgType.TIME),
            Map.entry("TIMESTAMP", PgType.TIMESTAMP),
            Map.entry("TIMESTAMPTZ", PgType.TIMESTAMPTZ),
            Map.entry("TIMESTAMP_WITH_LOCAL_TIME_ZONE", PgType.TIMESTAMPTZ),
            Map.entry("TIMESTAMP WITH LOCAL TIME ZONE", PgType.TIMESTAMPTZ),
            Map.entry("TIMESTAMP WITH TIME ZONE", PgType.TIMESTAMPTZ),
            Map.entry("TIMESTAMP_TZ", PgType.TIMESTAMPTZ),
            Map.entry("UUID", PgType.UUID),
            Map.entry("JSON", PgType.JSON), Map.entry("JSONB", PgType.JSONB),
            Map.entry("INTERVAL", PgType.INTERVAL),
            Map.entry("OID", PgType.OID));

    /** The integer type of each SERIAL alias, which gets a sequence of that type. */
    private static final Map<String, PgType> SERIALS = Map.of(
            "SERIAL", PgType.INT4, "SERIAL4", PgType.INT4, "BIGSERIAL", PgType.INT8, "SERIAL8", PgType.INT8,
            "SMALLSERIAL", PgType.INT2, "SERIAL2", PgType.INT2);

    private DdlTypes() {
    }

    /** Returns the integer type a SERIAL, BIGSERIAL or SMALLSERIAL column has, or null for any other type. */
    static PgType serialType(SqlDataTypeSpec spec) {
        return SERIALS.get(typeName(spec.getTypeNameSpec()));
    }

    /** Returns the column type a type name of the dialect stands for. */
    static ColumnType columnType(SqlDataTypeSpec spec) {
        return columnType(spec.getTypeNameSpec());
    }

    private static ColumnType columnType(SqlTypeNameSpec nameSpec) {
        if (nameSpec instanceof SqlCollectionTypeNameSpec collection) {
            ColumnType element = columnType(collection.getElementTypeName());
            if (element.type().arrayType() == null) {
                throw new PgException(SqlState.UNDEFINED_OBJECT,
                        "type \"" + element.type().typname() + "[]\" does not exist");
            }
            return element.arrayOf();
        }
        String name = typeName(nameSpec);
        PgType type = NAMES.get(name);
        if (type == null) {
            throw new PgException(SqlState.UNDEFINED_OBJECT,
                    "type \"" + name.toLowerCase(Locale.ROOT) + "\" does not exist");
        }
        int precision = -1;
        int scale = -1;
        if (nameSpec instanceof SqlBasicTypeNameSpec basic) {
            precision = basic.getPrecision();
            scale = basic.getScale();
        }
        return switch (type) {
            case VARCHAR -> precision > 0 ? ColumnType.ofLength(type, precision) : ColumnType.of(type);
            case BPCHAR -> ColumnType.ofLength(type, precision > 0 ? precision : 1);
            case NUMERIC -> precision > 0 ? ColumnType.numeric(precision, Math.max(scale, 0)) : ColumnType.of(type);
            default -> ColumnType.of(type);
        };
    }

    private static String typeName(SqlTypeNameSpec nameSpec) {
        if (nameSpec instanceof SqlBasicTypeNameSpec basic) {
            return basic.getTypeName().getSimple().toUpperCase(Locale.ROOT).replace('_', ' ')
                    .replace("TIMESTAMP WITH LOCAL TIME ZONE", "TIMESTAMPTZ");
        }
        return nameSpec.getTypeName().names.get(nameSpec.getTypeName().names.size() - 1)
                .toUpperCase(Locale.ROOT);
    }
}
