package org.modgres.pgcatalog.impl;

import java.util.List;

import org.modgres.api.catalog.SystemRelation;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/** The SQL-standard views of information_schema: schemata, tables and columns. */
final class InformationSchema {

    private static final String SCHEMA = "information_schema";
    /** character_octet_length of a character type without a length: PostgreSQL's 1 GB limit. */
    private static final int UNLIMITED_OCTETS = 1_073_741_824;
    /** The most bytes an encoded character takes in UTF8. */
    private static final int MAX_CHARACTER_BYTES = 4;

    private InformationSchema() {
    }

    static List<SystemRelation> all(CatalogSource source) {
        return List.of(
                new CatalogRelation(source, SCHEMA, "schemata", 13382, true, "catalog_name sql_identifier, "
                        + "schema_name sql_identifier, schema_owner sql_identifier, "
                        + "default_character_set_catalog sql_identifier, default_character_set_schema sql_identifier, "
                        + "default_character_set_name sql_identifier, sql_path character_data",
                        (model, context, rows) -> {
                            for (CatalogModel.Namespace namespace : model.namespaces()) {
                                rows.add().set("catalog_name", model.database()).set("schema_name", namespace.name())
                                        .set("schema_owner", Roles.name(model.roles(), model.namespaceOwner(namespace)));
                            }
                        }),
                new CatalogRelation(source, SCHEMA, "tables", 13425, true, "table_catalog sql_identifier, "
                        + "table_schema sql_identifier, table_name sql_identifier, table_type character_data, "
                        + "self_referencing_column_name sql_identifier, reference_generation character_data, "
                        + "user_defined_type_catalog sql_identifier, user_defined_type_schema sql_identifier, "
                        + "user_defined_type_name sql_identifier, is_insertable_into yes_or_no, is_typed yes_or_no, "
                        + "commit_action character_data", (model, context, rows) -> {
                            for (CatalogModel.Relation relation : model.relations()) {
                                if (relation.isIndex() || relation.sequence() != null) {
                                    continue;
                                }
                                boolean view = relation.kind().equals("v");
                                rows.add().set("table_catalog", model.database()).set("table_schema", relation.schema())
                                        .set("table_name", relation.name())
                                        .set("table_type", view ? "VIEW" : "BASE TABLE")
                                        .set("is_insertable_into", relation.table() != null ? "YES" : "NO")
                                        .set("is_typed", "NO");
                            }
                        }),
                new CatalogRelation(source, SCHEMA, "views", 13483, true, "table_catalog sql_identifier, "
                        + "table_schema sql_identifier, table_name sql_identifier, view_definition character_data, "
                        + "check_option character_data, is_updatable yes_or_no, is_insertable_into yes_or_no, "
                        + "is_trigger_updatable yes_or_no, is_trigger_deletable yes_or_no, "
                        + "is_trigger_insertable_into yes_or_no", (model, context, rows) -> {
                            for (CatalogModel.Relation relation : model.relations()) {
                                if (relation.view() != null) {
                                    // views are never updatable here: DML on them is refused
                                    rows.add().set("table_catalog", model.database())
                                            .set("table_schema", relation.schema()).set("table_name", relation.name())
                                            .set("view_definition", ViewDefinitionText.of(relation, false))
                                            .set("check_option", "NONE").set("is_updatable", "NO")
                                            .set("is_insertable_into", "NO").set("is_trigger_updatable", "NO")
                                            .set("is_trigger_deletable", "NO").set("is_trigger_insertable_into", "NO");
                                }
                            }
                        }),
                new CatalogRelation(source, SCHEMA, "columns", 13295, true, "table_catalog sql_identifier, "
                        + "table_schema sql_identifier, table_name sql_identifier, column_name sql_identifier, "
                        + "ordinal_position cardinal_number, column_default character_data, is_nullable yes_or_no, "
                        + "data_type character_data, character_maximum_length cardinal_number, "
                        + "character_octet_length cardinal_number, numeric_precision cardinal_number, "
                        + "numeric_precision_radix cardinal_number, numeric_scale cardinal_number, "
                        + "datetime_precision cardinal_number, interval_type character_data, "
                        + "interval_precision cardinal_number, character_set_catalog sql_identifier, "
                        + "character_set_schema sql_identifier, character_set_name sql_identifier, "
                        + "collation_catalog sql_identifier, collation_schema sql_identifier, "
                        + "collation_name sql_identifier, domain_catalog sql_identifier, domain_schema sql_identifier, "
                        + "domain_name sql_identifier, udt_catalog sql_identifier, udt_schema sql_identifier, "
                        + "udt_name sql_identifier, scope_catalog sql_identifier, scope_schema sql_identifier, "
                        + "scope_name sql_identifier, maximum_cardinality cardinal_number, "
                        + "dtd_identifier sql_identifier, is_self_referencing yes_or_no, is_identity yes_or_no, "
                        + "identity_generation character_data, identity_start character_data, "
                        + "identity_increment character_data, identity_maximum character_data, "
                        + "identity_minimum character_data, identity_cycle yes_or_no, is_generated character_data, "
                        + "generation_expression character_data, is_updatable yes_or_no", (model, context, rows) -> {
                            for (CatalogModel.Relation relation : model.relations()) {
                                if (relation.isIndex() || relation.sequence() != null) {
                                    continue;
                                }
                                List<ColumnInfo> columns = relation.columns();
                                for (int i = 0; i < columns.size(); i++) {
                                    column(rows.add(), model, relation, columns.get(i), i + 1);
                                }
                            }
                        }));
    }

