package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableInfo;

/**
 * Table definitions after a column of another table is dropped, a column renamed, or a table
 * renamed: keys and constraints name columns by position and tables by name, so they follow.
 */
final class ColumnLayout {

    private ColumnLayout() {
    }

    /**
     * Returns another table after a column of {@code referenced} was dropped: without its foreign
     * keys to that column, the others pointing at the columns' new positions.
     */
    static TableInfo withReferencedColumnDropped(TableInfo table, TableInfo referenced, int position) {
        List<TableConstraint> constraints = new ArrayList<>();
        for (TableConstraint constraint : table.constraints()) {
            if (constraint instanceof TableConstraint.ForeignKey key
                    && key.referencedSchema().equals(referenced.schema())
                    && key.referencedTable().equals(referenced.name())) {
                if (!key.referencedColumns().contains(position)) {
                    constraints.add(new TableConstraint.ForeignKey(key.name(), key.columns(), key.referencedSchema(),
                            key.referencedTable(), shifted(key.referencedColumns(), position), key.onDelete(),
                            key.onUpdate()));
                }
            } else {
                constraints.add(constraint);
            }
        }
        return new TableInfo(table.oid(), table.schema(), table.name(), table.columns(), table.primaryKey(),
                constraints, table.indexes());
    }

    /** Returns the table with a column renamed and the CHECK constraints in {@code checks} given new text. */
    static TableInfo withColumnRenamed(TableInfo table, int position, String newName, Map<String, String> checks) {
        List<ColumnInfo> columns = new ArrayList<>(table.columns());
        ColumnInfo column = columns.get(position);
        columns.set(position, new ColumnInfo(newName, column.type(), column.notNull(), column.defaultExpression(),
                column.identity()));
        List<TableConstraint> constraints = new ArrayList<>();
        for (TableConstraint constraint : table.constraints()) {
            constraints.add(constraint instanceof TableConstraint.Check check && checks.containsKey(check.name())
                    ? new TableConstraint.Check(check.name(), checks.get(check.name())) : constraint);
        }
        return new TableInfo(table.oid(), table.schema(), table.name(), columns, table.primaryKey(), constraints,
                table.indexes());
    }

    /** Returns the table with its foreign keys to {@code schema.name} pointing at {@code newName}. */
    static TableInfo withReferencedTableRenamed(TableInfo table, String schema, String name, String newName) {
        List<TableConstraint> constraints = new ArrayList<>();
        for (TableConstraint constraint : table.constraints()) {
            constraints.add(constraint instanceof TableConstraint.ForeignKey key
                    && key.referencedSchema().equals(schema) && key.referencedTable().equals(name)
                    ? new TableConstraint.ForeignKey(key.name(), key.columns(), schema, newName,
                    key.referencedColumns(), key.onDelete(), key.onUpdate())
                    : constraint);
        }
        return new TableInfo(table.oid(), table.schema(), table.name(), table.columns(), table.primaryKey(),
                constraints, table.indexes());
    }

    /** Returns the positions with those after {@code dropped} moved one down. */
    private static List<Integer> shifted(List<Integer> positions, int dropped) {
        return positions.stream().map(p -> p > dropped ? p - 1 : p).toList();
    }
}
