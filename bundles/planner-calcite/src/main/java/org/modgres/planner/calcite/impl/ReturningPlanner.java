package org.modgres.planner.calcite.impl;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * Plans RETURNING as the query {@code SELECT items FROM target [AS alias]}: validated like any
 * select list, converted to a projection over a scan of the target table, which the executor
 * evaluates for each changed row.
 */
final class ReturningPlanner {

    private ReturningPlanner() {
    }

    /**
     * Returns the query of a statement's RETURNING items; build it before the DML is validated,
     * which changes the DML's tree.
     */
    static SqlSelect query(SqlNode dml, SqlNodeList items) {
        return query(dml, items, null);
    }

    /**
     * Returns the query of the RETURNING items of UPDATE ... FROM or DELETE ... USING, which may
     * name the other tables' columns too: {@code SELECT items FROM target [AS alias], from}. The
     * executor evaluates it over each changed row followed by the row of the others it joined.
     *
     * @param from the FROM or USING items, or null for a statement without them
     */
    static SqlSelect query(SqlNode dml, SqlNodeList items, SqlNode from) {
        SqlTrees.rejectSubQueries(items, "RETURNING");
        SqlNode target;
        SqlIdentifier alias;
        switch (dml) {
            case SqlInsert insert -> {
                target = insert.getTargetTable();
                alias = null;
            }
            case SqlUpdate update -> {
                target = update.getTargetTable();
                alias = update.getAlias();
            }
            case SqlDelete delete -> {
                target = delete.getTargetTable();
                alias = delete.getAlias();
            }
            default -> throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "RETURNING of " + dml.getKind());
        }
        if (!(target instanceof SqlIdentifier)) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "RETURNING with this target table");
        }
        SqlParserPos pos = items.getParserPosition();
        SqlNode source = alias == null ? SqlTrees.copy(target)
                : SqlStdOperatorTable.AS.createCall(pos, SqlTrees.copy(target), SqlTrees.copy(alias));
        if (from != null) {
            source = new SqlJoin(pos, source, SqlLiteral.createBoolean(false, pos), JoinType.COMMA.symbol(pos),
                    SqlTrees.copy(from), JoinConditionType.NONE.symbol(pos), null);
        }
        return new SqlSelect(pos, null, (SqlNodeList) SqlTrees.copy(items), source, null, null, null, null, null,
                null, null, null, null);
    }

    /** Converts the validated query and checks that it is what the executor evaluates per row. */
    static RelNode convert(SqlNode validated, StatementConverter converter) {
        RelNode rel = converter.expandSearches(converter.convert(validated));
        RelNode node = rel;
        while (node instanceof Project || node instanceof Filter) {
            node = node.getInput(0);
        }
        if (!(node instanceof TableScan) && !(node instanceof Join)) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    "aggregate and window functions in RETURNING are not supported");
        }
        return rel;
    }
}
