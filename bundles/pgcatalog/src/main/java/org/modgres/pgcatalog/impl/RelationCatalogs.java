package org.modgres.pgcatalog.impl;

import java.util.ArrayList;
import java.util.List;

import org.modgres.api.catalog.SystemRelation;
import org.modgres.api.catalog.SystemRelationContext;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.type.PgType;

/**
 * The catalogs of relations and their parts: pg_namespace, pg_class, pg_attribute, pg_type,
 * pg_index, pg_constraint, and the views pg_tables, pg_indexes and pg_views over them.
 */
final class RelationCatalogs {

    private static final String PG_CATALOG = "pg_catalog";

    private RelationCatalogs() {
    }

    static List<SystemRelation> all(CatalogSource source) {
        return List.of(
                new CatalogRelation(source, PG_CATALOG, "pg_namespace", 2615, false,
                        "oid oid!, nspname name!, nspowner oid!, nspacl aclitem[]", (model, context, rows) -> {
                            for (CatalogModel.Namespace namespace : model.namespaces()) {
                                rows.add().set("oid", namespace.oid()).set("nspname", namespace.name())
                                        .set("nspowner", model.namespaceOwner(namespace))
                                        .set("nspacl", namespace.privileges());
                            }
                        }),
                new CatalogRelation(source, PG_CATALOG, "pg_class", 1259, false, "oid oid!, relname name!, "
                        + "relnamespace oid!, reltype oid!, reloftype oid!, relowner oid!, relam oid!, relfilenode oid!, "
                        + "reltablespace oid!, relpages int4!, reltuples float4!, relallvisible int4!, "
                        + "reltoastrelid oid!, relhasindex bool!, relisshared bool!, relpersistence char!, "
                        + "relkind char!, relnatts int2!, relchecks int2!, relhasrules bool!, relhastriggers bool!, "
                        + "relhassubclass bool!, relrowsecurity bool!, relforcerowsecurity bool!, "
                        + "relispopulated bool!, relreplident char!, relispartition bool!, relrewrite oid!, "
                        + "relfrozenxid xid!, relminmxid xid!, relacl aclitem[], reloptions text[], "
                        + "relpartbound pg_node_tree", RelationCatalogs::classRows),
                new CatalogRelation(source, PG_CATALOG, "pg_attribute", 1249, false, "attrelid oid!, attname name!, "
                        + "atttypid oid!, attstattarget int4!, attlen int2!, attnum int2!, attndims int4!, "
                        + "attcacheoff int4!, atttypmod int4!, attbyval bool!, attalign char!, attstorage char!, "
                        + "attcompression char!, attnotnull bool!, atthasdef bool!, atthasmissing bool!, "
                        + "attidentity char!, attgenerated char!, attisdropped bool!, attislocal bool!, "
                        + "attinhcount int4!, attcollation oid!, attacl aclitem[], attoptions text[], "
                        + "attfdwoptions text[], attmissingval anyarray", RelationCatalogs::attributeRows),
                new CatalogRelation(source, PG_CATALOG, "pg_type", 1247, false, "oid oid!, typname name!, "
                        + "typnamespace oid!, typowner oid!, typlen int2!, typbyval bool!, typtype char!, "
                        + "typcategory char!, typispreferred bool!, typisdefined bool!, typdelim char!, "
                        + "typrelid oid!, typsubscript regproc!, typelem oid!, typarray oid!, typinput regproc!, "
                        + "typoutput regproc!, typreceive regproc!, typsend regproc!, typmodin regproc!, "
                        + "typmodout regproc!, typanalyze regproc!, typalign char!, typstorage char!, "
                        + "typnotnull bool!, typbasetype oid!, typtypmod int4!, typndims int4!, typcollation oid!, "
                        + "typdefaultbin pg_node_tree, typdefault text, typacl aclitem[]", RelationCatalogs::typeRows),
                new CatalogRelation(source, PG_CATALOG, "pg_index", 2610, false, "indexrelid oid!, indrelid oid!, "
                        + "indnatts int2!, indnkeyatts int2!, indisunique bool!, indnullsnotdistinct bool!, "
                        + "indisprimary bool!, indisexclusion bool!, indimmediate bool!, indisclustered bool!, "
                        + "indisvalid bool!, indcheckxmin bool!, indisready bool!, indislive bool!, "
                        + "indisreplident bool!, indkey int2vector!, indcollation oidvector!, indclass oidvector!, "
                        + "indoption int2vector!, indexprs pg_node_tree, indpred pg_node_tree",
                        RelationCatalogs::indexRows),
                new CatalogRelation(source, PG_CATALOG, "pg_constraint", 2606, false, "oid oid!, conname name!, "
                        + "connamespace oid!, contype char!, condeferrable bool!, condeferred bool!, "
                        + "convalidated bool!, conrelid oid!, contypid oid!, conindid oid!, conparentid oid!, "
                        + "confrelid oid!, confupdtype char!, confdeltype char!, confmatchtype char!, "
                        + "conislocal bool!, coninhcount int4!, connoinherit bool!, conkey int2[], confkey int2[], "
                        + "conpfeqop oid[], conppeqop oid[], conffeqop oid[], confdelsetcols int2[], conexclop oid[], "
                        + "conbin pg_node_tree", RelationCatalogs::constraintRows),
                new CatalogRelation(source, PG_CATALOG, "pg_tables", 12033, true, "schemaname name, tablename name, "
                        + "tableowner name, tablespace name, hasindexes bool, hasrules bool, hastriggers bool, "
                        + "rowsecurity bool", (model, context, rows) -> {
                            for (CatalogModel.Relation relation : model.relations()) {
                                if (relation.kind().equals("r")) {
                                    rows.add().set("schemaname", relation.schema()).set("tablename", relation.name())
                                            .set("tableowner", Roles.name(model.roles(),
                                                    TableAcls.owner(model.roles(), relation)))
                                            .set("hasindexes", relation.hasIndex()).set("hasrules", false)
                                            .set("hastriggers", false).set("rowsecurity", false);
                                }
                            }
                        }),
                new CatalogRelation(source, PG_CATALOG, "pg_indexes", 12043, true, "schemaname name, tablename name, "
                        + "indexname name, tablespace name, indexdef text", (model, context, rows) -> {
                            for (CatalogModel.Relation relation : model.relations()) {
                                if (relation.isIndex()) {
                                    rows.add().set("schemaname", relation.schema())
                                            .set("tablename", relation.table().name()).set("indexname", relation.name())
                                            .set("indexdef", Definitions.indexDefinition(model, relation, false));
                                }
                            }
                        }),
                new CatalogRelation(source, PG_CATALOG, "pg_views", 12028, true, "schemaname name, viewname name, "
                        + "viewowner name, definition text", (model, context, rows) -> {
                            for (CatalogModel.Relation relation : model.relations()) {
                                if (relation.kind().equals("v")) {
                                    rows.add().set("schemaname", relation.schema()).set("viewname", relation.name())
                                            .set("viewowner", Roles.name(model.roles(),
                                                    TableAcls.owner(model.roles(), relation)))
                                            .set("definition", ViewDefinitionText.of(relation, false));
                                }
                            }
                        }));
    }

