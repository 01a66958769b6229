package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.ListTransientTable;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.DataModifyingWith;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.StatementKind;
import org.modgres.api.type.PgType;

/**
 * INSERT, UPDATE and DELETE in a statement's WITH list (PostgreSQL's data-modifying WITH). Each
 * is planned as a statement of its own, with the WITH queries before it; its RETURNING rows become
 * a transient table, which the WITH query's name then reads as {@code SELECT * FROM} it. The
 * executor runs the DML first, once, whether or not anything reads it (see
 * {@link DataModifyingWith}), as PostgreSQL does.
 */
final class DataModifyingWithPlanner {

    /** Plans a statement with the transient tables of earlier data-modifying WITH queries. */
    @FunctionalInterface
    interface StatementPlanner {
        RelationalPlan plan(PlannableStatement statement, Map<String, Table> rowsTables);
    }

    private DataModifyingWithPlanner() {
    }

    /** Returns the plan of a statement with DML in its WITH list, or null for any other statement. */
    static RelationalPlan planIfAny(PlannableStatement statement, StatementPlanner planner) {
        if (!(statement.syntaxTree() instanceof SqlNode tree)) {
            return null;
        }
        SqlWith with = topWith(tree);
        if (with == null || with.withList.stream().noneMatch(item -> isDml(((SqlWithItem) item).query))) {
            return null;
        }
        Map<String, Table> rowsTables = new LinkedHashMap<>();
        List<DataModifyingWith.Step> steps = new ArrayList<>();
        List<SqlNode> readable = new ArrayList<>();
        Set<String> withoutReturning = new HashSet<>();
        for (SqlNode node : with.withList) {
            SqlWithItem item = (SqlWithItem) node;
            if (!isDml(item.query)) {
                readable.add(item);
                continue;
            }
            SqlParserPos pos = item.getParserPosition();
            SqlNode dml = readable.isEmpty() ? item.query
                    : new SqlWith(pos, new SqlNodeList(readable.stream().map(SqlTrees::copy).toList(), pos), item.query);
            RelationalPlan step = planner.plan(new PlannableStatement(statement.text(), kindOf(item.query), dml,
                    statement.parameterCount()), Map.copyOf(rowsTables));
            String tableName = "$with$" + steps.size() + "$" + item.name.getSimple();
            steps.add(new DataModifyingWith.Step(List.of(tableName), step));
            if (step.returning() == null) {
                withoutReturning.add(item.name.getSimple());
                continue;
            }
            rowsTables.put(tableName, rowsTable(tableName, step));
            SqlSelect readRows = new SqlSelect(pos, null, SqlNodeList.of(SqlIdentifier.star(pos)),
                    new SqlIdentifier(tableName, pos), null, null, null, null, null, null, null, null, null);
            readable.add(new SqlWithItem(pos, item.name, item.columnList, readRows, item.recursive));
        }
        with.setOperand(0, new SqlNodeList(readable, with.withList.getParserPosition()));
        PlannableStatement mainStatement = readable.isEmpty()
                ? new PlannableStatement(statement.text(), statement.kind(), withoutWith(tree), statement.parameterCount())
                : statement;
        RelationalPlan main;
        try {
            main = planner.plan(mainStatement, rowsTables);
        } catch (PgException e) {
            throw readWithoutReturning(e, withoutReturning);
        }
        return new RelationalPlan(main.kind(), main.plannerName(), new DataModifyingWith(main.root(), steps),
                main.columns(), parameterTypes(main, steps), main.catalogVersion(), main.returning(),
                main.onConflict(), main.literalParameters(), main.checks(), main.rowLocking());
    }

    /** Returns the WITH of a query (under its ORDER BY) or of DML, or null. */
    private static SqlWith topWith(SqlNode tree) {
        if (tree instanceof SqlOrderBy orderBy) {
            return topWith(orderBy.query);
        }
        return tree instanceof SqlWith with ? with : null;
    }

    /** Returns the statement without its WITH, which has no queries left. */
    private static SqlNode withoutWith(SqlNode tree) {
        return switch (tree) {
            case SqlOrderBy orderBy -> new SqlOrderBy(orderBy.getParserPosition(), withoutWith(orderBy.query),
                    orderBy.orderList, orderBy.offset, orderBy.fetch);
            case SqlWith with -> with.body;
            default -> tree;
        };
    }

    private static boolean isDml(SqlNode query) {
        SqlNode main = query instanceof SqlNodeList list && !list.isEmpty() ? list.get(0) : query;
        return switch (main.getKind()) {
            case INSERT, UPDATE, DELETE -> true;
            default -> false;
        };
    }

    private static StatementKind kindOf(SqlNode query) {
        SqlNode main = query instanceof SqlNodeList list ? list.get(0) : query;
        return switch (main.getKind()) {
            case INSERT -> StatementKind.INSERT;
            case UPDATE -> StatementKind.UPDATE;
            default -> StatementKind.DELETE;
        };
    }

    /** Returns the transient table of a step's RETURNING rows, with its columns' names and types. */
    private static Table rowsTable(String name, RelationalPlan step) {
        List<RelDataTypeField> fields = step.returning().getRowType().getFieldList();
        List<String> names = step.columns().stream().map(column -> column.name()).toList();
        RelDataTypeFactory factory = step.returning().getCluster().getTypeFactory();
        RelDataTypeFactory.Builder builder = factory.builder();
        for (int i = 0; i < fields.size(); i++) {
            builder.add(i < names.size() ? names.get(i) : fields.get(i).getName(), fields.get(i).getType());
        }
        return new ListTransientTable(name, builder.uniquify().build());
    }

    /** PostgreSQL's error for reading a data-modifying WITH query that returns nothing. */
    private static PgException readWithoutReturning(PgException e, Set<String> withoutReturning) {
        if (e.sqlState() == SqlState.UNDEFINED_TABLE) {
            for (String name : withoutReturning) {
                if (String.valueOf(e.getMessage()).contains("\"" + name + "\"")) {
                    return new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                            "WITH query \"" + name + "\" does not have a RETURNING clause");
                }
            }
        }
        return e;
    }

    /**
     * Returns the main statement's parameter types, where one it does not use takes the type a
     * step found for it.
     */
    private static List<PgType> parameterTypes(RelationalPlan main, List<DataModifyingWith.Step> steps) {
        List<PgType> types = new ArrayList<>(main.parameterTypes());
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i) != PgType.TEXT) {
                continue;
            }
            for (DataModifyingWith.Step step : steps) {
                List<PgType> stepTypes = step.plan().parameterTypes();
                if (i < stepTypes.size() && stepTypes.get(i) != PgType.TEXT) {
                    types.set(i, stepTypes.get(i));
                    break;
                }
            }
        }
        return types;
    }
}
