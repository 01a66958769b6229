package org.modgres.pgcatalog.impl;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.modgres.api.catalog.SystemRelation;
import org.modgres.api.role.AclItem;
import org.modgres.api.role.DefaultAcl;
import org.modgres.api.role.PrivilegeTarget;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.RoleMembership;

/**
 * The catalogs of what the server holds beside relations: databases, roles and their
 * memberships, access methods, tablespaces, collations.
 */
final class ServerCatalogs {

    private static final String PG_CATALOG = "pg_catalog";

    private static final String ROLE_COLUMNS = "rolsuper bool!, rolinherit bool!, rolcreaterole bool!, "
            + "rolcreatedb bool!, rolcanlogin bool!, rolreplication bool!, rolbypassrls bool!, rolconnlimit int4!, "
            + "rolpassword text, rolvaliduntil timestamptz";

    private ServerCatalogs() {
    }

    static List<SystemRelation> all(CatalogSource source) {
        return List.of(
                new CatalogRelation(source, PG_CATALOG, "pg_database", 1262, false, "oid oid!, datname name!, "
                        + "datdba oid!, encoding int4!, datlocprovider char!, datistemplate bool!, datallowconn bool!, "
                        + "datconnlimit int4!, datfrozenxid xid!, datminmxid xid!, dattablespace oid!, "
                        + "datcollate text!, datctype text!, daticulocale text, datcollversion text, datacl aclitem[]",
                        (model, context, rows) -> {
                            database(model, rows, ObjectIds.POSTGRES_DATABASE, "postgres", false, true);
                            database(model, rows, ObjectIds.TEMPLATE1, "template1", true, true);
                            database(model, rows, ObjectIds.TEMPLATE0, "template0", true, false);
                        }),
                new CatalogRelation(source, PG_CATALOG, "pg_authid", 1260, false,
                        "oid oid!, rolname name!, " + ROLE_COLUMNS, (model, context, rows) -> roleRows(model, rows,
                                true)),
                new CatalogRelation(source, PG_CATALOG, "pg_auth_members", 1261, false,
                        "roleid oid!, member oid!, grantor oid!, admin_option bool!", (model, context, rows) -> {
                            for (RoleMembership membership : model.roles().memberships()) {
                                rows.add().set("roleid", membership.role()).set("member", membership.member())
                                        .set("grantor", membership.grantor())
                                        .set("admin_option", membership.adminOption());
                            }
                        }),
                new CatalogRelation(source, PG_CATALOG, "pg_default_acl", 826, false,
                        "oid oid!, defaclrole oid!, defaclnamespace oid!, defaclobjtype char!, defaclacl aclitem[]!",
                        (model, context, rows) -> defaultAclRows(model, rows)),
                new CatalogRelation(source, PG_CATALOG, "pg_roles", 12000, true, "rolname name, rolsuper bool, "
                        + "rolinherit bool, rolcreaterole bool, rolcreatedb bool, rolcanlogin bool, rolreplication bool, "
                        + "rolconnlimit int4, rolpassword text, rolvaliduntil timestamptz, rolbypassrls bool, "
                        + "rolconfig text[], oid oid", (model, context, rows) -> roleRows(model, rows, false)),
                new CatalogRelation(source, PG_CATALOG, "pg_user", 12014, true, "usename name, usesysid oid, "
                        + "usecreatedb bool, usesuper bool, userepl bool, usebypassrls bool, passwd text, "
                        + "valuntil timestamptz, useconfig text[]", (model, context, rows) -> userRows(model, rows,
                                false)),
                new CatalogRelation(source, PG_CATALOG, "pg_shadow", 12010, true, "usename name, usesysid oid, "
                        + "usecreatedb bool, usesuper bool, userepl bool, usebypassrls bool, passwd text, "
                        + "valuntil timestamptz, useconfig text[]", (model, context, rows) -> userRows(model, rows,
                                true)),
                new CatalogRelation(source, PG_CATALOG, "pg_am", 2601, false,
                        "oid oid!, amname name!, amhandler regproc!, amtype char!", (model, context, rows) -> {
                            accessMethod(rows, ObjectIds.HEAP, "heap", "heap_tableam_handler", "t");
                            accessMethod(rows, ObjectIds.BTREE, "btree", "bthandler", "i");
                            accessMethod(rows, 405, "hash", "hashhandler", "i");
                            accessMethod(rows, 783, "gist", "gisthandler", "i");
                            accessMethod(rows, 2742, "gin", "ginhandler", "i");
                            accessMethod(rows, 4000, "spgist", "spghandler", "i");
                            accessMethod(rows, 3580, "brin", "brinhandler", "i");
                        }),
                new CatalogRelation(source, PG_CATALOG, "pg_language", 2612, false, "oid oid!, lanname name!, "
                        + "lanowner oid!, lanispl bool!, lanpltrusted bool!, lanplcallfoid oid!, laninline oid!, "
                        + "lanvalidator oid!, lanacl aclitem[]", (model, context, rows) -> {
                            language(rows, 12, "internal", false, 2246);
                            language(rows, 13, "c", false, 2247);
                            language(rows, 14, "sql", true, 2248);
                        }),
                new CatalogRelation(source, PG_CATALOG, "pg_tablespace", 1213, false,
                        "oid oid!, spcname name!, spcowner oid!, spcacl aclitem[], spcoptions text[]",
                        (model, context, rows) -> {
                            rows.add().set("oid", ObjectIds.DEFAULT_TABLESPACE).set("spcname", "pg_default")
                                    .set("spcowner", ObjectIds.POSTGRES_ROLE);
                            rows.add().set("oid", ObjectIds.GLOBAL_TABLESPACE).set("spcname", "pg_global")
                                    .set("spcowner", ObjectIds.POSTGRES_ROLE);
                        }),
                new CatalogRelation(source, PG_CATALOG, "pg_collation", 3456, false, "oid oid!, collname name!, "
                        + "collnamespace oid!, collowner oid!, collprovider char!, collisdeterministic bool!, "
                        + "collencoding int4!, collcollate text, collctype text, colliculocale text, collversion text",
                        (model, context, rows) -> {
                            collation(rows, ObjectIds.DEFAULT_COLLATION, "default", "d", null);
                            collation(rows, ObjectIds.C_COLLATION, "C", "c", "C");
                            collation(rows, 951, "POSIX", "c", "POSIX");
                        }));
    }

