package org.modgres.api.type;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL types Modgres knows, with their OIDs from {@code pg_type}.
 *
 * <p>Values travel between bundles as plain Java objects; each type names the one class its
 * values have: {@code bool} is {@link Boolean}, {@code int2} {@link Short}, {@code int4}
 * {@link Integer}, {@code int8} and {@code oid} {@link Long}, {@code numeric}
 * {@link java.math.BigDecimal}, {@code float4} {@link Float}, {@code float8} {@link Double}, the
 * character types {@link String}, {@code bytea} {@code byte[]}, {@code date}
 * {@link java.time.LocalDate}, {@code time} {@link java.time.LocalTime}, {@code timestamp}
 * {@link java.time.LocalDateTime}, {@code timestamptz} {@link java.time.OffsetDateTime}, {@code interval}
 * {@link PgInterval}, {@code json} {@link PgJson}, {@code jsonb} {@link PgJsonb} and {@code uuid} {@link java.util.UUID}; {@code "char"} (one byte) is a {@link String} too. Arrays and
 * the vectors {@code int2vector} and {@code oidvector} are a {@link List} of their elements' values,
 * one-dimensional with lower bound 1. SQL NULL is {@code null} for every type.
 */
public enum PgType {
    BOOL(16, "bool", "boolean", 1, 1000, Boolean.class),
    BYTEA(17, "bytea", "bytea", -1, 1001, byte[].class),
    CHAR(18, "char", "\"char\"", 1, 1002, String.class),
    NAME(19, "name", "name", 64, 1003, String.class),
    INT8(20, "int8", "bigint", 8, 1016, Long.class),
    INT2(21, "int2", "smallint", 2, 1005, Short.class),
    INT2VECTOR(22, "int2vector", "int2vector", -1, 1006, List.class),
    INT4(23, "int4", "integer", 4, 1007, Integer.class),
    TEXT(25, "text", "text", -1, 1009, String.class),
    OID(26, "oid", "oid", 4, 1028, Long.class),
    OIDVECTOR(30, "oidvector", "oidvector", -1, 1013, List.class),
    FLOAT4(700, "float4", "real", 4, 1021, Float.class),
    FLOAT8(701, "float8", "double precision", 8, 1022, Double.class),
    UNKNOWN(705, "unknown", "unknown", -2, 0, String.class),
    CHAR_ARRAY(1002, "_char", "\"char\"[]", -1, 0, List.class),
    NAME_ARRAY(1003, "_name", "name[]", -1, 0, List.class),
    INT2_ARRAY(1005, "_int2", "smallint[]", -1, 0, List.class),
    INT4_ARRAY(1007, "_int4", "integer[]", -1, 0, List.class),
    TEXT_ARRAY(1009, "_text", "text[]", -1, 0, List.class),
    INT8_ARRAY(1016, "_int8", "bigint[]", -1, 0, List.class),
    OID_ARRAY(1028, "_oid", "oid[]", -1, 0, List.class),
    BPCHAR(1042, "bpchar", "character", -1, 1014, String.class),
    VARCHAR(1043, "varchar", "character varying", -1, 1015, String.class),
    DATE(1082, "date", "date", 4, 1182, java.time.LocalDate.class),
    TIME(1083, "time", "time without time zone", 8, 1183, java.time.LocalTime.class),
    TIMESTAMP(1114, "timestamp", "timestamp without time zone", 8, 1115, java.time.LocalDateTime.class),
    TIMESTAMPTZ(1184, "timestamptz", "timestamp with time zone", 8, 1185, java.time.OffsetDateTime.class),
    INTERVAL(1186, "interval", "interval", 16, 1187, PgInterval.class),
    NUMERIC(1700, "numeric", "numeric", -1, 1231, java.math.BigDecimal.class),
    VOID(2278, "void", "void", 4, 0, Void.class),
    UUID(2950, "uuid", "uuid", 16, 2951, java.util.UUID.class),
    JSON(114, "json", "json", -1, 199, PgJson.class),
    JSONB(3802, "jsonb", "jsonb", -1, 3807, PgJsonb.class),
    BOOL_ARRAY(1000, "_bool", "boolean[]", -1, 0, List.class),
    BYTEA_ARRAY(1001, "_bytea", "bytea[]", -1, 0, List.class),
    BPCHAR_ARRAY(1014, "_bpchar", "character[]", -1, 0, List.class),
    VARCHAR_ARRAY(1015, "_varchar", "character varying[]", -1, 0, List.class),
    FLOAT4_ARRAY(1021, "_float4", "real[]", -1, 0, List.class),
    FLOAT8_ARRAY(1022, "_float8", "double precision[]", -1, 0, List.class),
    TIMESTAMP_ARRAY(1115, "_timestamp", "timestamp without time zone[]", -1, 0, List.class),
    DATE_ARRAY(1182, "_date", "date[]", -1, 0, List.class),
    TIME_ARRAY(1183, "_time", "time without time zone[]", -1, 0, List.class),
    TIMESTAMPTZ_ARRAY(1185, "_timestamptz", "timestamp with time zone[]", -1, 0, List.class),
    INTERVAL_ARRAY(1187, "_interval", "interval[]", -1, 0, List.class),
    NUMERIC_ARRAY(1231, "_numeric", "numeric[]", -1, 0, List.class),
    UUID_ARRAY(2951, "_uuid", "uuid[]", -1, 0, List.class),
    JSON_ARRAY(199, "_json", "json[]", -1, 0, List.class),
    JSONB_ARRAY(3807, "_jsonb", "jsonb[]", -1, 0, List.class);

