package org.modgres.pgcatalog.impl;

import java.util.List;
import java.util.Set;

import org.modgres.api.catalog.SystemRelation;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableInfo;

/**
 * The constraint views of information_schema: table_constraints, key_column_usage,
 * constraint_column_usage, referential_constraints and check_constraints. As in PostgreSQL, each NOT NULL column is a CHECK
 * constraint there, named {@code namespace_table_column_not_null} by OIDs and column number.
 */
final class ConstraintViews {

    private static final String SCHEMA = "information_schema";

    private ConstraintViews() {
    }

    static List<SystemRelation> all(CatalogSource source) {
        return List.of(
                new CatalogRelation(source, SCHEMA, "table_constraints", 13411, true,
                        "constraint_catalog sql_identifier, "
                        + "constraint_schema sql_identifier, constraint_name sql_identifier, "
                        + "table_catalog sql_identifier, table_schema sql_identifier, table_name sql_identifier, "
                        + "constraint_type character_data, is_deferrable yes_or_no, initially_deferred yes_or_no, "
                        + "enforced yes_or_no, nulls_distinct yes_or_no", (model, context, rows) -> {
                            for (TableInfo table : model.tables()) {
                                if (!table.primaryKey().isEmpty()) {
                                    tableConstraint(rows.add(), model, table, CatalogModel.primaryKeyName(table),
                                            "PRIMARY KEY");
                                }
                                for (TableConstraint constraint : table.constraints()) {
                                    Rows.Row row = tableConstraint(rows.add(), model, table, constraint.name(),
                                            switch (constraint) {
                                                case TableConstraint.Unique unique -> "UNIQUE";
                                                case TableConstraint.Check check -> "CHECK";
                                                case TableConstraint.ForeignKey key -> "FOREIGN KEY";
                                            });
                                    if (constraint instanceof TableConstraint.Unique) {
                                        row.set("nulls_distinct", "YES");
                                    }
                                }
                                List<ColumnInfo> columns = table.columns();
                                for (int i = 0; i < columns.size(); i++) {
                                    if (columns.get(i).notNull()) {
                                        tableConstraint(rows.add(), model, table, notNullName(table, i), "CHECK");
                                    }
                                }
                            }
                        }),
                new CatalogRelation(source, SCHEMA, "key_column_usage", 13329, true,
                        "constraint_catalog sql_identifier, "
                        + "constraint_schema sql_identifier, constraint_name sql_identifier, "
                        + "table_catalog sql_identifier, table_schema sql_identifier, table_name sql_identifier, "
                        + "column_name sql_identifier, ordinal_position cardinal_number, "
                        + "position_in_unique_constraint cardinal_number", (model, context, rows) -> {
                            for (TableInfo table : model.tables()) {
                                keyColumns(rows, model, table, CatalogModel.primaryKeyName(table), table.primaryKey(),
                                        null);
                                for (TableConstraint constraint : table.constraints()) {
                                    if (constraint instanceof TableConstraint.Unique unique) {
                                        keyColumns(rows, model, table, unique.name(), unique.columns(), null);
                                    } else if (constraint instanceof TableConstraint.ForeignKey key) {
                                        List<Integer> referencedKey = referencedKey(model, key).columns();
                                        List<Integer> positions = key.referencedColumns().stream()
                                                .map(c -> referencedKey.indexOf(c) + 1).toList();
                                        keyColumns(rows, model, table, key.name(), key.columns(), positions);
                                    }
                                }
                            }
                        }),
                new CatalogRelation(source, SCHEMA, "constraint_column_usage", 13300, true,
                        "table_catalog sql_identifier, table_schema sql_identifier, table_name sql_identifier, "
                        + "column_name sql_identifier, constraint_catalog sql_identifier, "
                        + "constraint_schema sql_identifier, constraint_name sql_identifier",
                        (model, context, rows) -> {
                            for (TableInfo table : model.tables()) {
                                constraintColumns(rows, model, table, table, CatalogModel.primaryKeyName(table),
                                        table.primaryKey());
                                for (TableConstraint constraint : table.constraints()) {
                                    switch (constraint) {
                                        case TableConstraint.Unique unique ->
                                                constraintColumns(rows, model, table, table, unique.name(),
                                                        unique.columns());
                                        case TableConstraint.Check check ->
                                                constraintColumns(rows, model, table, table, check.name(),
                                                        CheckColumns.of(check.expression(), table));
                                        case TableConstraint.ForeignKey key -> {
                                            CatalogModel.Relation referenced =
                                                    model.relation(key.referencedSchema(), key.referencedTable());
                                            if (referenced != null && referenced.table() != null) {
                                                constraintColumns(rows, model, table, referenced.table(), key.name(),
                                                        key.referencedColumns());
                                            }
                                        }
                                    }
                                }
                            }
                        }),
                new CatalogRelation(source, SCHEMA, "referential_constraints", 13339, true,
                        "constraint_catalog sql_identifier, constraint_schema sql_identifier, "
                        + "constraint_name sql_identifier, unique_constraint_catalog sql_identifier, "
                        + "unique_constraint_schema sql_identifier, unique_constraint_name sql_identifier, "
                        + "match_option character_data, update_rule character_data, delete_rule character_data",
                        (model, context, rows) -> {
                            for (TableInfo table : model.tables()) {
                                List<TableConstraint.ForeignKey> keys =
                                        table.constraints(TableConstraint.ForeignKey.class);
                                for (TableConstraint.ForeignKey key : keys) {
                                    rows.add().set("constraint_catalog", model.database())
                                            .set("constraint_schema", table.schema()).set("constraint_name", key.name())
                                            .set("unique_constraint_catalog", model.database())
                                            .set("unique_constraint_schema", key.referencedSchema())
                                            .set("unique_constraint_name", referencedKey(model, key).name())
                                            .set("match_option", "NONE").set("update_rule", key.onUpdate().sql())
                                            .set("delete_rule", key.onDelete().sql());
                                }
                            }
                        }),
                new CatalogRelation(source, SCHEMA, "check_constraints", 13260, true,
                        "constraint_catalog sql_identifier, "
                        + "constraint_schema sql_identifier, constraint_name sql_identifier, "
                        + "check_clause character_data", (model, context, rows) -> {
                            for (TableInfo table : model.tables()) {
                                for (TableConstraint.Check check : table.constraints(TableConstraint.Check.class)) {
                                    checkConstraint(rows.add(), model, table, check.name(),
                                            "(" + CheckTexts.of(ConstraintCatalog.conditionText(check), table, false)
                                                    + ")");
                                }
                                List<ColumnInfo> columns = table.columns();
                                for (int i = 0; i < columns.size(); i++) {
                                    if (columns.get(i).notNull()) {
                                        checkConstraint(rows.add(), model, table, notNullName(table, i),
                                                columns.get(i).name() + " IS NOT NULL");
                                    }
                                }
                            }
                        }));
    }

