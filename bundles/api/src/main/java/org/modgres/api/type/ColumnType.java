package org.modgres.api.type;

import java.util.Objects;

/**
 * A type with its modifier, as a column or result field has it: {@code varchar(20)} is
 * {@code VARCHAR} with typmod 24, {@code numeric(10,2)} is {@code NUMERIC} with typmod
 * {@code ((10 << 16) | 2) + 4}, following PostgreSQL's encoding. A typmod of -1 means none.
 */
public record ColumnType(PgType type, int typmod) {

    private static final int VARHDRSZ = 4;

    public ColumnType {
        Objects.requireNonNull(type, "type");
    }

    /** Returns the type without a modifier. */
    public static ColumnType of(PgType type) {
        return new ColumnType(type, -1);
    }

    /** Returns {@code varchar(n)} or {@code char(n)}. */
    public static ColumnType ofLength(PgType type, int length) {
        return new ColumnType(type, length + VARHDRSZ);
    }

    /** Returns the array of this type's elements with their modifier, as {@code varchar(10)[]} is. */
    public ColumnType arrayOf() {
        PgType array = type.arrayType();
        if (array == null) {
            throw new IllegalArgumentException("no array type of " + type.typname());
        }
        return new ColumnType(array, typmod);
    }

    /** Returns {@code numeric(precision, scale)}. */
    public static ColumnType numeric(int precision, int scale) {
        return new ColumnType(PgType.NUMERIC, ((precision << 16) | (scale & 0xffff)) + VARHDRSZ);
    }

    /** Returns the declared length of a character type, or -1 when there is none. */
    public int length() {
        return typmod < VARHDRSZ ? -1 : typmod - VARHDRSZ;
    }

    /** Returns the declared precision of a numeric, or -1 when there is none. */
    public int precision() {
        return typmod < VARHDRSZ ? -1 : ((typmod - VARHDRSZ) >> 16) & 0xffff;
    }

    /** Returns the declared scale of a numeric, or -1 when there is none. */
    public int scale() {
        return typmod < VARHDRSZ ? -1 : (typmod - VARHDRSZ) & 0xffff;
    }

    /** Returns the type as {@code format_type} prints it, e.g. {@code character varying(20)}. */
    public String format() {
        if (type.isArray()) {
            // an array column's typmod is its elements': varchar(10)[]
            return new ColumnType(type.elementType(), typmod).format() + "[]";
        }
        return switch (type) {
            case VARCHAR, BPCHAR -> length() < 0 ? type.sqlName() : type.sqlName() + "(" + length() + ")";
            case NUMERIC -> precision() < 0 ? "numeric" : "numeric(" + precision() + "," + scale() + ")";
            default -> type.sqlName();
        };
    }
}
