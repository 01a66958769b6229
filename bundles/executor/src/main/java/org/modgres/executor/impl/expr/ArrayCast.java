package org.modgres.executor.impl.expr;

import org.apache.calcite.rel.type.RelDataType;
import org.modgres.api.type.PgType;
import org.modgres.api.type.TextFormat;
import org.modgres.executor.impl.value.PgErrors;

/** A cast of text to an array, as {@code '{1,2}'::int[]} reads it with the array's input function. */
final class ArrayCast implements Evaluator {

    private final Evaluator operand;
    private final PgType type;

    private ArrayCast(Evaluator operand, PgType type) {
        this.operand = operand;
        this.type = type;
    }

    static Evaluator of(Evaluator operand, RelDataType arrayType) {
        PgType type = switch (arrayType.getComponentType().getSqlTypeName()) {
            case SMALLINT -> PgType.INT2_ARRAY;
            case INTEGER -> PgType.INT4_ARRAY;
            case BIGINT -> PgType.INT8_ARRAY;
            case CHAR, VARCHAR -> PgType.TEXT_ARRAY;
            default -> throw PgErrors.notSupported("arrays of " + arrayType.getComponentType());
        };
        return new ArrayCast(operand, type);
    }

    @Override
    public Object evaluate(Object[] row) {
        Object value = operand.evaluate(row);
        return value instanceof String text ? TextFormat.parse(type, text) : value;
    }
}