    private static Rows.Row tableConstraint(Rows.Row row, CatalogModel model, TableInfo table, String name,
                                            String type) {
        return row.set("constraint_catalog", model.database()).set("constraint_schema", table.schema())
                .set("constraint_name", name).set("table_catalog", model.database())
                .set("table_schema", table.schema()).set("table_name", table.name()).set("constraint_type", type)
                .set("is_deferrable", "NO").set("initially_deferred", "NO").set("enforced", "YES");
    }

    private static void checkConstraint(Rows.Row row, CatalogModel model, TableInfo table, String name, String clause) {
        row.set("constraint_catalog", model.database()).set("constraint_schema", table.schema())
                .set("constraint_name", name).set("check_clause", clause);
    }

    private static void keyColumns(Rows rows, CatalogModel model, TableInfo table, String name, List<Integer> columns,
                                   List<Integer> positionsInUniqueConstraint) {
        for (int i = 0; i < columns.size(); i++) {
            rows.add().set("constraint_catalog", model.database()).set("constraint_schema", table.schema())
                    .set("constraint_name", name).set("table_catalog", model.database())
                    .set("table_schema", table.schema()).set("table_name", table.name())
                    .set("column_name", table.columns().get(columns.get(i)).name()).set("ordinal_position", i + 1)
                    .set("position_in_unique_constraint", positionsInUniqueConstraint == null ? null
                            : positionsInUniqueConstraint.get(i));
        }
    }

    /** Adds a row per column of {@code columnsOf} a constraint of {@code owner} uses. */
    private static void constraintColumns(Rows rows, CatalogModel model, TableInfo owner, TableInfo columnsOf,
                                          String name, List<Integer> columns) {
        for (int column : columns) {
            rows.add().set("table_catalog", model.database()).set("table_schema", columnsOf.schema())
                    .set("table_name", columnsOf.name()).set("column_name", columnsOf.columns().get(column).name())
                    .set("constraint_catalog", model.database()).set("constraint_schema", owner.schema())
                    .set("constraint_name", name);
        }
    }

    private static String notNullName(TableInfo table, int column) {
        return CatalogModel.namespaceOid(table.schema()) + "_" + table.oid() + "_" + (column + 1) + "_not_null";
    }

    /** The referenced table's key a foreign key uses: its primary key or a unique constraint on the same columns. */
    private record Key(String name, List<Integer> columns) {
    }

    private static Key referencedKey(CatalogModel model, TableConstraint.ForeignKey key) {
        CatalogModel.Relation relation = model.relation(key.referencedSchema(), key.referencedTable());
        if (relation == null || relation.table() == null) {
            return new Key(null, key.referencedColumns());
        }
        TableInfo referenced = relation.table();
        Set<Integer> wanted = Set.copyOf(key.referencedColumns());
        if (!referenced.primaryKey().isEmpty() && Set.copyOf(referenced.primaryKey()).equals(wanted)) {
            return new Key(CatalogModel.primaryKeyName(referenced), referenced.primaryKey());
        }
        for (TableConstraint.Unique unique : referenced.constraints(TableConstraint.Unique.class)) {
            if (Set.copyOf(unique.columns()).equals(wanted)) {
                return new Key(unique.name(), unique.columns());
            }
        }
        return new Key(null, key.referencedColumns());
    }
}