    private static void classRows(CatalogModel model, SystemRelationContext context,
                                  Rows rows) {
        for (CatalogModel.Relation relation : model.relations()) {
            boolean table = relation.kind().equals("r");
            boolean userTable = relation.table() != null && table;
            rows.add().set("oid", relation.oid()).set("relname", relation.name())
                    .set("relnamespace", relation.namespace()).set("relowner", TableAcls.owner(model.roles(), relation))
                    .set("relam", table ? ObjectIds.HEAP : relation.isIndex() ? ObjectIds.BTREE : 0)
                    .set("relfilenode", relation.kind().equals("v") ? 0 : relation.oid())
                    // what CREATE TABLE leaves until VACUUM or ANALYZE: an index has its metapage
                    .set("relpages", relation.table() != null && relation.isIndex() || relation.sequence() != null ? 1 : 0)
                    // a sequence is one row on one page
                    .set("reltuples", userTable ? -1f : relation.sequence() != null ? 1f : 0f)
                    .set("relhasindex", relation.hasIndex())
                    .set("relchecks", userTable ? relation.table().constraints(TableConstraint.Check.class).size() : 0)
                    .set("relhastriggers", userTable && ConstraintCatalog.hasTriggers(model, relation.table()))
                    .set("relisshared", Roles.SHARED_CATALOGS.contains(relation.name())
                            && relation.relation() != null)
                    .set("relpersistence", "p").set("relkind", relation.kind())
                    .set("relnatts", relation.columns().size())
                    .set("relhasrules", relation.kind().equals("v"))
                    .set("relispopulated", true)
                    .set("relreplident", userTable ? "d" : "n")
                    .set("relminmxid", userTable ? 1 : 0)
                    .set("relacl", TableAcls.acl(model.roles(), relation));
        }
    }

