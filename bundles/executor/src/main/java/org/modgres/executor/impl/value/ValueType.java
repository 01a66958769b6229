package org.modgres.executor.impl.value;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.modgres.api.type.PgType;

/** The kinds of values the executor computes with, each with the one Java class its values have. */
public enum ValueType {
    BOOL("boolean", Boolean.class),
    SMALLINT("smallint", Short.class),
    INTEGER("integer", Integer.class),
    BIGINT("bigint", Long.class),
    NUMERIC("numeric", java.math.BigDecimal.class),
    REAL("real", Float.class),
    DOUBLE("double precision", Double.class),
    CHAR("character", String.class),
    VARCHAR("character varying", String.class),
    TEXT("text", String.class),
    BYTEA("bytea", byte[].class),
    DATE("date", java.time.LocalDate.class),
    TIME("time without time zone", java.time.LocalTime.class),
    TIMESTAMP("timestamp without time zone", java.time.LocalDateTime.class),
    TIMESTAMPTZ("timestamp with time zone", java.time.OffsetDateTime.class),
    UUID("uuid", java.util.UUID.class),
    INTERVAL("interval", org.modgres.api.type.PgInterval.class),
    JSON("json", org.modgres.api.type.PgJson.class),
    JSONB("jsonb", org.modgres.api.type.PgJsonb.class),
    /** A value whose class the executor does not convert (symbols, the NULL type, anything unknown). */
    OTHER("unknown", Object.class);

    private final String sqlName;
    private final Class<?> javaClass;

    ValueType(String sqlName, Class<?> javaClass) {
        this.sqlName = sqlName;
        this.javaClass = javaClass;
    }

    /** Returns the name PostgreSQL uses in messages, e.g. {@code integer}. */
    public String sqlName() {
        return sqlName;
    }

    public Class<?> javaClass() {
        return javaClass;
    }

    public boolean isIntegral() {
        return this == SMALLINT || this == INTEGER || this == BIGINT;
    }

    public boolean isApproximate() {
        return this == REAL || this == DOUBLE;
    }

    public boolean isNumeric() {
        return isIntegral() || isApproximate() || this == NUMERIC;
    }

    public boolean isCharacter() {
        return this == CHAR || this == VARCHAR || this == TEXT;
    }

    /** Returns the kind of a Calcite type's values. */
    public static ValueType of(RelDataType type) {
        if (type instanceof org.apache.calcite.rel.type.RelDataTypeFactoryImpl.JavaType java) {
            // json and jsonb, which Calcite knows as Java types of their value classes
            if (java.getJavaClass() == JSON.javaClass) {
                return JSON;
            }
            if (java.getJavaClass() == JSONB.javaClass) {
                return JSONB;
            }
        }
        return of(type.getSqlTypeName());
    }

    /** Returns the kind of a Calcite type name's values. */
    public static ValueType of(SqlTypeName name) {
        return switch (name) {
            case BOOLEAN -> BOOL;
            case TINYINT, SMALLINT, UTINYINT -> SMALLINT;
            case INTEGER, USMALLINT -> INTEGER;
            case BIGINT, UINTEGER -> BIGINT;
            case DECIMAL, UBIGINT -> NUMERIC;
            case REAL -> REAL;
            case FLOAT, DOUBLE -> DOUBLE;
            case CHAR -> CHAR;
            case VARCHAR -> VARCHAR;
            case BINARY, VARBINARY -> BYTEA;
            case DATE -> DATE;
            case TIME -> TIME;
            case TIMESTAMP -> TIMESTAMP;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> TIMESTAMPTZ;
            case UUID -> UUID;
            case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH, INTERVAL_DAY, INTERVAL_DAY_HOUR,
                 INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR, INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND,
                 INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND, INTERVAL_SECOND -> INTERVAL;
            default -> OTHER;
        };
    }

    /** Returns the kind of a PostgreSQL type's values. */
    public static ValueType of(PgType type) {
        return switch (type) {
            case BOOL -> BOOL;
            case BYTEA -> BYTEA;
            case NAME, TEXT, UNKNOWN -> TEXT;
            case INT8, OID -> BIGINT;
            case INT2 -> SMALLINT;
            case INT4 -> INTEGER;
            case FLOAT4 -> REAL;
            case FLOAT8 -> DOUBLE;
            case BPCHAR -> CHAR;
            case VARCHAR -> VARCHAR;
            case DATE -> DATE;
            case TIME -> TIME;
            case TIMESTAMP -> TIMESTAMP;
            case TIMESTAMPTZ -> TIMESTAMPTZ;
            case NUMERIC -> NUMERIC;
            case UUID -> UUID;
            case INTERVAL -> INTERVAL;
            case JSON -> JSON;
            case JSONB -> JSONB;
            case CHAR -> TEXT;
            case BOOL_ARRAY, BYTEA_ARRAY, BPCHAR_ARRAY, VARCHAR_ARRAY, FLOAT4_ARRAY, FLOAT8_ARRAY, TIMESTAMP_ARRAY,
                 DATE_ARRAY, TIME_ARRAY, TIMESTAMPTZ_ARRAY, INTERVAL_ARRAY, NUMERIC_ARRAY, UUID_ARRAY, JSON_ARRAY,
                 JSONB_ARRAY -> OTHER;
            case VOID, INT2VECTOR, OIDVECTOR, CHAR_ARRAY, NAME_ARRAY, INT2_ARRAY, INT4_ARRAY, INT8_ARRAY, TEXT_ARRAY,
                 OID_ARRAY -> OTHER;
            // types added to the api before the executor computes with them
            default -> OTHER;
        };
    }
}
