package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.ddl.SqlKeyConstraint;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.type.PgType;

/**
 * Turns the UNIQUE, CHECK and FOREIGN KEY constraints of CREATE TABLE (Calcite's key constraints
 * and the parser's markers, recognised by their operators' names) into the table's
 * {@link TableConstraint}s, named and checked as PostgreSQL names and checks them: names written
 * are kept, the others made up by {@link ConstraintNames} for the keys first, then the checks, then
 * the foreign keys, each in the order written.
 */
final class ConstraintDefinitions {

    static final String CHECK_MARKER = "CHECK CONSTRAINT";
    static final String FOREIGN_KEY_MARKER = "FOREIGN KEY CONSTRAINT";

    private final String schema;
    private final String table;
    private final List<ColumnInfo> columns;
    private final List<String> columnNames;
    private final List<Integer> primaryKey;
    private final Catalog catalog;
    private final SystemCatalog system;
    private final String text;
    private final ConstraintNames names;
    private final List<TableConstraint.Unique> existingUniques;

    ConstraintDefinitions(String schema, String table, List<ColumnInfo> columns, List<Integer> primaryKey,
                          Catalog catalog, SystemCatalog system, String text) {
        this(schema, table, columns, primaryKey, List.of(), catalog, system, text);
    }

    /** For ALTER TABLE ... ADD: the constraints of an existing table, which has these unique keys already. */
    ConstraintDefinitions(TableInfo existing, Catalog catalog, SystemCatalog system, String text) {
        this(existing.schema(), existing.name(), existing.columns(), existing.primaryKey(),
                existing.constraints(TableConstraint.Unique.class), catalog, system, text);
    }

    private ConstraintDefinitions(String schema, String table, List<ColumnInfo> columns, List<Integer> primaryKey,
                                  List<TableConstraint.Unique> existingUniques, Catalog catalog, SystemCatalog system,
                                  String text) {
        this.existingUniques = existingUniques;
        this.schema = schema;
        this.table = table;
        this.columns = columns;
        this.columnNames = columns.stream().map(ColumnInfo::name).toList();
        this.primaryKey = primaryKey;
        this.catalog = catalog;
        this.system = system;
        this.text = text;
        this.names = new ConstraintNames(catalog, schema);
        names.take(table);
        if (!primaryKey.isEmpty()) {
            names.take(table + "_pkey");
        }
    }

    static boolean isMarker(SqlCall call) {
        String name = call.getOperator().getName();
        return name.equals(CHECK_MARKER) || name.equals(FOREIGN_KEY_MARKER);
    }

    /** Returns the constraints: the unique keys, then the checks, then the foreign keys. */
    List<TableConstraint> define(List<SqlKeyConstraint> uniqueKeys, List<SqlCall> markers) {
        reserveWrittenNames(uniqueKeys, markers);
        List<TableConstraint.Unique> uniques = uniques(uniqueKeys);
        List<TableConstraint> constraints = new ArrayList<>(uniques);
        TableInfo newTable = new TableInfo(0, schema, table, columns, primaryKey);
        for (SqlCall marker : markers) {
            if (marker.getOperator().getName().equals(CHECK_MARKER)) {
                SqlNode condition = marker.operand(1);
                CheckConstraints.validate(condition, newTable, catalog, system, text);
                List<String> read = CheckConstraints.columns(condition, columnNames);
                String name = nameOrChoose(marker.operand(0), read.size() == 1 ? read : List.of(), "check");
                constraints.add(new TableConstraint.Check(name,
                        CheckConstraints.keptText(condition, string(marker.operand(2)))));
            }
        }
        for (SqlCall marker : markers) {
            if (marker.getOperator().getName().equals(FOREIGN_KEY_MARKER)) {
                constraints.add(foreignKey(marker, uniques));
            }
        }
        return constraints;
    }

