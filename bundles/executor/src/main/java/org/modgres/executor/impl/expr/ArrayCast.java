package org.modgres.executor.impl.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.calcite.rel.type.RelDataType;
import org.modgres.api.type.PgType;
import org.modgres.api.type.TextFormat;
import org.modgres.executor.impl.value.Casts;
import org.modgres.executor.impl.value.PgErrors;
import org.modgres.executor.impl.value.SessionTimeZone;
import org.modgres.executor.impl.value.TargetType;
import org.modgres.executor.impl.value.ValueType;

/**
 * A cast to an array: text is read with the array's input function ({@code '{1,2}'::int[]}), an
 * array has each element cast to the target's element type ({@code int[]::text[]}), as
 * PostgreSQL's array_in and array coercion do; and the cast of an array to text.
 */
final class ArrayCast implements Evaluator {

    private final Evaluator operand;
    private final PgType type;
    private final TargetType elementTarget;
    private final boolean assignment;

    private ArrayCast(Evaluator operand, PgType type, TargetType elementTarget, boolean assignment) {
        this.operand = operand;
        this.type = type;
        this.elementTarget = elementTarget;
        this.assignment = assignment;
    }

    /**
     * Returns the cast of a value to an array type.
     *
     * @param elementTarget the element type with its modifier, as varchar(3)[] has one
     * @param assignment    whether the value is stored in a column (a too-long string fails)
     */
    static Evaluator of(Evaluator operand, RelDataType arrayType, TargetType elementTarget, boolean assignment) {
        PgType type = arrayTypeOf(ValueType.of(arrayType.getComponentType()));
        if (type == null) {
            throw PgErrors.notSupported("arrays of " + arrayType.getComponentType());
        }
        return new ArrayCast(operand, type, elementTarget, assignment);
    }

    /** Returns an array's text ({@code array[1,2]::text} is {1,2}), as PostgreSQL's array_out prints it. */
    static Evaluator toText(Evaluator operand, RelDataType arrayType) {
        PgType type = arrayTypeOf(ValueType.of(arrayType.getComponentType()));
        if (type == null) {
            throw PgErrors.notSupported("arrays of " + arrayType.getComponentType());
        }
        return row -> {
            Object value = operand.evaluate(row);
            return value == null ? null : TextFormat.format(type, value, SessionTimeZone.current());
        };
    }

    /** Returns the PostgreSQL array type whose elements are values of a kind, or null. */
    static PgType arrayTypeOf(ValueType element) {
        PgType elementType = switch (element) {
            case BOOL -> PgType.BOOL;
            case SMALLINT -> PgType.INT2;
            case INTEGER -> PgType.INT4;
            case BIGINT -> PgType.INT8;
            case NUMERIC -> PgType.NUMERIC;
            case REAL -> PgType.FLOAT4;
            case DOUBLE -> PgType.FLOAT8;
            case CHAR -> PgType.BPCHAR;
            case VARCHAR, TEXT -> PgType.TEXT;
            case BYTEA -> PgType.BYTEA;
            case DATE -> PgType.DATE;
            case TIME -> PgType.TIME;
            case TIMESTAMP -> PgType.TIMESTAMP;
            case TIMESTAMPTZ -> PgType.TIMESTAMPTZ;
            case UUID -> PgType.UUID;
            case INTERVAL -> PgType.INTERVAL;
            case JSON -> PgType.JSON;
            case JSONB -> PgType.JSONB;
            default -> null;
        };
        return elementType == null ? null : elementType.arrayType();
    }

    @Override
    public Object evaluate(Object[] row) {
        Object value = operand.evaluate(row);
        List<?> elements = switch (value) {
            case null -> null;
            case String text -> (List<?>) TextFormat.parse(type, text, SessionTimeZone.current());
            case List<?> list -> list;
            default -> throw PgErrors.notSupported("cast of " + Casts.typeNameOf(value) + " to " + type.sqlName());
        };
        if (elements == null) {
            return null;
        }
        List<Object> cast = new ArrayList<>(elements.size());
        for (Object element : elements) {
            cast.add(Casts.cast(element, elementTarget, assignment));
        }
        return Collections.unmodifiableList(cast);
    }
}