    private static void column(Rows.Row row, CatalogModel model, CatalogModel.Relation relation, ColumnInfo column,
                               int position) {
        ColumnType type = column.type();
        PgType pgType = type.type();
        BuiltinTypes.Type typeRow = ColumnTypes.of(type);
        row.set("table_catalog", model.database()).set("table_schema", relation.schema())
                .set("table_name", relation.name()).set("column_name", column.name())
                .set("ordinal_position", position).set("is_nullable", column.notNull() ? "NO" : "YES")
                .set("data_type", TypeNames.dataType(pgType))
                .set("udt_catalog", model.database()).set("udt_schema", "pg_catalog")
                .set("udt_name", typeRow == null ? pgType.typname() : typeRow.name())
                .set("dtd_identifier", Integer.toString(position)).set("is_self_referencing", "NO")
                .set("column_default", relation.table() == null ? null : DefaultTexts.of(column))
                .set("is_identity", column.identity() == null ? "NO" : "YES")
                .set("identity_generation", column.identity() == null ? null
                        : column.identity() == ColumnInfo.Identity.ALWAYS ? "ALWAYS" : "BY DEFAULT")
                .set("identity_cycle", "NO").set("is_generated", "NEVER")
                .set("is_updatable", relation.table() != null ? "YES" : "NO");
        switch (pgType) {
            case BPCHAR, VARCHAR -> {
                if (type.length() > 0) {
                    row.set("character_maximum_length", type.length())
                            .set("character_octet_length", type.length() * MAX_CHARACTER_BYTES);
                } else {
                    row.set("character_octet_length", UNLIMITED_OCTETS);
                }
            }
            case TEXT -> row.set("character_octet_length", UNLIMITED_OCTETS);
            case INT2 -> numeric(row, 16, 2, 0);
            case INT4 -> numeric(row, 32, 2, 0);
            case INT8 -> numeric(row, 64, 2, 0);
            case FLOAT4 -> numeric(row, 24, 2, null);
            case FLOAT8 -> numeric(row, 53, 2, null);
            case NUMERIC -> {
                if (type.precision() >= 0) {
                    numeric(row, type.precision(), 10, type.scale());
                } else {
                    row.set("numeric_precision_radix", 10);
                }
            }
            case DATE -> row.set("datetime_precision", 0);
            case TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL ->
                    row.set("datetime_precision", type.typmod() >= 0 ? type.typmod() : 6);
            default -> {
            }
        }
    }

    private static void numeric(Rows.Row row, int precision, int radix, Integer scale) {
        row.set("numeric_precision", precision).set("numeric_precision_radix", radix).set("numeric_scale", scale);
    }
}
