package org.modgres.planner.calcite.impl;

import java.util.List;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.modgres.api.type.PgType;

/**
 * The set-returning json and jsonb functions, used in FROM: {@code json[b]_each[_text]} (key,
 * value), {@code json[b]_array_elements[_text]} (value) and {@code json[b]_object_keys} (one
 * column named after the function). The executor produces their rows by name.
 */
final class JsonTableFunctions extends SqlFunction implements SqlTableFunction {

    static final SqlOperatorTable OPERATORS = SqlOperatorTables.of(List.of(
            new JsonTableFunctions("json_each"), new JsonTableFunctions("jsonb_each"),
            new JsonTableFunctions("json_each_text"), new JsonTableFunctions("jsonb_each_text"),
            new JsonTableFunctions("json_array_elements"), new JsonTableFunctions("jsonb_array_elements"),
            new JsonTableFunctions("json_array_elements_text"), new JsonTableFunctions("jsonb_array_elements_text"),
            new JsonTableFunctions("json_object_keys"), new JsonTableFunctions("jsonb_object_keys")));

    private JsonTableFunctions(String name) {
        super(name, SqlKind.OTHER_FUNCTION, ReturnTypes.CURSOR, null, OperandTypes.ANY,
                SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
    }

    @Override
    public SqlReturnTypeInference getRowTypeInference() {
        return this::rowType;
    }

    private RelDataType rowType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        String name = getName();
        RelDataType text = factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.VARCHAR), true);
        RelDataType value = name.endsWith("_text") ? text : factory.createTypeWithNullability(
                JsonTypes.type(factory, name.startsWith("jsonb") ? PgType.JSONB : PgType.JSON), true);
        RelDataTypeFactory.Builder row = factory.builder();
        if (name.endsWith("object_keys")) {
            return row.add(name, text).build();
        }
        if (name.contains("_each")) {
            row.add("key", text);
        }
        return row.add("value", value).build();
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }
}
