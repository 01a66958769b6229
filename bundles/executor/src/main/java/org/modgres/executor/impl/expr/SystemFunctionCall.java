package org.modgres.executor.impl.expr;

import java.util.List;

import org.modgres.api.catalog.SystemFunction;
import org.modgres.api.catalog.SystemRelationContext;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.type.PgType;
import org.modgres.executor.impl.value.Casts;
import org.modgres.executor.impl.value.ValueType;

/** A call of a function of the system catalogs, with its arguments in their parameter types' classes. */
final class SystemFunctionCall implements Evaluator {

    private final SystemFunction function;
    private final Evaluator[] arguments;
    private final ValueType[] argumentTypes;
    private final SystemRelationContext context;

    SystemFunctionCall(SystemFunction function, Evaluator[] arguments, SystemRelationContext context) {
        this.function = function;
        this.arguments = arguments;
        this.context = context;
        List<PgType> parameters = function.parameterTypes();
        this.argumentTypes = new ValueType[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            PgType type = i < parameters.size() ? parameters.get(i) : PgType.UNKNOWN;
            argumentTypes[i] = type == PgType.UNKNOWN ? ValueType.OTHER : ValueType.of(type);
        }
    }

    @Override
    public Object evaluate(Object[] row) {
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < values.length; i++) {
            Object value = arguments[i].evaluate(row);
            if (value == null && function.strict()) {
                return null;
            }
            values[i] = argumentTypes[i] == ValueType.OTHER ? value : Casts.toClass(value, argumentTypes[i]);
        }
        if (context == null) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    "function " + function.name() + " cannot be called here");
        }
        return function.apply(context, values);
    }
}
