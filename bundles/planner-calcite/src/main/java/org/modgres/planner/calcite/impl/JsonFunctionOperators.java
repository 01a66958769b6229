package org.modgres.planner.calcite.impl;

import java.util.List;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.util.Optionality;
import org.modgres.api.type.PgType;

/**
 * PostgreSQL's json and jsonb functions and aggregates. Their json and jsonb arguments are not
 * checked here: a quoted literal stands for them too, which the executor reads as json when it
 * evaluates them by name.
 */
final class JsonFunctionOperators {

    private static final SqlReturnTypeInference JSON = binding -> JsonTypes.type(binding.getTypeFactory(), PgType.JSON);
    private static final SqlReturnTypeInference JSONB = binding -> JsonTypes.type(binding.getTypeFactory(), PgType.JSONB);
    static final SqlReturnTypeInference JSON_NULLABLE = JSON.andThen(SqlTypeTransforms.TO_NULLABLE);
    private static final SqlReturnTypeInference JSONB_NULLABLE = JSONB.andThen(SqlTypeTransforms.TO_NULLABLE);
    static final SqlReturnTypeInference JSON_MAYBE_NULL = JSON.andThen(SqlTypeTransforms.FORCE_NULLABLE);
    private static final SqlReturnTypeInference JSONB_MAYBE_NULL = JSONB.andThen(SqlTypeTransforms.FORCE_NULLABLE);
    private static final SqlReturnTypeInference TEXT = ReturnTypes.VARCHAR.andThen(SqlTypeTransforms.FORCE_NULLABLE);
    private static final SqlReturnTypeInference INTEGER = ReturnTypes.INTEGER.andThen(SqlTypeTransforms.FORCE_NULLABLE);

    private static final SqlOperandTypeChecker ONE = OperandTypes.ANY;
    private static final SqlOperandTypeChecker ANY_NUMBER = OperandTypes.repeat(SqlOperandCountRanges.from(0),
            OperandTypes.ANY);
    private static final SqlOperandTypeChecker ONE_OR_MORE = OperandTypes.repeat(SqlOperandCountRanges.from(1),
            OperandTypes.ANY);

    static final List<SqlOperator> ALL = List.of(
            LibraryFunctions.function("to_json", JSON_NULLABLE, ONE),
            LibraryFunctions.function("to_jsonb", JSONB_NULLABLE, ONE),
            LibraryFunctions.function("json_build_object", JSON, ANY_NUMBER),
            LibraryFunctions.function("jsonb_build_object", JSONB, ANY_NUMBER),
            LibraryFunctions.function("json_build_array", JSON, ANY_NUMBER),
            LibraryFunctions.function("jsonb_build_array", JSONB, ANY_NUMBER),
            LibraryFunctions.function("json_typeof", TEXT, ONE),
            LibraryFunctions.function("jsonb_typeof", TEXT, ONE),
            LibraryFunctions.function("json_array_length", INTEGER, ONE),
            LibraryFunctions.function("jsonb_array_length", INTEGER, ONE),
            LibraryFunctions.function("jsonb_pretty", TEXT, ONE),
            LibraryFunctions.function("jsonb_strip_nulls", JSONB_NULLABLE, ONE),
            LibraryFunctions.function("jsonb_set", JSONB_MAYBE_NULL, OperandTypes.or(
                    OperandTypes.family(List.of(
                            org.apache.calcite.sql.type.SqlTypeFamily.ANY, org.apache.calcite.sql.type.SqlTypeFamily.ANY,
                            org.apache.calcite.sql.type.SqlTypeFamily.ANY, org.apache.calcite.sql.type.SqlTypeFamily.BOOLEAN),
                            i -> i == 3))),
            LibraryFunctions.function("json_extract_path", JSON_MAYBE_NULL, ONE_OR_MORE),
            LibraryFunctions.function("jsonb_extract_path", JSONB_MAYBE_NULL, ONE_OR_MORE),
            LibraryFunctions.function("json_extract_path_text", TEXT, ONE_OR_MORE),
            LibraryFunctions.function("jsonb_extract_path_text", TEXT, ONE_OR_MORE),
            aggregate("json_agg", JSON_MAYBE_NULL, OperandTypes.ANY),
            aggregate("jsonb_agg", JSONB_MAYBE_NULL, OperandTypes.ANY),
            aggregate("json_object_agg", JSON_MAYBE_NULL, OperandTypes.ANY_ANY),
            aggregate("jsonb_object_agg", JSONB_MAYBE_NULL, OperandTypes.ANY_ANY));

    private JsonFunctionOperators() {
    }

    private static SqlAggFunction aggregate(String name, SqlReturnTypeInference returnType,
                                            SqlOperandTypeChecker operandTypes) {
        // the group order is optional: json_agg(x ORDER BY y) arrives as WITHIN GROUP (AggregateOrders)
        return new SqlAggFunction(name, null, SqlKind.OTHER_FUNCTION, returnType, null, operandTypes,
                SqlFunctionCategory.USER_DEFINED_FUNCTION, false, false, Optionality.OPTIONAL) {
            // deprecated in Calcite, yet still asked for the aggregate's type where no call binding is at hand
            @SuppressWarnings("deprecation")
            @Override
            public RelDataType getReturnType(org.apache.calcite.rel.type.RelDataTypeFactory typeFactory) {
                return JsonTypes.type(typeFactory, name.startsWith("jsonb") ? PgType.JSONB : PgType.JSON);
            }
        };
    }
}
