package org.modgres.executor.impl.value;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeName;
import org.modgres.api.type.ColumnType;

/**
 * A type values are converted to, with its modifier: the length of a character type, the
 * precision and scale of a numeric. -1 means "none", as an unconstrained {@code varchar} or
 * {@code numeric} has.
 */
public record TargetType(ValueType kind, int length, int precision, int scale) {

    /** Returns a type without a modifier. */
    public static TargetType of(ValueType kind) {
        return new TargetType(kind, -1, -1, -1);
    }

    /** Returns the type of a table column. */
    public static TargetType of(ColumnType type) {
        ValueType kind = ValueType.of(type.type());
        return switch (kind) {
            case CHAR, VARCHAR -> new TargetType(kind, type.length(), -1, -1);
            case NUMERIC -> new TargetType(kind, -1, type.precision(), type.scale());
            default -> of(kind);
        };
    }

    /**
     * Returns the type a Calcite type stands for. A DECIMAL as wide as the type system allows is
     * PostgreSQL's unconstrained {@code numeric}: Calcite has no DECIMAL without a precision.
     */
    public static TargetType of(RelDataType type, RelDataTypeSystem typeSystem) {
        ValueType kind = ValueType.of(type);
        return switch (kind) {
            case CHAR, VARCHAR -> {
                int length = type.getPrecision();
                boolean unbounded = length == RelDataType.PRECISION_NOT_SPECIFIED
                        || length >= typeSystem.getMaxPrecision(type.getSqlTypeName());
                yield new TargetType(kind == ValueType.VARCHAR && unbounded ? ValueType.TEXT : kind,
                        unbounded ? -1 : length, -1, -1);
            }
            case NUMERIC -> {
                int precision = type.getPrecision();
                if (precision == RelDataType.PRECISION_NOT_SPECIFIED
                        || precision >= typeSystem.getMaxPrecision(SqlTypeName.DECIMAL)) {
                    yield of(kind);
                }
                yield new TargetType(kind, -1, precision, Math.max(type.getScale(), 0));
            }
            default -> of(kind);
        };
    }

    /** Returns the type as PostgreSQL prints it in messages, e.g. {@code character varying(3)}. */
    public String display() {
        if (length >= 0) {
            return kind.sqlName() + "(" + length + ")";
        }
        if (precision >= 0) {
            return kind.sqlName() + "(" + precision + "," + scale + ")";
        }
        return kind.sqlName();
    }
}
