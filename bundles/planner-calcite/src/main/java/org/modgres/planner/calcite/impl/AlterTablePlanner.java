package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.ddl.SqlKeyConstraint;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.AlterTablePlan;
import org.modgres.api.plan.Plan;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableInfo;

/**
 * Plans ALTER TABLE from the parser's tree (a call named {@code ALTER TABLE} of the table, IF
 * EXISTS and the actions; see the parser's AlterTableMarkers). Each action is checked against the
 * table as the actions before it leave it, so that {@code ADD UNIQUE (a), ADD FOREIGN KEY (b)
 * REFERENCES t (a)} works in one statement; constraints are named and checked as CREATE TABLE
 * names and checks them ({@link ConstraintDefinitions}).
 */
final class AlterTablePlanner {

    private static final String DROP_CONSTRAINT = "DROP CONSTRAINT";
    private static final String SET_DEFAULT = "SET DEFAULT";
    private static final String SET_NOT_NULL = "SET NOT NULL";

    private final String plannerName;
    private final SystemCatalog system;

    AlterTablePlanner(String plannerName, SystemCatalog system) {
        this.plannerName = plannerName;
        this.system = system;
    }

    Plan plan(SqlCall alter, Catalog catalog, String text, long catalogVersion) {
        List<String> name = DdlPlanner.qualified((SqlIdentifier) alter.operand(0));
        boolean ifExists = ((SqlLiteral) alter.operand(1)).booleanValue();
        Optional<TableInfo> found = catalog.table(name.get(0), name.get(1));
        if (found.isEmpty()) {
            if (!ifExists) {
                throw new PgException(SqlState.UNDEFINED_TABLE, "relation \"" + name.get(1) + "\" does not exist");
            }
            // the executor tells the client it skipped the statement
            return new AlterTablePlan(plannerName, name, true, List.of(), catalogVersion);
        }
        TableInfo table = found.get();
        List<AlterTablePlan.Action> actions = new ArrayList<>();
        for (SqlNode action : (SqlNodeList) alter.operand(2)) {
            if (action instanceof SqlCreateTable add) {
                for (AlterTablePlan.Action added : add(add, table, catalog, text)) {
                    actions.add(added);
                    table = applied(table, added);
                }
                continue;
            }
            SqlCall call = (SqlCall) action;
            String column = call.operandCount() > 0 && call.operand(0) instanceof SqlIdentifier identifier
                    ? identifier.getSimple() : null;
            AlterTablePlan.Action planned = switch (call.getOperator().getName()) {
                case DROP_CONSTRAINT -> new AlterTablePlan.DropConstraint(column,
                        ((SqlLiteral) call.operand(1)).booleanValue(), ((SqlLiteral) call.operand(2)).booleanValue());
                case SET_DEFAULT -> new AlterTablePlan.SetDefault(requireColumn(table, column),
                        SqlUtil.isNullLiteral(call.operand(1), false) ? null
                                : ((SqlLiteral) call.operand(1)).getValueAs(String.class));
                case SET_NOT_NULL -> new AlterTablePlan.SetNotNull(requireColumn(table, column),
                        ((SqlLiteral) call.operand(1)).booleanValue());
                default -> throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                        "ALTER TABLE ... " + call.getOperator().getName() + " is not supported yet");
            };
            actions.add(planned);
            table = applied(table, planned);
        }
        return new AlterTablePlan(plannerName, name, false, actions, catalogVersion);
    }

    /** ADD of one table constraint: the primary key, or the UNIQUE, CHECK or FOREIGN KEY constraint named. */
    private List<AlterTablePlan.Action> add(SqlCreateTable add, TableInfo table, Catalog catalog, String text) {
        List<SqlKeyConstraint> uniqueKeys = new ArrayList<>();
        List<SqlCall> markers = new ArrayList<>();
        for (SqlNode element : add.columnList) {
            if (element instanceof SqlKeyConstraint key && key.getKind() == SqlKind.PRIMARY_KEY) {
                List<String> columns = new ArrayList<>();
                for (SqlNode column : (SqlNodeList) key.getOperandList().get(1)) {
                    columns.add(((SqlIdentifier) column).getSimple());
                }
                return List.of(new AlterTablePlan.AddPrimaryKey(columns));
            } else if (element instanceof SqlKeyConstraint key) {
                uniqueKeys.add(key);
            } else {
                markers.add((SqlCall) element);
            }
        }
        List<AlterTablePlan.Action> actions = new ArrayList<>();
        try {
            for (TableConstraint constraint : new ConstraintDefinitions(table, catalog, system, text)
                    .define(uniqueKeys, markers)) {
                actions.add(new AlterTablePlan.AddConstraint(constraint,
                        constraint instanceof TableConstraint.Check check
                                ? CheckConstraints.planAdded(table, check, catalog, system, text) : null));
            }
        } catch (PgException e) {
            // PostgreSQL reports no position in a constraint that ALTER TABLE adds
            throw e.withPosition(0);
        }
        return actions;
    }

    private static String requireColumn(TableInfo table, String column) {
        if (table.columnIndex(column) < 0) {
            throw new PgException(SqlState.UNDEFINED_COLUMN,
                    "column \"" + column + "\" of relation \"" + table.name() + "\" does not exist");
        }
        return column;
    }

    /** Returns the table as the action leaves it, as far as the later actions' planning needs to know. */
    private static TableInfo applied(TableInfo table, AlterTablePlan.Action action) {
        List<ColumnInfo> columns = new ArrayList<>(table.columns());
        List<Integer> primaryKey = table.primaryKey();
        List<TableConstraint> constraints = new ArrayList<>(table.constraints());
        switch (action) {
            case AlterTablePlan.AddPrimaryKey key -> {
                primaryKey = key.columns().stream().map(table::columnIndex).filter(i -> i >= 0).toList();
                primaryKey.forEach(i -> columns.set(i, columns.get(i).withNotNull(true)));
            }
            case AlterTablePlan.AddConstraint add -> constraints.add(add.constraint());
            case AlterTablePlan.DropConstraint drop -> {
                if (drop.name().equals(table.name() + "_pkey")) {
                    primaryKey = List.of();
                }
                constraints.removeIf(c -> c.name().equals(drop.name()));
            }
            case AlterTablePlan.SetNotNull notNull -> {
                int index = table.columnIndex(notNull.column());
                columns.set(index, columns.get(index).withNotNull(notNull.notNull()));
            }
            case AlterTablePlan.SetDefault setDefault -> {
                int index = table.columnIndex(setDefault.column());
                columns.set(index, columns.get(index).withDefault(setDefault.expression()));
            }
        }
        return new TableInfo(table.oid(), table.schema(), table.name(), columns, primaryKey, constraints,
                table.indexes());
    }
}
