package org.modgres.planner.calcite.impl;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
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
import org.apache.calcite.sql.util.SqlShuttle;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.OnConflict;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableIndex;
import org.modgres.api.storage.TableInfo;

/**
 * Plans {@code INSERT ... ON CONFLICT}. The conflict target must be the primary key, the only
 * unique constraint the storage keeps. {@code DO UPDATE SET c = e WHERE w} becomes the query
 * {@code SELECT <new row> FROM t AS t CROSS JOIN t AS excluded WHERE w}, whose converted form
 * the executor evaluates over the existing row followed by the proposed one.
 */
final class OnConflictPlanner {

    private static final String EXCLUDED = "excluded";

    private OnConflictPlanner() {
    }

    /**
     * Returns the 0-based positions of the arbiter columns: those of the primary key, UNIQUE
     * constraint or UNIQUE index whose columns the target names, or none when there is no target (DO NOTHING
     * then skips a row that would violate any of them).
     */
    static List<Integer> arbiters(TableInfo table, SqlNodeList target) {
        if (target.isEmpty()) {
            return List.of();
        }
        Set<Integer> named = new HashSet<>();
        for (SqlNode node : target) {
            String name = ((SqlIdentifier) node).getSimple();
            int index = table.columnIndex(name);
            if (index < 0) {
                throw new PgException(SqlState.UNDEFINED_COLUMN, "column \"" + name + "\" does not exist");
            }
            named.add(index);
        }
        if (!table.primaryKey().isEmpty() && named.equals(new HashSet<>(table.primaryKey()))) {
            return table.primaryKey();
        }
        for (TableConstraint.Unique unique : table.constraints(TableConstraint.Unique.class)) {
            if (named.equals(new HashSet<>(unique.columns()))) {
                return unique.columns();
            }
        }
        for (TableIndex index : table.indexes()) {
            if (index.unique() && named.equals(new HashSet<>(index.columns()))) {
                return index.columns();
            }
        }
        throw new PgException(SqlState.INVALID_COLUMN_REFERENCE,
                "there is no unique or exclusion constraint matching the ON CONFLICT specification");
    }

    /**
     * Returns the query of DO UPDATE; build it before the INSERT is validated, which changes the
     * INSERT's tree.
     */
    static SqlSelect query(SqlInsert insert, SqlUpdate update, TableInfo table, RelDataTypeFactory typeFactory) {
        SqlTrees.rejectSubQueries(update.getSourceExpressionList(), "ON CONFLICT DO UPDATE");
        SqlTrees.rejectSubQueries(update.getCondition(), "ON CONFLICT DO UPDATE");
        String alias = table.name();
        SqlNode[] values = new SqlNode[table.columns().size()];
        List<SqlNode> targets = update.getTargetColumnList().getList();
        for (int i = 0; i < targets.size(); i++) {
            String column = ((SqlIdentifier) targets.get(i)).getSimple();
            int index = table.columnIndex(column);
            if (index < 0) {
                throw new PgException(SqlState.UNDEFINED_COLUMN,
                        "column \"" + column + "\" of relation \"" + table.name() + "\" does not exist");
            }
            if (values[index] != null) {
                throw new PgException(SqlState.SYNTAX_ERROR, "multiple assignments to same column \"" + column + "\"");
            }
            SqlNode value = qualify(SqlTrees.copy(update.getSourceExpressionList().get(i)), table, alias);
            values[index] = UnknownLiteralTyping.assigned(value, table.columns().get(index), typeFactory);
        }
        SqlParserPos pos = update.getParserPosition();
        SqlNodeList selectList = new SqlNodeList(pos);
        for (int i = 0; i < values.length; i++) {
            ColumnInfo column = table.columns().get(i);
            selectList.add(values[i] != null ? values[i]
                    : new SqlIdentifier(List.of(alias, column.name()), SqlParserPos.ZERO));
        }
        SqlNode targetTable = insert.getTargetTable();
        SqlNode existing = SqlStdOperatorTable.AS.createCall(pos, SqlTrees.copy(targetTable),
                new SqlIdentifier(alias, SqlParserPos.ZERO));
        SqlNode proposed = SqlStdOperatorTable.AS.createCall(pos, SqlTrees.copy(targetTable),
                new SqlIdentifier(EXCLUDED, SqlParserPos.ZERO));
        SqlJoin join = new SqlJoin(pos, existing, SqlLiteral.createBoolean(false, pos), JoinType.CROSS.symbol(pos),
                proposed, JoinConditionType.NONE.symbol(pos), null);
        SqlNode where = qualify(SqlTrees.copy(update.getCondition()), table, alias);
        return new SqlSelect(pos, null, selectList, join, where, null, null, null, null, null, null, null, null);
    }

    /** Converts the validated query and checks its shape, which the api describes. */
    static OnConflict plan(List<Integer> arbiters, SqlNode validated, StatementConverter converter) {
        RelNode rel = converter.expandSearches(converter.convert(validated));
        RelNode node = rel instanceof Project project ? project.getInput() : null;
        if (node instanceof Filter filter) {
            node = filter.getInput();
        }
        if (!(node instanceof Join join) || !(join.getLeft() instanceof TableScan)
                || !(join.getRight() instanceof TableScan)) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "this ON CONFLICT DO UPDATE is not supported");
        }
        return new OnConflict(arbiters, rel);
    }

    /**
     * Qualifies the target's columns written without a table name: in PostgreSQL they name the
     * existing row, while in the cross join they would be ambiguous with EXCLUDED's.
     */
    private static SqlNode qualify(SqlNode expression, TableInfo table, String alias) {
        if (expression == null) {
            return null;
        }
        return expression.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlIdentifier identifier) {
                if (identifier.isSimple() && table.columnIndex(identifier.getSimple()) >= 0) {
                    return new SqlIdentifier(List.of(alias, identifier.getSimple()), identifier.getParserPosition());
                }
                return identifier;
            }
        });
    }
}
