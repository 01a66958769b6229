package org.modgres.api.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table as the catalog describes it.
 *
 * @param oid        the table's OID, as {@code pg_class.oid}
 * @param schema     its schema
 * @param name       its name
 * @param columns    its columns in order
 * @param primaryKey  the 0-based positions of the primary key's columns; empty when there is none
 * @param constraints the UNIQUE, CHECK and FOREIGN KEY constraints
 * @param indexes     the indexes made by CREATE INDEX
 */
public record TableInfo(long oid, String schema, String name, List<ColumnInfo> columns, List<Integer> primaryKey,
                        List<TableConstraint> constraints, List<TableIndex> indexes) {

    public TableInfo {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        constraints = List.copyOf(constraints);
        indexes = List.copyOf(indexes);
    }

    /** A table without indexes of CREATE INDEX. */
    public TableInfo(long oid, String schema, String name, List<ColumnInfo> columns, List<Integer> primaryKey,
                     List<TableConstraint> constraints) {
        this(oid, schema, name, columns, primaryKey, constraints, List.of());
    }

    /** A table without UNIQUE, CHECK or FOREIGN KEY constraints. */
    public TableInfo(long oid, String schema, String name, List<ColumnInfo> columns, List<Integer> primaryKey) {
        this(oid, schema, name, columns, primaryKey, List.of(), List.of());
    }

    /** Returns this table with other indexes of CREATE INDEX. */
    public TableInfo withIndexes(List<TableIndex> newIndexes) {
        return new TableInfo(oid, schema, name, columns, primaryKey, constraints, newIndexes);
    }

    /**
     * Returns this table without the column at {@code position}, without the keys, indexes and
     * foreign keys that use it and the CHECK constraints named in {@code checks}.
     */
    public TableInfo withoutColumn(int position, List<String> checks) {
        List<ColumnInfo> remaining = new ArrayList<>(columns);
        remaining.remove(position);
        List<Integer> key = primaryKey.contains(position) ? List.of() : shifted(primaryKey, position);
        List<TableConstraint> kept = new ArrayList<>();
        for (TableConstraint constraint : constraints) {
            switch (constraint) {
                case TableConstraint.Unique unique -> {
                    if (!unique.columns().contains(position)) {
                        kept.add(new TableConstraint.Unique(unique.name(), shifted(unique.columns(), position)));
                    }
                }
                case TableConstraint.Check check -> {
                    if (!checks.contains(check.name())) {
                        kept.add(check);
                    }
                }
                case TableConstraint.ForeignKey foreignKey -> {
                    boolean self = foreignKey.referencedSchema().equals(schema)
                            && foreignKey.referencedTable().equals(name);
                    if (foreignKey.columns().contains(position)
                            || self && foreignKey.referencedColumns().contains(position)) {
                        continue;
                    }
                    kept.add(new TableConstraint.ForeignKey(foreignKey.name(), shifted(foreignKey.columns(), position),
                            foreignKey.referencedSchema(), foreignKey.referencedTable(),
                            self ? shifted(foreignKey.referencedColumns(), position) : foreignKey.referencedColumns(),
                            foreignKey.onDelete(), foreignKey.onUpdate()));
                }
            }
        }
        List<TableIndex> keptIndexes = new ArrayList<>();
        for (TableIndex index : indexes) {
            if (!index.columns().contains(position)) {
                keptIndexes.add(new TableIndex(index.name(), shifted(index.columns(), position), index.unique()));
            }
        }
        return new TableInfo(oid, schema, name, remaining, key, kept, keptIndexes);
    }

    /** Returns the positions with those after {@code dropped} moved one down. */
    private static List<Integer> shifted(List<Integer> positions, int dropped) {
        return positions.stream().map(p -> p > dropped ? p - 1 : p).toList();
    }

    /** Returns the constraints of one kind, in the order they were defined. */
    public <C extends TableConstraint> List<C> constraints(Class<C> kind) {
        return constraints.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Returns the 0-based position of a column, or -1. */
    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        return -1;
    }
}
