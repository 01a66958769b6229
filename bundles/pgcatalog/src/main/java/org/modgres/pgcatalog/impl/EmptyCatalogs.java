package org.modgres.pgcatalog.impl;

import java.util.List;

import org.modgres.api.catalog.SystemRelation;

/**
 * The catalogs of features Modgres does not have yet, empty but with PostgreSQL's columns, so
 * that the queries clients send about them run (and pg_description, which holds only the
 * comments of the built-in objects): defaults, inheritance and partitions,
 * extensions, row security, extended statistics, publications, sequences.
 */
final class EmptyCatalogs {

    private static final String PG_CATALOG = "pg_catalog";

    private EmptyCatalogs() {
    }

    static List<SystemRelation> all(CatalogSource source) {
        return List.of(
                new CatalogRelation(source, PG_CATALOG, "pg_description", 2609, false,
                        "objoid oid!, classoid oid!, objsubid int4!, description text!", (model, context, rows) -> {
                            for (Descriptions.Description description : Descriptions.all(model)) {
                                rows.add().set("objoid", description.object()).set("classoid", description.catalog())
                                        .set("objsubid", description.subId()).set("description", description.text());
                            }
                        }),
                empty(source, "pg_shdescription", 2396, "objoid oid!, classoid oid!, description text!"),
                empty(source, "pg_inherits", 2611, "inhrelid oid!, inhparent oid!, inhseqno int4!, "
                        + "inhdetachpending bool!"),
                empty(source, "pg_partitioned_table", 3350, "partrelid oid!, partstrat char!, partnatts int2!, "
                        + "partdefid oid!, partattrs int2vector!, partclass oidvector!, partcollation oidvector!, "
                        + "partexprs pg_node_tree"),
                empty(source, "pg_extension", 3079, "oid oid!, extname name!, extowner oid!, extnamespace oid!, "
                        + "extrelocatable bool!, extversion text!, extconfig oid[], extcondition text[]"),
                // the triggers of foreign keys are internal, and psql lists no internal ones
                empty(source, "pg_trigger", 2620, "oid oid!, tgrelid oid!, tgparentid oid!, tgname name!, "
                        + "tgfoid oid!, tgtype int2!, tgenabled char!, tgisinternal bool!, tgconstrrelid oid!, "
                        + "tgconstrindid oid!, tgconstraint oid!, tgdeferrable bool!, tginitdeferred bool!, "
                        + "tgnargs int2!, tgattr int2vector!, tgargs text!, tgqual pg_node_tree, "
                        + "tgoldtable name, tgnewtable name"),
                empty(source, "pg_policy", 3256, "oid oid!, polname name!, polrelid oid!, polcmd char!, "
                        + "polpermissive bool!, polroles oid[]!, polqual pg_node_tree, polwithcheck pg_node_tree"),
                empty(source, "pg_statistic_ext", 3381, "oid oid!, stxrelid oid!, stxname name!, stxnamespace oid!, "
                        + "stxowner oid!, stxstattarget int4!, stxkeys int2vector!, stxkind char[]!, "
                        + "stxexprs pg_node_tree"),
                empty(source, "pg_publication", 6104, "oid oid!, pubname name!, pubowner oid!, puballtables bool!, "
                        + "pubinsert bool!, pubupdate bool!, pubdelete bool!, pubtruncate bool!, pubviaroot bool!"),
                // views keep their queries as text, not as _RETURN rules, and there are no other rules
                empty(source, "pg_rewrite", 2618, "oid oid!, rulename name!, ev_class oid!, ev_type char!, "
                        + "ev_enabled char!, is_instead bool!, ev_qual pg_node_tree!, ev_action pg_node_tree!"),
                empty(source, "pg_publication_namespace", 6237, "oid oid!, pnpubid oid!, pnnspid oid!"),
                empty(source, "pg_publication_rel", 6106, "oid oid!, prpubid oid!, prrelid oid!, "
                        + "prqual pg_node_tree, prattrs int2vector"));
    }

    private static SystemRelation empty(CatalogSource source, String name, long oid, String columns) {
        return new CatalogRelation(source, PG_CATALOG, name, oid, false, columns, (model, context, rows) -> {
        });
    }
}
