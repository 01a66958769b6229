package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.ddl.SqlDropTable;
import org.apache.calcite.sql.ddl.SqlKeyConstraint;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.CreateTablePlan;
import org.modgres.api.plan.DropTablePlan;
import org.modgres.api.plan.Plan;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.SequenceOptions;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/**
 * Plans CREATE TABLE and DROP TABLE: checks the definition and resolves names. A SERIAL column
 * becomes an integer column whose default calls a sequence {@code table_column_seq} the plan
 * creates with the table, as does an identity column. UNIQUE, CHECK and FOREIGN KEY constraints
 * are named and checked by {@link ConstraintDefinitions}.
 */
final class DdlPlanner {

    private final String plannerName;
    private final SystemCatalog system;

    DdlPlanner(String plannerName, SystemCatalog system) {
        this.plannerName = plannerName;
        this.system = system;
    }

    /** @param text the statement's text, for the positions of errors */
    Plan createTable(SqlCreateTable create, Catalog catalog, String text, long catalogVersion) {
        if (create.query != null) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "CREATE TABLE AS is not supported yet");
        }
        List<String> name;
        try {
            name = SearchPath.current().forCreate(create.name);
        } catch (PgException e) {
            SqlParserPos pos = create.name.getParserPosition();
            throw e.withPosition(ValidationErrors.offsetOf(text, pos.getLineNum(), pos.getColumnNum()));
        }
        List<ColumnInfo> columns = new ArrayList<>();
        List<String> primaryKeyNames = new ArrayList<>();
        List<CreateTablePlan.OwnedSequence> sequences = new ArrayList<>();
        List<SqlKeyConstraint> uniqueKeys = new ArrayList<>();
        List<SqlCall> markers = new ArrayList<>();
        SqlNodeList elements = create.columnList == null ? SqlNodeList.EMPTY : create.columnList;
        for (SqlNode element : elements) {
            if (element instanceof SqlColumnDeclaration column) {
                String columnName = simpleName(column.name);
                if (columns.stream().anyMatch(c -> c.name().equals(columnName))) {
                    throw new PgException(SqlState.DUPLICATE_COLUMN,
                            "column \"" + columnName + "\" specified more than once");
                }
                boolean notNull = Boolean.FALSE.equals(column.dataType.getNullable());
                PgType serial = DdlTypes.serialType(column.dataType);
                if (serial != null) {
                    if (column.expression != null) {
                        throw new PgException(SqlState.SYNTAX_ERROR, "multiple default values specified for column \""
                                + columnName + "\" of table \"" + name.get(1) + "\"");
                    }
                    String sequence = name.get(1) + "_" + columnName + "_seq";
                    sequences.add(new CreateTablePlan.OwnedSequence(sequence, SequenceOptions.defaults(serial),
                            columnName));
                    columns.add(new ColumnInfo(columnName, ColumnType.of(serial), true,
                            DefaultExpressions.nextval(name.get(0), sequence), null));
                    continue;
                }
                ColumnType type = DdlTypes.columnType(column.dataType);
                if (column.expression instanceof SqlCall marker && IdentityColumns.isMarker(marker)) {
                    String sequence = name.get(1) + "_" + columnName + "_seq";
                    sequences.add(new CreateTablePlan.OwnedSequence(sequence, IdentityColumns.options(marker, type),
                            columnName));
                    columns.add(new ColumnInfo(columnName, type, true, DefaultExpressions.nextval(name.get(0), sequence),
                            IdentityColumns.kind(marker)));
                    continue;
                }
                String defaultExpression = column.expression == null ? null : DefaultExpressions.text(column.expression);
                columns.add(new ColumnInfo(columnName, type, notNull, defaultExpression, null));
            } else if (element instanceof SqlKeyConstraint key && key.getKind() == SqlKind.PRIMARY_KEY) {
                if (!primaryKeyNames.isEmpty()) {
                    throw new PgException(SqlState.INVALID_TABLE_DEFINITION,
                            "multiple primary keys for table \"" + name.get(1) + "\" are not allowed");
                }
                for (SqlNode keyColumn : (SqlNodeList) key.getOperandList().get(1)) {
                    primaryKeyNames.add(simpleName((SqlIdentifier) keyColumn));
                }
            } else if (element instanceof SqlKeyConstraint key && key.getKind() == SqlKind.UNIQUE) {
                uniqueKeys.add(key);
            } else if (element instanceof SqlCall marker && ConstraintDefinitions.isMarker(marker)) {
                markers.add(marker);
            } else {
                throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                        "table constraint " + element.getKind() + " is not supported yet");
            }
        }
        List<Integer> primaryKey = new ArrayList<>();
        for (String keyName : primaryKeyNames) {
            int index = indexOf(columns, keyName);
            if (index < 0) {
                throw new PgException(SqlState.UNDEFINED_COLUMN,
                        "column \"" + keyName + "\" named in key does not exist");
            }
            primaryKey.add(index);
            ColumnInfo c = columns.get(index);
            columns.set(index, c.withNotNull(true));
        }
        List<TableConstraint> constraints = new ConstraintDefinitions(name.get(0), name.get(1), columns, primaryKey,
                catalog, system, text).define(uniqueKeys, markers);
        TableDefinition definition = new TableDefinition(name.get(0), name.get(1), columns, primaryKey,
                constraints);
        return new CreateTablePlan(plannerName, definition, create.ifNotExists, catalogVersion, sequences);
    }

    /** @param drops the tables' {@code SqlDropTable}s, followed by the literal {@code CASCADE} for CASCADE */
    Plan dropTables(SqlNodeList drops, long catalogVersion) {
        List<List<String>> names = new ArrayList<>();
        boolean ifExists = false;
        boolean cascade = false;
        for (SqlNode node : drops) {
            if (node instanceof SqlDropTable drop) {
                names.add(qualified(drop.name));
                ifExists |= drop.ifExists;
            } else {
                cascade = true;
            }
        }
        return new DropTablePlan(plannerName, names, ifExists, catalogVersion, cascade);
    }

    private static int indexOf(List<ColumnInfo> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String simpleName(SqlIdentifier identifier) {
        return identifier.names.get(identifier.names.size() - 1);
    }

    /** Returns [schema, name] of an existing relation, looking an unqualified name up in the search path. */
    static List<String> qualified(SqlIdentifier identifier) {
        return SearchPath.current().qualified(identifier);
    }
}
