package org.modgres.planner.calcite.impl;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.modgres.api.catalog.SystemFunction;
import org.modgres.api.catalog.SystemFunctionOperator;
import org.modgres.api.type.ColumnType;

/**
 * A system function as Calcite's validator sees it: its name and number of arguments, any
 * argument types (the planner casts each argument to the declared type before validation, see
 * {@link CatalogRewriter}), and its declared result type.
 */
final class SystemSqlFunction extends SqlFunction implements SystemFunctionOperator {

    private final SystemFunction function;

    SystemSqlFunction(SystemFunction function) {
        super(function.name(), SqlKind.OTHER_FUNCTION,
                binding -> TypeMapping.toCalcite(binding.getTypeFactory(), ColumnType.of(function.returnType()), true),
                null, OperandTypes.variadic(SqlOperandCountRanges.of(function.parameterTypes().size())),
                SqlFunctionCategory.USER_DEFINED_FUNCTION);
        this.function = function;
    }

    @Override
    public SystemFunction function() {
        return function;
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }
}
