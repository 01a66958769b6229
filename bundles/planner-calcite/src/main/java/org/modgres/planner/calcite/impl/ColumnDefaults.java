package org.modgres.planner.calcite.impl;

import java.util.List;

import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql2rel.InitializerContext;
import org.apache.calcite.sql2rel.NullInitializerExpressionFactory;
import org.modgres.api.storage.ColumnInfo;

/**
 * The values an INSERT gives the columns it does not name or sets to DEFAULT: the column's DEFAULT
 * expression read back from the catalog (see {@link DefaultExpressions}), else NULL.
 */
final class ColumnDefaults extends NullInitializerExpressionFactory {

    private final List<ColumnInfo> columns;

    ColumnDefaults(List<ColumnInfo> columns) {
        this.columns = columns;
    }

    /**
     * A column without a default has the default NULL, also a NOT NULL one, which the storage then
     * refuses: Calcite replaces a DEFAULT written in a VALUES row only for the columns it is told
     * have a default.
     */
    @Override
    public ColumnStrategy generationStrategy(RelOptTable table, int column) {
        return ColumnStrategy.DEFAULT;
    }

    @Override
    public RexNode newColumnDefaultValue(RelOptTable table, int column, InitializerContext context) {
        String expression = columns.get(column).defaultExpression();
        if (expression == null) {
            return super.newColumnDefaultValue(table, column, context);
        }
        SqlNode parsed = context.parseExpression(DefaultExpressions.PARSER, expression);
        SqlNode validated;
        try {
            validated = context.validateExpression(table.getRowType(), parsed);
        } catch (CalciteContextException e) {
            // a position would point into the kept text, which the client never sent
            throw ValidationErrors.translate(e, expression).withPosition(0);
        }
        RexNode value = context.convertExpression(validated);
        RexBuilder rexBuilder = context.getRexBuilder();
        RelDataType type = table.getRowType().getFieldList().get(column).getType();
        return rexBuilder.makeCast(type, value, true, false);
    }
}
