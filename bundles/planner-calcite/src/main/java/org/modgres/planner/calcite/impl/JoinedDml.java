package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableModify;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;

/**
 * UPDATE ... FROM and DELETE ... USING, which Calcite's statements do not have. The rows to
 * change are found by the query {@code SELECT *, set-expressions FROM target AS alias, items
 * WHERE condition}: the target is the join's left input, so the executor tracks which stored row
 * each result row comes from, and changes each row once, as PostgreSQL does when several rows of
 * the other tables join one target row. The query's rows are arranged as the executor's table
 * modification reads them: the target's columns, then the new values of the SET columns, then the
 * other tables' columns, which RETURNING may name.
 */
final class JoinedDml {

    private JoinedDml() {
    }

    /** Returns the query of the rows an UPDATE ... FROM or DELETE ... USING changes. */
    static SqlSelect sourceQuery(SqlNode dml, SqlNode from) {
        SqlParserPos pos = dml.getParserPosition();
        SqlNodeList selectList = SqlNodeList.of(SqlIdentifier.star(pos));
        SqlNode condition;
        if (dml instanceof SqlUpdate update) {
            int ordinal = 0;
            for (SqlNode expression : update.getSourceExpressionList()) {
                selectList.add(SqlValidatorUtil.addAlias(SqlTrees.copy(expression), "$set" + ordinal++));
            }
            condition = update.getCondition();
        } else {
            condition = ((SqlDelete) dml).getCondition();
        }
        SqlNode join = new SqlJoin(pos, target(dml), SqlLiteral.createBoolean(false, pos),
                JoinType.COMMA.symbol(pos), SqlTrees.copy(from), JoinConditionType.NONE.symbol(pos), null);
        return new SqlSelect(pos, null, selectList, join, SqlTrees.copy(condition), null, null, null, null, null,
                null, null, null);
    }

    /** Returns the target table as FROM names it: {@code table [AS alias]}. */
    static SqlNode target(SqlNode dml) {
        SqlNode table;
        SqlIdentifier alias;
        if (dml instanceof SqlUpdate update) {
            table = update.getTargetTable();
            alias = update.getAlias();
        } else {
            table = ((SqlDelete) dml).getTargetTable();
            alias = ((SqlDelete) dml).getAlias();
        }
        return alias == null ? SqlTrees.copy(table)
                : SqlStdOperatorTable.AS.createCall(alias.getParserPosition(), SqlTrees.copy(table),
                SqlTrees.copy(alias));
    }

    /**
     * Returns the table modification over the converted query: its rows rearranged to the
     * target's columns, the SET values and the other tables' columns.
     */
    static RelNode modify(SqlNode dml, RelNode query, StatementConverter converter, String text) {
        SqlIdentifier name = (SqlIdentifier) (dml instanceof SqlUpdate update ? update.getTargetTable()
                : ((SqlDelete) dml).getTargetTable());
        RelOptTable table = converter.table(name.names);
        if (table == null) {
            throw new PgException(SqlState.UNDEFINED_TABLE, "relation \"" + String.join(".", name.names)
                    + "\" does not exist");
        }
        RelDataType targetType = table.getRowType();
        int width = targetType.getFieldCount();
        RexBuilder rexBuilder = query.getCluster().getRexBuilder();
        List<RelDataTypeField> fields = query.getRowType().getFieldList();
        if (!(dml instanceof SqlUpdate update)) {
            return LogicalTableModify.create(table, converter.catalogReader(), query, TableModify.Operation.DELETE,
                    null, null, false);
        }
        List<String> columns = new ArrayList<>();
        for (SqlNode column : update.getTargetColumnList()) {
            SqlIdentifier identifier = (SqlIdentifier) column;
            String columnName = identifier.names.getLast();
            if (targetType.getField(columnName, true, false) == null) {
                SqlParserPos pos = identifier.getParserPosition();
                throw new PgException(SqlState.UNDEFINED_COLUMN, "column \"" + columnName + "\" of relation \""
                        + name.names.getLast() + "\" does not exist")
                        .withPosition(ValidationErrors.offsetOf(text, pos.getLineNum(), pos.getColumnNum()));
            }
            columns.add(columnName);
        }
        int assigned = columns.size();
        int others = fields.size() - width - assigned;
        List<RexNode> projects = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            add(projects, names, rexBuilder, fields, i);
        }
        for (int i = 0; i < assigned; i++) {
            checkAssignment(columns.get(i), targetType.getField(columns.get(i), true, false).getType(),
                    fields.get(width + others + i).getType(), update.getSourceExpressionList().get(i), text);
        }
        List<RexNode> sources = new ArrayList<>();
        for (int i = 0; i < assigned; i++) {
            sources.add(rexBuilder.makeInputRef(fields.get(width + others + i).getType(), width + i));
            add(projects, names, rexBuilder, fields, width + others + i);
        }
        for (int i = 0; i < others; i++) {
            add(projects, names, rexBuilder, fields, width + i);
        }
        RelNode arranged = LogicalProject.create(query, List.of(), projects, names, Set.of());
        return LogicalTableModify.create(table, converter.catalogReader(), arranged, TableModify.Operation.UPDATE,
                columns, sources, false);
    }

    /**
     * Refuses a SET value the column cannot take by an assignment (42804), as the validator does
     * for UPDATE without FROM: a string literal is of unknown type and takes the column's, and a
     * text column takes any value.
     */
    private static void checkAssignment(String column, RelDataType target, RelDataType source, SqlNode expression,
                                        String text) {
        if (expression instanceof SqlLiteral || target.getFamily() == SqlTypeFamily.CHARACTER
                || SqlTypeUtil.canAssignFrom(target, source)) {
            return;
        }
        SqlParserPos pos = expression.getParserPosition();
        throw new PgException(SqlState.DATATYPE_MISMATCH, Severity.ERROR,
                "column \"" + column + "\" is of type " + TypeOfFunction.typeName(target)
                        + " but expression is of type " + TypeOfFunction.typeName(source),
                null, "You will need to rewrite or cast the expression.",
                ValidationErrors.offsetOf(text, pos.getLineNum(), pos.getColumnNum()), null);
    }

        private static void add(List<RexNode> projects, List<String> names, RexBuilder rexBuilder,
                            List<RelDataTypeField> fields, int index) {
        projects.add(rexBuilder.makeInputRef(fields.get(index).getType(), index));
        names.add("$f" + projects.size());
    }
}