    private void reserveWrittenNames(List<SqlKeyConstraint> uniqueKeys, List<SqlCall> markers) {
        Map<String, Character> written = new HashMap<>();
        List<String> namesWritten = new ArrayList<>();
        List<Character> kinds = new ArrayList<>();
        uniqueKeys.forEach(key -> {
            namesWritten.add(string(keyName(key)));
            kinds.add('u');
        });
        markers.forEach(marker -> {
            namesWritten.add(string(marker.operand(0)));
            kinds.add(marker.getOperator().getName().equals(CHECK_MARKER) ? 'c' : 'f');
        });
        for (int i = 0; i < namesWritten.size(); i++) {
            String name = namesWritten.get(i);
            if (name == null) {
                continue;
            }
            Character kind = kinds.get(i);
            Character before = written.putIfAbsent(name, kind);
            if (before != null) {
                if (before == 'u' && kind == 'u') {
                    throw new PgException(SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
                }
                if (before == 'c' && kind == 'c') {
                    throw new PgException(SqlState.DUPLICATE_OBJECT,
                            "check constraint \"" + name + "\" already exists");
                }
                throw new PgException(SqlState.DUPLICATE_OBJECT,
                        "constraint \"" + name + "\" for relation \"" + table + "\" already exists");
            }
            names.take(name);
        }
    }

    private List<TableConstraint.Unique> uniques(List<SqlKeyConstraint> keys) {
        List<TableConstraint.Unique> uniques = new ArrayList<>();
        for (SqlKeyConstraint key : keys) {
            List<Integer> positions = new ArrayList<>();
            for (SqlNode column : (SqlNodeList) key.getOperandList().get(1)) {
                String columnName = ((SqlIdentifier) column).getSimple();
                int index = columnNames.indexOf(columnName);
                if (index < 0) {
                    throw new PgException(SqlState.UNDEFINED_COLUMN,
                            "column \"" + columnName + "\" named in key does not exist");
                }
                if (positions.contains(index)) {
                    throw new PgException(SqlState.DUPLICATE_COLUMN, Severity.ERROR,
                            "column \"" + columnName + "\" appears twice in unique constraint", null, null,
                            position(key), null);
                }
                positions.add(index);
            }
            // PostgreSQL makes one index of keys on the same columns in the same order, none for the primary key's
            if (equalsAnEarlierKey(positions, uniques)) {
                continue;
            }
            String name = nameOrChoose(keyName(key), positions.stream().map(columnNames::get).toList(), "key");
            uniques.add(new TableConstraint.Unique(name, positions));
        }
        return uniques;
    }

    private boolean equalsAnEarlierKey(List<Integer> positions, List<TableConstraint.Unique> uniques) {
        return positions.equals(primaryKey) || uniques.stream().anyMatch(u -> u.columns().equals(positions));
    }

    private TableConstraint.ForeignKey foreignKey(SqlCall marker, List<TableConstraint.Unique> uniques) {
        List<Integer> referencing = new ArrayList<>();
        for (SqlNode column : (SqlNodeList) marker.operand(1)) {
            String columnName = ((SqlIdentifier) column).getSimple();
            int index = columnNames.indexOf(columnName);
            if (index < 0) {
                throw new PgException(SqlState.UNDEFINED_COLUMN,
                        "column \"" + columnName + "\" referenced in foreign key constraint does not exist");
            }
            referencing.add(index);
        }
        List<String> target = DdlPlanner.qualified((SqlIdentifier) marker.operand(2));
        TableInfo referenced;
        List<TableConstraint.Unique> referencedUniques;
        if (target.get(0).equals(schema) && target.get(1).equals(table)) {
            referenced = new TableInfo(0, schema, table, columns, primaryKey);
            referencedUniques = new ArrayList<>(existingUniques);
            referencedUniques.addAll(uniques);
        } else {
            referenced = catalog.table(target.get(0), target.get(1)).orElseThrow(() -> new PgException(
                    SqlState.UNDEFINED_TABLE, "relation \"" + target.get(1) + "\" does not exist"));
            referencedUniques = referenced.constraints(TableConstraint.Unique.class);
        }
        List<Integer> referencedColumns = new ArrayList<>();
        SqlNodeList written = marker.operand(3);
        if (written.isEmpty()) {
            if (referenced.primaryKey().isEmpty()) {
                throw new PgException(SqlState.INVALID_FOREIGN_KEY,
                        "there is no primary key for referenced table \"" + referenced.name() + "\"");
            }
            referencedColumns.addAll(referenced.primaryKey());
        } else {
            for (SqlNode column : written) {
                String columnName = ((SqlIdentifier) column).getSimple();
                int index = referenced.columnIndex(columnName);
                if (index < 0) {
                    throw new PgException(SqlState.UNDEFINED_COLUMN,
                            "column \"" + columnName + "\" referenced in foreign key constraint does not exist");
                }
                if (referencedColumns.contains(index)) {
                    throw new PgException(SqlState.INVALID_FOREIGN_KEY,
                            "foreign key referenced-columns list must not contain duplicates");
                }
                referencedColumns.add(index);
            }
        }
        if (referencing.size() != referencedColumns.size()) {
            throw new PgException(SqlState.INVALID_FOREIGN_KEY,
                    "number of referencing and referenced columns for foreign key disagree");
        }
        if (!isKey(referencedColumns, referenced.primaryKey(), referencedUniques)) {
            throw new PgException(SqlState.INVALID_FOREIGN_KEY,
                    "there is no unique constraint matching given keys for referenced table \""
                            + referenced.name() + "\"");
        }
        String name = nameOrChoose(marker.operand(0), referencing.stream().map(columnNames::get).toList(), "fkey");
        for (int i = 0; i < referencing.size(); i++) {
            ColumnInfo from = columns.get(referencing.get(i));
            ColumnInfo to = referenced.columns().get(referencedColumns.get(i));
            if (!comparable(from.type().type(), to.type().type())) {
                throw new PgException(SqlState.DATATYPE_MISMATCH, Severity.ERROR,
                        "foreign key constraint \"" + name + "\" cannot be implemented",
                        "Key columns \"" + from.name() + "\" and \"" + to.name()
                                + "\" are of incompatible types: " + from.type().format() + " and "
                                + to.type().format() + ".", null, 0, null);
            }
        }
        return new TableConstraint.ForeignKey(name, referencing, referenced.schema(), referenced.name(),
                referencedColumns, action(marker.operand(4)), action(marker.operand(5)));
    }

    private static boolean isKey(List<Integer> columns, List<Integer> primaryKey,
                                 List<TableConstraint.Unique> uniques) {
        Set<Integer> wanted = Set.copyOf(columns);
        if (!primaryKey.isEmpty() && Set.copyOf(primaryKey).equals(wanted)) {
            return true;
        }
        return uniques.stream().anyMatch(u -> Set.copyOf(u.columns()).equals(wanted));
    }

    /**
     * Returns whether a referencing column's values can be compared with the referenced column's
     * by the referenced key's equality, directly or after an implicit cast, as PostgreSQL requires.
     */
    static boolean comparable(PgType referencing, PgType referenced) {
        String from = family(referencing);
        String to = family(referenced);
        if (referencing == referenced || from != null && from.equals(to)) {
            return true;
        }
        boolean toFloat = "float".equals(to);
        return isInteger(referencing) && (referenced == PgType.NUMERIC || toFloat)
                || referencing == PgType.NUMERIC && toFloat;
    }

    private static boolean isInteger(PgType type) {
        return type == PgType.INT2 || type == PgType.INT4 || type == PgType.INT8;
    }

    private static String family(PgType type) {
        return switch (type) {
            case INT2, INT4, INT8 -> "integer";
            case FLOAT4, FLOAT8 -> "float";
            case TEXT, VARCHAR, BPCHAR, NAME -> "text";
            case DATE, TIMESTAMP, TIMESTAMPTZ -> "datetime";
            default -> null;
        };
    }

    private static TableConstraint.Action action(SqlNode literal) {
        return TableConstraint.Action.valueOf(string(literal).replace(' ', '_'));
    }

    private String nameOrChoose(SqlNode writtenName, List<String> nameColumns, String label) {
        String written = string(writtenName);
        return written != null ? written : names.choose(table, nameColumns, label);
    }

    /** Returns PostgreSQL's 1-based position of a node in the statement, or 0. */
    private int position(SqlNode node) {
        SqlParserPos pos = node.getParserPosition();
        return ValidationErrors.offsetOf(text, pos.getLineNum(), pos.getColumnNum());
    }

    private static SqlNode keyName(SqlKeyConstraint key) {
        return key.getOperandList().get(0);
    }

    /** Returns a character literal's value, or null for the NULL literal or a missing name. */
    private static String string(SqlNode node) {
        if (node == null || SqlUtil.isNullLiteral(node, false)) {
            return null;
        }
        if (node instanceof SqlIdentifier identifier) {
            return identifier.getSimple();
        }
        return ((SqlLiteral) node).getValueAs(String.class);
    }
}
