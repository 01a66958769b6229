package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.type.PgType;

/**
 * Gives the string literals and NULLs of {@code INSERT ... VALUES} the type of their target
 * column before validation. In PostgreSQL such a literal has no type of its own ("unknown") and
 * takes the column's; Calcite types it as char(n) and then refuses rows whose types do not agree,
 * such as {@code ('2020-01-15'), (NULL)} for a date column.
 */
final class UnknownLiteralTyping {

    private UnknownLiteralTyping() {
    }

    static SqlNode apply(SqlNode tree, Catalog catalog, RelDataTypeFactory typeFactory) {
        if (!(tree instanceof SqlInsert insert) || insert.getSource().getKind() != SqlKind.VALUES
                || !(insert.getTargetTable() instanceof SqlIdentifier target)) {
            return tree;
        }
        List<String> name = DdlPlanner.qualified(target);
        Optional<TableInfo> table = catalog.table(name.get(0), name.get(1));
        if (table.isEmpty()) {
            return tree;
        }
        List<ColumnInfo> columns = targetColumns(table.get(), insert.getTargetColumnList());
        if (columns == null) {
            return tree;
        }
        for (SqlNode row : ((SqlCall) insert.getSource()).getOperandList()) {
            if (row instanceof SqlBasicCall rowCall && rowCall.getKind() == SqlKind.ROW) {
                for (int i = 0; i < rowCall.operandCount() && i < columns.size(); i++) {
                    rowCall.setOperand(i, assigned(rowCall.operand(i), columns.get(i), typeFactory));
                }
            }
        }
        return tree;
    }

    /** Returns a value assigned to a column, cast to the column's type when it is an unknown literal. */
    static SqlNode assigned(SqlNode value, ColumnInfo column, RelDataTypeFactory typeFactory) {
        if (!isUnknownLiteral(value) || isCharacter(column.type().type())) {
            return value;
        }
        return SqlStdOperatorTable.CAST.createCall(value.getParserPosition(), value,
                TypeMapping.spec(TypeMapping.toCalcite(typeFactory, column.type(), true)));
    }

    private static List<ColumnInfo> targetColumns(TableInfo table, SqlNodeList targetColumns) {
        if (targetColumns == null || targetColumns.isEmpty()) {
            return table.columns();
        }
        List<ColumnInfo> columns = new ArrayList<>();
        for (SqlNode node : targetColumns) {
            int index = table.columnIndex(((SqlIdentifier) node).getSimple());
            if (index < 0) {
                return null;
            }
            columns.add(table.columns().get(index));
        }
        return columns;
    }

    private static boolean isUnknownLiteral(SqlNode node) {
        return node instanceof SqlCharStringLiteral
                || (node instanceof SqlLiteral literal && literal.getValue() == null);
    }

    private static boolean isCharacter(PgType type) {
        return type == PgType.TEXT || type == PgType.VARCHAR || type == PgType.BPCHAR || type == PgType.NAME;
    }
}
