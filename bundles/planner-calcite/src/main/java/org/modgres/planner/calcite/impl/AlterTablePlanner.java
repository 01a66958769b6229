package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.ddl.SqlKeyConstraint;
import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.AlterTablePlan;
import org.modgres.api.plan.CreateTablePlan;
import org.modgres.api.plan.Plan;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.SchemaInfo;
import org.modgres.api.storage.SequenceOptions;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.ViewInfo;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/**
 * Plans ALTER TABLE from the parser's tree (a call named {@code ALTER TABLE} of the table, IF
 * EXISTS and the actions; see the parser's AlterTableMarkers). Each action is checked against the
 * table as the actions before it leave it, so that {@code ADD UNIQUE (a), ADD FOREIGN KEY (b)
 * REFERENCES t (a)} works in one statement; constraints are named and checked as CREATE TABLE
 * names and checks them ({@link ConstraintDefinitions}).
 */
final class AlterTablePlanner {

    private static final String DROP_CONSTRAINT = "DROP CONSTRAINT";
    private static final String DROP_COLUMN = "DROP COLUMN";
    private static final String RENAME_COLUMN = "RENAME COLUMN";
    private static final String RENAME_TABLE = "RENAME TO";
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
                List<AlterTablePlan.Action> planned = add.columnList.get(0) instanceof SqlColumnDeclaration
                        ? addColumn(add, table, catalog, text) : add(add.columnList.getList(), table, catalog, text);
                for (AlterTablePlan.Action added : planned) {
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
                case DROP_COLUMN -> dropColumn(table, column, ((SqlLiteral) call.operand(1)).booleanValue(),
                        ((SqlLiteral) call.operand(2)).booleanValue(), catalog);
                case RENAME_COLUMN -> {
                    refuseRenameUnderViews(table, catalog);
                    yield renameColumn(table, column, ((SqlIdentifier) call.operand(1)).getSimple());
                }
                case RENAME_TABLE -> {
                    refuseRenameUnderViews(table, catalog);
                    yield new AlterTablePlan.RenameTable(column);
                }
                default -> throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                        "ALTER TABLE ... " + call.getOperator().getName() + " is not supported yet");
            };
            actions.add(planned);
            table = applied(table, planned);
        }
        return new AlterTablePlan(plannerName, name, false, actions, catalogVersion);
    }

    /** ADD of one table constraint: the primary key, or the UNIQUE, CHECK or FOREIGN KEY constraint named. */
    private List<AlterTablePlan.Action> add(List<SqlNode> elements, TableInfo table, Catalog catalog, String text) {
        List<SqlKeyConstraint> uniqueKeys = new ArrayList<>();
        List<SqlCall> markers = new ArrayList<>();
        for (SqlNode element : elements) {
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

    /**
     * ADD COLUMN: the column, then the constraints written on it, which see it; a SERIAL column
     * gets a sequence as in CREATE TABLE.
     */
    private List<AlterTablePlan.Action> addColumn(SqlCreateTable add, TableInfo table, Catalog catalog, String text) {
        SqlColumnDeclaration declaration = (SqlColumnDeclaration) add.columnList.get(0);
        String name = declaration.name.getSimple();
        if (table.columnIndex(name) >= 0) {
            if (add.ifNotExists) {
                // the executor tells the client it skipped the column
                return List.of(new AlterTablePlan.AddColumn(table.columns().get(table.columnIndex(name)), true, null,
                        null, false));
            }
            throw new PgException(SqlState.DUPLICATE_COLUMN,
                    "column \"" + name + "\" of relation \"" + table.name() + "\" already exists");
        }
        if (declaration.expression instanceof SqlCall marker && IdentityColumns.isMarker(marker)) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    "ALTER TABLE ... ADD COLUMN ... GENERATED AS IDENTITY is not supported yet");
        }
        boolean notNull = Boolean.FALSE.equals(declaration.dataType.getNullable());
        PgType serial = DdlTypes.serialType(declaration.dataType);
        CreateTablePlan.OwnedSequence sequence = null;
        ColumnInfo column;
        if (serial != null) {
            String sequenceName = table.name() + "_" + name + "_seq";
            sequence = new CreateTablePlan.OwnedSequence(sequenceName, SequenceOptions.defaults(serial), name);
            column = new ColumnInfo(name, ColumnType.of(serial), true,
                    DefaultExpressions.nextval(table.schema(), sequenceName), null);
        } else {
            column = new ColumnInfo(name, DdlTypes.columnType(declaration.dataType), notNull,
                    declaration.expression == null ? null : DefaultExpressions.text(declaration.expression), null);
        }
        List<ColumnInfo> columns = new ArrayList<>(table.columns());
        columns.add(column);
        TableInfo withColumn = new TableInfo(table.oid(), table.schema(), table.name(), columns, table.primaryKey(),
                table.constraints(), table.indexes());
        RelNode defaultValue = null;
        boolean perRow = false;
        if (column.defaultExpression() != null) {
            // a SERIAL column's sequence does not exist yet: the executor makes the values itself
            defaultValue = sequence != null ? null
                    : DefaultValues.plan(withColumn, columns.size() - 1, catalog, system, text);
            perRow = sequence != null || DefaultValues.perRow(column.defaultExpression());
        }
        List<AlterTablePlan.Action> actions = new ArrayList<>();
        actions.add(new AlterTablePlan.AddColumn(column, add.ifNotExists, sequence, defaultValue, perRow));
        List<SqlNode> constraints = add.columnList.getList().subList(1, add.columnList.size());
        if (!constraints.isEmpty()) {
            actions.addAll(add(constraints, withColumn, catalog, text));
        }
        return actions;
    }

    private static AlterTablePlan.Action dropColumn(TableInfo table, String column, boolean ifExists,
                                                    boolean cascade, Catalog catalog) {
        if (table.columnIndex(column) < 0) {
            if (ifExists) {
                return new AlterTablePlan.DropColumn(column, true, cascade, List.of());
            }
            throw new PgException(SqlState.UNDEFINED_COLUMN,
                    "column \"" + column + "\" of relation \"" + table.name() + "\" does not exist");
        }
        // a view keeps its query as text, which names the column: it would no longer read
        Pattern named = Pattern.compile("(?<![\\w\"])" + Pattern.quote(column) + "(?![\\w\"])|\\*");
        List<ViewInfo> readers = viewsReading(table, catalog).stream()
                .filter(view -> named.matcher(view.definition()).find()).toList();
        if (!readers.isEmpty()) {
            if (cascade) {
                throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                        "DROP COLUMN ... CASCADE of a column a view reads is not supported yet");
            }
            throw new PgException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, Severity.ERROR,
                    "cannot drop column " + column + " of table " + table.name()
                            + " because other objects depend on it",
                    String.join("\n", readers.stream().map(view -> "view " + view.name() + " depends on column "
                            + column + " of table " + table.name()).toList()),
                    "Use DROP ... CASCADE to drop the dependent objects too.", 0, null);
        }
        return new AlterTablePlan.DropColumn(column, ifExists, cascade, CheckConstraints.reading(table, column));
    }

    private static AlterTablePlan.Action renameColumn(TableInfo table, String column, String newName) {
        if (table.columnIndex(column) < 0) {
            throw new PgException(SqlState.UNDEFINED_COLUMN, "column \"" + column + "\" does not exist");
        }
        if (table.columnIndex(newName) >= 0) {
            throw new PgException(SqlState.DUPLICATE_COLUMN,
                    "column \"" + newName + "\" of relation \"" + table.name() + "\" already exists");
        }
        return new AlterTablePlan.RenameColumn(column, newName, CheckConstraints.renamed(table, column, newName));
    }

    /** Returns the views whose query reads the table. */
    private static List<ViewInfo> viewsReading(TableInfo table, Catalog catalog) {
        List<ViewInfo> readers = new ArrayList<>();
        for (SchemaInfo schema : catalog.schemas()) {
            for (ViewInfo view : catalog.views(schema.name())) {
                if (view.dependsOn().contains(table.oid())) {
                    readers.add(view);
                }
            }
        }
        return readers;
    }

    /**
     * Refuses to rename a table or column a view reads: PostgreSQL's views follow by OID and column
     * number, but a Modgres view keeps its query as text, which would then name what is gone.
     */
    private static void refuseRenameUnderViews(TableInfo table, Catalog catalog) {
        List<ViewInfo> readers = viewsReading(table, catalog);
        if (!readers.isEmpty()) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "cannot rename table \"" + table.name()
                    + "\" or its columns while view \"" + readers.getFirst().name() + "\" reads it")
                    .withHint("Drop the view, rename, and create the view again.");
        }
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
            case AlterTablePlan.AddColumn add -> {
                if (table.columnIndex(add.column().name()) < 0) {
                    columns.add(add.column());
                }
            }
            case AlterTablePlan.DropColumn drop -> {
                int index = table.columnIndex(drop.column());
                return index < 0 ? table : table.withoutColumn(index, drop.checks());
            }
            case AlterTablePlan.RenameColumn rename -> {
                int index = table.columnIndex(rename.column());
                ColumnInfo column = columns.get(index);
                columns.set(index, new ColumnInfo(rename.newName(), column.type(), column.notNull(),
                        column.defaultExpression(), column.identity()));
            }
            case AlterTablePlan.RenameTable rename -> {
                return new TableInfo(table.oid(), table.schema(), rename.newName(), columns, primaryKey, constraints,
                        table.indexes());
            }
        }
        return new TableInfo(table.oid(), table.schema(), table.name(), columns, primaryKey, constraints,
                table.indexes());
    }
}
