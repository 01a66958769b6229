package org.modgres.planner.calcite.impl;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.TableInfo;

/**
 * The default of a column that ALTER TABLE ... ADD COLUMN adds, planned as
 * {@code SELECT CAST(default AS column type) FROM table} over the table with the new column, so
 * that the executor can compute it once, or for each row when it calls a volatile function.
 */
final class DefaultValues {

    /** Functions whose value changes from row to row: a default calling one is computed per row. */
    private static final Pattern VOLATILE = Pattern.compile(
            "(?i)\\b(nextval|random|gen_random_uuid|clock_timestamp|timeofday|setval)\\s*\\(");

    private DefaultValues() {
    }

    /** @param table the table with the new column, whose default is its {@code column}'s */
    static RelNode plan(TableInfo table, int column, Catalog catalog, SystemCatalog system, String text) {
        String expression = table.columns().get(column).defaultExpression();
        Catalog withColumn = CheckConstraints.withTable(catalog, table);
        StatementConverter converter = new StatementConverter(withColumn, system, text);
        SqlParserPos pos = SqlParserPos.ZERO;
        SqlNodeList items = SqlNodeList.of(SqlStdOperatorTable.AS.createCall(pos,
                CheckConstraints.parse(expression), new SqlIdentifier("default", pos)));
        SqlSelect query = new SqlSelect(pos, null, items, new SqlIdentifier(List.of(table.schema(), table.name()), pos),
                null, null, null, null, null, null, null, null, null);
        RelNode rel;
        try {
            rel = converter.convert(converter.validate(
                    UnknownLiteralTyping.apply(query, withColumn, converter.typeFactory())));
        } catch (PgException e) {
            // a position would point into the kept text, which the client never sent
            throw e.withPosition(0);
        }
        if (!(rel instanceof Project project)) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "default \"" + expression + "\" is not supported");
        }
        RelDataType type = project.getInput().getRowType().getFieldList().get(column).getType();
        RexNode cast = rel.getCluster().getRexBuilder().makeCast(type, project.getProjects().getFirst(), true, false);
        return LogicalProject.create(project.getInput(), List.of(), List.of(cast), List.of("default"), Set.of());
    }

    /** Returns whether a default must be computed for each row. */
    static boolean perRow(String expression) {
        return VOLATILE.matcher(expression).find();
    }
}
