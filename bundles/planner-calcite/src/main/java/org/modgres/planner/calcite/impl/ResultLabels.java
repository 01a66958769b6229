package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Names result columns as PostgreSQL does: an unnamed function call is named after the function,
 * a cast after its type, a VALUES column {@code columnN}, anything else {@code ?column?}.
 */
final class ResultLabels {

    private static final Pattern CALCITE_GENERATED = Pattern.compile("EXPR\\$\\d+");

    private ResultLabels() {
    }

    static List<String> of(SqlNode validated, SqlValidator validator) {
        List<RelDataTypeField> fields = validator.getValidatedNodeType(validated).getFieldList();
        SqlSelect select = firstSelect(validated);
        List<String> labels = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).getName();
            if (!CALCITE_GENERATED.matcher(name).matches()) {
                labels.add(name);
            } else if (select != null && i < select.getSelectList().size()) {
                labels.add(labelOf(select.getSelectList().get(i)));
            } else if (select == null && validated.getKind() == SqlKind.VALUES) {
                labels.add("column" + (i + 1));
            } else {
                labels.add("?column?");
            }
        }
        return labels;
    }

    private static SqlSelect firstSelect(SqlNode node) {
        if (node instanceof SqlSelect select) {
            return select;
        }
        if (node instanceof SqlBasicCall call && call.getKind() != SqlKind.VALUES && !call.getOperandList().isEmpty()
                && (call.getKind() == SqlKind.UNION || call.getKind() == SqlKind.INTERSECT
                        || call.getKind() == SqlKind.EXCEPT)) {
            return firstSelect(call.operand(0));
        }
        return null;
    }

    private static String labelOf(SqlNode item) {
        SqlNode expression = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
        if (expression.getKind() == SqlKind.OVER) {
            // a window function is named after the function
            return labelOf(((SqlCall) expression).operand(0));
        }
        if (expression instanceof SqlIdentifier identifier) {
            return identifier.names.get(identifier.names.size() - 1);
        }
        if (expression instanceof SqlCall call) {
            if (call.getKind() == SqlKind.CAST && call.operandCount() == 2
                    && call.operand(1) instanceof SqlDataTypeSpec spec) {
                return DdlTypes.columnType(spec).type().typname();
            }
            if (call.getKind() == SqlKind.CASE) {
                return "case";
            }
            if (call.getOperator() instanceof org.apache.calcite.sql.SqlFunction
                    || call.getOperator() instanceof org.apache.calcite.sql.SqlAggFunction) {
                return call.getOperator().getName().toLowerCase(Locale.ROOT);
            }
        }
        return "?column?";
    }
}