    private static void database(CatalogModel model, Rows rows, long oid, String name, boolean template,
                                 boolean allowConnections) {
        List<AclItem> acl = RelationPrivileges.ofDatabase(oid, model.roles().privileges(oid).acl()).acl();
        rows.add().set("oid", oid).set("datname", name).set("datdba", ObjectIds.POSTGRES_ROLE)
                .set("encoding", ObjectIds.UTF8).set("datlocprovider", "c").set("datistemplate", template)
                .set("datallowconn", allowConnections).set("datconnlimit", -1).set("datminmxid", 1)
                .set("dattablespace", ObjectIds.DEFAULT_TABLESPACE).set("datcollate", "C").set("datctype", "C")
                .set("datacl", acl == null ? null
                        : acl.stream().map(item -> item.text(role -> Roles.name(model.roles(), role))).toList());
    }

    /** The roles by OID; pg_roles and pg_user show every password as ********, pg_authid and pg_shadow the hash. */
    private static void roleRows(CatalogModel model, Rows rows, boolean showPassword) {
        for (RoleInfo role : roles(model)) {
            rows.add().set("oid", role.oid()).set("rolname", role.name()).set("rolsuper", role.superuser())
                    .set("rolinherit", role.inherit()).set("rolcreaterole", role.createRole())
                    .set("rolcreatedb", role.createDb()).set("rolcanlogin", role.canLogin())
                    .set("rolreplication", role.replication()).set("rolbypassrls", role.bypassRls())
                    .set("rolconnlimit", role.connectionLimit()).set("rolpassword", password(role, showPassword))
                    .set("rolvaliduntil", validUntil(role.validUntil()));
        }
    }

    /**
     * pg_default_acl: the lists of ALTER DEFAULT PRIVILEGES, 'r' for tables and views, 'S' for
     * sequences, 'f' for functions, 'T' for types, 'n' for schemas.
     */
    private static void defaultAclRows(CatalogModel model, Rows rows) {
        for (DefaultAcl entry : model.roles().defaultAcls()) {
            rows.add().set("oid", entry.oid()).set("defaclrole", entry.role())
                    .set("defaclnamespace", entry.namespace())
                    .set("defaclobjtype", switch (entry.target()) {
                        case SEQUENCE -> "S";
                        case FUNCTION -> "f";
                        case SCHEMA -> "n";
                        case TYPE -> "T";
                        default -> "r";
                    })
                    .set("defaclacl", entry.acl().stream()
                            .map(item -> item.text(oid -> Roles.name(model.roles(), oid))).toList());
        }
    }

    /** The roles that can log in, as pg_user and pg_shadow list them. */
    private static void userRows(CatalogModel model, Rows rows, boolean showPassword) {
        for (RoleInfo role : roles(model)) {
            if (role.canLogin()) {
                rows.add().set("usename", role.name()).set("usesysid", role.oid()).set("usecreatedb", role.createDb())
                        .set("usesuper", role.superuser()).set("userepl", role.replication())
                        .set("usebypassrls", role.bypassRls()).set("passwd", password(role, showPassword))
                        .set("valuntil", validUntil(role.validUntil()));
            }
        }
    }

    private static List<RoleInfo> roles(CatalogModel model) {
        List<RoleInfo> roles = new ArrayList<>(model.roles().roles());
        roles.add(Roles.DATABASE_OWNER_ROLE);
        roles.sort(Comparator.comparingLong(RoleInfo::oid));
        return roles;
    }

    private static String password(RoleInfo role, boolean show) {
        return show ? role.password() : "********";
    }

    private static OffsetDateTime validUntil(Instant instant) {
        if (instant == null) {
            return null;
        }
        if (instant.equals(Instant.MAX)) {
            return OffsetDateTime.MAX;
        }
        return instant.equals(Instant.MIN) ? OffsetDateTime.MIN : instant.atOffset(ZoneOffset.UTC);
    }

    private static void accessMethod(Rows rows, long oid, String name, String handler, String type) {
        rows.add().set("oid", oid).set("amname", name).set("amhandler", handler).set("amtype", type);
    }

    /** A language of pg_language as initdb makes it; pg_proc's functions are all in {@code internal}. */
    private static void language(Rows rows, long oid, String name, boolean trusted, long validator) {
        rows.add().set("oid", oid).set("lanname", name).set("lanowner", ObjectIds.POSTGRES_ROLE)
                .set("lanispl", false).set("lanpltrusted", trusted).set("lanplcallfoid", 0).set("laninline", 0)
                .set("lanvalidator", validator);
    }

    private static void collation(Rows rows, long oid, String name, String provider, String locale) {
        rows.add().set("oid", oid).set("collname", name).set("collnamespace", ObjectIds.PG_CATALOG)
                .set("collowner", ObjectIds.POSTGRES_ROLE).set("collprovider", provider)
                .set("collisdeterministic", true).set("collencoding", -1).set("collcollate", locale)
                .set("collctype", locale);
    }
}