    private static void attributeRows(CatalogModel model, SystemRelationContext context,
                                      Rows rows) {
        for (CatalogModel.Relation relation : model.relations()) {
            List<ColumnInfo> columns = relation.columns();
            for (int i = 0; i < columns.size(); i++) {
                ColumnInfo column = columns.get(i);
                BuiltinTypes.Type type = ColumnTypes.of(column.type());
                PgType pgType = column.type().type();
                rows.add().set("attrelid", relation.oid()).set("attname", column.name())
                        .set("attacl", TableAcls.columnAcl(model.roles(), relation, column.name()))
                        .set("atttypid", pgType.oid()).set("attstattarget", -1)
                        .set("attlen", type == null ? -1 : type.length()).set("attnum", i + 1)
                        .set("attndims", pgType.elementType() != null && !pgType.isVector() ? 1 : 0)
                        .set("attcacheoff", -1).set("atttypmod", column.type().typmod())
                        .set("attbyval", type != null && type.byValue())
                        .set("attalign", type == null ? "i" : type.align())
                        .set("attstorage", type == null ? "p" : type.storage())
                        .set("attnotnull", column.notNull() && !relation.isIndex())
                        .set("atthasdef", !relation.isIndex() && DefaultTexts.hasDefault(column))
                        .set("attidentity", relation.isIndex() || column.identity() == null ? ""
                                : column.identity().code())
                        .set("attislocal", true).set("attcollation", ColumnTypes.collation(column.type()));
            }
        }
    }

    private static void typeRows(CatalogModel model, SystemRelationContext context,
                                 Rows rows) {
        for (BuiltinTypes.Type type : BuiltinTypes.all()) {
            rows.add().set("oid", type.oid()).set("typname", type.name()).set("typnamespace", ObjectIds.PG_CATALOG)
                    .set("typowner", ObjectIds.POSTGRES_ROLE).set("typlen", type.length())
                    .set("typbyval", type.byValue()).set("typtype", type.kind()).set("typcategory", type.category())
                    .set("typispreferred", type.preferred()).set("typisdefined", true).set("typdelim", ",")
                    .set("typsubscript", type.subscript()).set("typelem", type.element()).set("typarray", type.array())
                    .set("typinput", type.input()).set("typoutput", type.output()).set("typreceive", type.receive())
                    .set("typsend", type.send()).set("typmodin", type.modifierInput())
                    .set("typmodout", type.modifierOutput()).set("typanalyze", type.isArray() ? "array_typanalyze" : "-")
                    .set("typalign", type.align()).set("typstorage", type.storage()).set("typtypmod", -1)
                    .set("typcollation", type.collation());
        }
    }

    private static void indexRows(CatalogModel model, SystemRelationContext context,
                                  Rows rows) {
        for (CatalogModel.Relation relation : model.relations()) {
            if (!relation.isIndex()) {
                continue;
            }
            TableInfo table = relation.table();
            List<Short> key = new ArrayList<>();
            List<Long> collations = new ArrayList<>();
            List<Long> classes = new ArrayList<>();
            List<Short> options = new ArrayList<>();
            for (int column : ConstraintCatalog.indexKey(relation)) {
                key.add((short) (column + 1));
                collations.add(ColumnTypes.collation(table.columns().get(column).type()));
                classes.add(ColumnTypes.operatorClass(table.columns().get(column).type()));
                options.add((short) 0);
            }
            rows.add().set("indexrelid", relation.oid()).set("indrelid", table.oid())
                    .set("indnatts", key.size()).set("indnkeyatts", key.size()).set("indisunique", ConstraintCatalog.isUniqueIndex(relation))
                    .set("indisprimary", ConstraintCatalog.isPrimaryKeyIndex(relation)).set("indimmediate", true).set("indisvalid", true)
                    .set("indisready", true).set("indislive", true).set("indkey", List.copyOf(key))
                    .set("indcollation", List.copyOf(collations)).set("indclass", List.copyOf(classes))
                    .set("indoption", List.copyOf(options));
        }
    }

    private static void constraintRows(CatalogModel model, SystemRelationContext context,
                                       Rows rows) {
        for (TableInfo table : model.tables()) {
            ConstraintCatalog.addRows(model, table, rows);
            if (table.primaryKey().isEmpty()) {
                continue;
            }
            List<Short> key = table.primaryKey().stream().map(i -> (short) (i + 1)).toList();
            rows.add().set("oid", ObjectIds.primaryKeyConstraint(table.oid()))
                    .set("conname", CatalogModel.primaryKeyName(table))
                    .set("connamespace", CatalogModel.namespaceOid(table.schema())).set("contype", "p")
                    .set("convalidated", true).set("conrelid", table.oid())
                    .set("conindid", ObjectIds.primaryKeyIndex(table.oid()))
                    .set("confupdtype", " ").set("confdeltype", " ").set("confmatchtype", " ")
                    .set("conislocal", true).set("connoinherit", true).set("conkey", key);
        }
    }
}