    private static final Map<Integer, PgType> BY_OID = new HashMap<>();

    private static final Map<Integer, PgType> ELEMENT_BY_ARRAY_OID = new HashMap<>();

    static {
        for (PgType t : values()) {
            BY_OID.put(t.oid, t);
        }
        for (PgType t : values()) {
            if (t.arrayOid != 0 && BY_OID.containsKey(t.arrayOid)) {
                ELEMENT_BY_ARRAY_OID.put(t.arrayOid, t);
            }
        }
    }

    private final int oid;
    private final String typname;
    private final String sqlName;
    private final int typlen;
    private final int arrayOid;
    private final Class<?> javaClass;

    PgType(int oid, String typname, String sqlName, int typlen, int arrayOid, Class<?> javaClass) {
        this.oid = oid;
        this.typname = typname;
        this.sqlName = sqlName;
        this.typlen = typlen;
        this.arrayOid = arrayOid;
        this.javaClass = javaClass;
    }

    /** Returns the type for an OID, or {@code null} when Modgres does not know it. */
    public static PgType byOid(int oid) {
        return BY_OID.get(oid);
    }

    public int oid() {
        return oid;
    }

    /** Returns the name in {@code pg_type.typname}, e.g. {@code int4}. */
    public String typname() {
        return typname;
    }

    /** Returns the SQL-standard name {@code format_type} prints, e.g. {@code integer}. */
    public String sqlName() {
        return sqlName;
    }

    /** Returns {@code pg_type.typlen}: the fixed size in bytes, or -1 for variable length. */
    public int typlen() {
        return typlen;
    }

    /** Returns the OID of the one-dimensional array of this type, or 0 when there is none. */
    public int arrayOid() {
        return arrayOid;
    }

    /**
     * Returns the type of the elements of an array or vector type, or null for other types.
     */
    public PgType elementType() {
        return switch (this) {
            case CHAR_ARRAY -> CHAR;
            case NAME_ARRAY -> NAME;
            case INT2_ARRAY, INT2VECTOR -> INT2;
            case INT4_ARRAY -> INT4;
            case INT8_ARRAY -> INT8;
            case TEXT_ARRAY -> TEXT;
            case OID_ARRAY, OIDVECTOR -> OID;
            default -> ELEMENT_BY_ARRAY_OID.get(oid);
        };
    }

    /** Returns whether this is a one-dimensional array type, such as {@code _int4}. */
    public boolean isArray() {
        return !isVector() && elementType() != null;
    }

    /** Returns the array type whose elements have this type, or null when Modgres has none. */
    public PgType arrayType() {
        return arrayOid == 0 ? null : BY_OID.get(arrayOid);
    }

    /** Returns whether this is a vector type, printed as elements separated by spaces. */
    public boolean isVector() {
        return this == INT2VECTOR || this == OIDVECTOR;
    }

    /** Returns the Java class of this type's values. */
    public Class<?> javaClass() {
        return javaClass;
    }
}
