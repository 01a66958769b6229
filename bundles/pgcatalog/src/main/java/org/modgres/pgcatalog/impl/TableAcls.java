package org.modgres.pgcatalog.impl;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.AclItem;
import org.modgres.api.role.PrivilegeTarget;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleGraph;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.TablePrivilege;
import org.modgres.api.storage.SchemaInfo;

/**
 * Ownership and access control lists of relations as the catalogs show them (pg_class.relowner
 * and relacl), and {@code has_table_privilege}, which counts the privileges of the roles a role
 * has through membership. User tables, their indexes and sequences have
 * what the shared storage keeps; the system catalogs belong to the bootstrap superuser, and
 * everybody may read them.
 */
final class TableAcls {

    private TableAcls() {
    }

    /** Returns the OID of the table whose owner and list apply to a relation, or -1 for a system relation. */
    private static long keeper(CatalogModel.Relation relation) {
        if (relation.table() != null) {
            return relation.table().oid();
        }
        return relation.kind().equals("S") || relation.view() != null ? relation.oid() : -1;
    }

    static long owner(RoleCatalog roles, CatalogModel.Relation relation) {
        long keeper = keeper(relation);
        return keeper < 0 ? RoleCatalog.BOOTSTRAP_SUPERUSER_OID : roles.privileges(keeper).owner();
    }

    /** Returns relacl as text, one aclitem each; null for the default list, as PostgreSQL's NULL relacl. */
    static List<String> acl(RoleCatalog roles, CatalogModel.Relation relation) {
        long keeper = keeper(relation);
        if (keeper < 0 || relation.isIndex()) {
            return null;
        }
        List<AclItem> acl = roles.privileges(keeper).acl();
        return acl == null ? null : acl.stream().map(item -> item.text(oid -> Roles.name(roles, oid))).toList();
    }

    /** Returns attacl as text, one aclitem each; null for a column nothing was granted on. */
    static List<String> columnAcl(RoleCatalog roles, CatalogModel.Relation relation, String column) {
        long keeper = keeper(relation);
        if (keeper < 0 || relation.isIndex() || relation.kind().equals("S")) {
            return null;
        }
        List<AclItem> acl = roles.privileges(keeper).columnAcls().get(column);
        return acl == null ? null : acl.stream().map(item -> item.text(oid -> Roles.name(roles, oid))).toList();
    }

    /**
     * {@code has_table_privilege}: whether a role holds any of the privileges listed
     * (comma-separated, each optionally {@code WITH GRANT OPTION}) on a relation.
     *
     * @param role     the role's name or OID; null for the current user
     * @param relation the relation's name or OID
     * @return null when an OID names no relation, as PostgreSQL returns
     */
    static Boolean hasTablePrivilege(CatalogModel model, String currentUser, Object role, Object relation,
                                     String privileges) {
        return hasPrivilege(model, currentUser, role, relation, null, false, privileges);
    }

    /**
     * {@code has_column_privilege}: whether a role holds any of the privileges listed on the
     * relation or on the column.
     */
    static Boolean hasColumnPrivilege(CatalogModel model, String currentUser, Object role, Object relation,
                                      Object column, String privileges) {
        return hasPrivilege(model, currentUser, role, relation, column, false, privileges);
    }

    /**
     * {@code has_any_column_privilege}: whether a role holds any of the privileges listed on the
     * relation or on at least one of its columns.
     */
    static Boolean hasAnyColumnPrivilege(CatalogModel model, String currentUser, Object role, Object relation,
                                         String privileges) {
        return hasPrivilege(model, currentUser, role, relation, null, true, privileges);
    }

    private static Boolean hasPrivilege(CatalogModel model, String currentUser, Object role, Object relation,
                                        Object column, boolean anyColumn, String privileges) {
        RoleCatalog roles = model.roles();
        long roleOid = role == null ? roleOid(roles, currentUser) : roleOid(roles, role);
        Set<TablePrivilege> wanted = EnumSet.noneOf(TablePrivilege.class);
        Set<TablePrivilege> wantedWithOption = EnumSet.noneOf(TablePrivilege.class);
        parse(privileges, wanted, wantedWithOption, column != null || anyColumn ? COLUMN_PRIVILEGES : AclItem.all());
        long oid = relation instanceof Number number ? number.longValue()
                : ObjectNames.regclassIn(model, relation.toString());
        CatalogModel.Relation found = model.relation(oid);
        if (found == null) {
            return null;
        }
        return holds(model, roleOid, found, column, anyColumn, wanted, wantedWithOption);
    }

    /**
     * {@code has_sequence_privilege}: whether a role holds any of the privileges listed (USAGE,
     * SELECT, UPDATE) on a sequence.
     */
    static Boolean hasSequencePrivilege(CatalogModel model, String currentUser, Object role, Object sequence,
                                        String privileges) {
        RoleCatalog roles = model.roles();
        long roleOid = role == null ? roleOid(roles, currentUser) : roleOid(roles, role);
        Set<TablePrivilege> wanted = EnumSet.noneOf(TablePrivilege.class);
        Set<TablePrivilege> wantedWithOption = EnumSet.noneOf(TablePrivilege.class);
        parse(privileges, wanted, wantedWithOption, PrivilegeTarget.SEQUENCE.privileges());
        long oid = sequence instanceof Number number ? number.longValue()
                : ObjectNames.regclassIn(model, sequence.toString());
        CatalogModel.Relation found = model.relation(oid);
        if (found == null) {
            return null;
        }
        if (!found.kind().equals("S")) {
            throw new PgException(SqlState.WRONG_OBJECT_TYPE, "\""
                    + (sequence instanceof Number ? found.name() : sequence.toString()) + "\" is not a sequence");
        }
        return holds(model, roleOid, found, null, false, wanted, wantedWithOption);
    }

    /**
     * {@code has_schema_privilege}: whether a role holds any of the privileges listed (USAGE,
     * CREATE) on a schema, given by name or OID.
     */
    static Boolean hasSchemaPrivilege(CatalogModel model, String currentUser, Object role, Object schema,
                                      String privileges) {
        RoleCatalog roles = model.roles();
        long roleOid = role == null ? roleOid(roles, currentUser) : roleOid(roles, role);
        Set<TablePrivilege> wanted = EnumSet.noneOf(TablePrivilege.class);
        Set<TablePrivilege> wantedWithOption = EnumSet.noneOf(TablePrivilege.class);
        parse(privileges, wanted, wantedWithOption, PrivilegeTarget.SCHEMA.privileges());
        long oid = schema instanceof Number number ? number.longValue() : ObjectNames.regnamespaceIn(schema.toString());
        CatalogModel.Namespace found = model.namespaces().stream().filter(n -> n.oid() == oid).findFirst().orElse(null);
        if (found == null) {
            return null;
        }
        if (roles.role(roleOid).map(RoleInfo::superuser).orElse(false)) {
            return true;
        }
        long owner = model.namespaceOwner(found);
        boolean system = found.oid() != ObjectIds.PUBLIC
                && CatalogModel.NAMESPACES.stream().anyMatch(namespace -> namespace.oid() == found.oid());
        if (system) {
            // pg_catalog and information_schema: PUBLIC may use them
            return wanted.contains(TablePrivilege.USAGE);
        }
        RelationPrivileges acl = RelationPrivileges.ofSchema(new SchemaInfo(found.oid(), found.name(), owner),
                roles.privileges(found.oid()).acl());
        Set<Long> holders = roleOid == AclItem.PUBLIC ? Set.of(roleOid) : RoleGraph.of(roles).privilegesOf(roleOid);
        Set<TablePrivilege> held = acl.privilegesOf(holders);
        Set<TablePrivilege> options = acl.grantOptionsOf(holders);
        return wanted.stream().anyMatch(held::contains) || wantedWithOption.stream().anyMatch(options::contains);
    }

    /**
     * {@code has_database_privilege}: whether a role holds any of the privileges listed (CREATE,
     * CONNECT, TEMPORARY or TEMP) on a database, given by name or OID.
     */
    static Boolean hasDatabasePrivilege(CatalogModel model, String currentUser, Object role, Object database,
                                        String privileges) {
        RoleCatalog roles = model.roles();
        long roleOid = role == null ? roleOid(roles, currentUser) : roleOid(roles, role);
        Set<TablePrivilege> wanted = EnumSet.noneOf(TablePrivilege.class);
        Set<TablePrivilege> wantedWithOption = EnumSet.noneOf(TablePrivilege.class);
        parse(privileges.replaceAll("(?i)\\btemp\\b", "TEMPORARY"), wanted, wantedWithOption,
                PrivilegeTarget.DATABASE.privileges());
        long oid = database instanceof Number number ? number.longValue()
                : RelationPrivileges.databaseOid(database.toString());
        if (oid < 0 && !(database instanceof Number)) {
            throw new PgException(SqlState.INVALID_CATALOG_NAME, "database \"" + database + "\" does not exist");
        }
        if (RelationPrivileges.databaseOid("postgres") != oid && RelationPrivileges.databaseOid("template1") != oid
                && RelationPrivileges.databaseOid("template0") != oid) {
            return null;
        }
        if (roles.role(roleOid).map(RoleInfo::superuser).orElse(false)) {
            return true;
        }
        RelationPrivileges acl = RelationPrivileges.ofDatabase(oid, roles.privileges(oid).acl());
        Set<Long> holders = roleOid == AclItem.PUBLIC ? Set.of(roleOid) : RoleGraph.of(roles).privilegesOf(roleOid);
        Set<TablePrivilege> held = acl.privilegesOf(holders);
        Set<TablePrivilege> options = acl.grantOptionsOf(holders);
        return wanted.stream().anyMatch(held::contains) || wantedWithOption.stream().anyMatch(options::contains);
    }

    private static Boolean holds(CatalogModel model, long roleOid, CatalogModel.Relation found, Object column,
                                 boolean anyColumn, Set<TablePrivilege> wanted, Set<TablePrivilege> wantedWithOption) {
        RoleCatalog roles = model.roles();
        String columnName = column == null ? null : columnName(found, column);
        boolean superuser = roles.role(roleOid).map(RoleInfo::superuser).orElse(false);
        long keeper = keeper(found);
        if (superuser) {
            return true;
        }
        if (keeper < 0) {
            // the system catalogs grant SELECT to PUBLIC
            return wanted.contains(TablePrivilege.SELECT);
        }
        RelationPrivileges acl = roles.privileges(keeper);
        if (found.kind().equals("S")) {
            acl = acl.as(PrivilegeTarget.SEQUENCE);
        }
        Set<Long> holders = roleOid == AclItem.PUBLIC ? Set.of(roleOid) : RoleGraph.of(roles).privilegesOf(roleOid);
        Set<TablePrivilege> held = EnumSet.noneOf(TablePrivilege.class);
        held.addAll(acl.privilegesOf(holders));
        if (columnName != null) {
            held.addAll(acl.columnPrivilegesOf(columnName, holders));
        }
        if (anyColumn) {
            for (String each : acl.columnAcls().keySet()) {
                held.addAll(acl.columnPrivilegesOf(each, holders));
            }
        }
        Set<TablePrivilege> options = acl.grantOptionsOf(holders);
        return wanted.stream().anyMatch(held::contains) || wantedWithOption.stream().anyMatch(options::contains);
    }

    private static String columnName(CatalogModel.Relation relation, Object column) {
        if (column instanceof Number number) {
            int attnum = number.intValue();
            if (attnum >= 1 && attnum <= relation.columns().size()) {
                return relation.columns().get(attnum - 1).name();
            }
            return "";
        }
        String name = column.toString();
        if (relation.columns().stream().noneMatch(c -> c.name().equals(name))) {
            throw new PgException(SqlState.UNDEFINED_COLUMN,
                    "column \"" + name + "\" of relation \"" + relation.name() + "\" does not exist");
        }
        return name;
    }

    static long roleOid(RoleCatalog roles, Object role) {
        if (role instanceof Number number) {
            return number.longValue();
        }
        String name = role.toString();
        long oid = name.equals("public") ? AclItem.PUBLIC : Roles.oid(roles, name);
        if (oid < 0) {
            throw new PgException(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
        }
        return oid;
    }

    /** The privileges has_column_privilege knows. */
    private static final Set<TablePrivilege> COLUMN_PRIVILEGES = EnumSet.of(TablePrivilege.SELECT,
            TablePrivilege.INSERT, TablePrivilege.UPDATE, TablePrivilege.REFERENCES);

    static void parse(String text, Set<TablePrivilege> wanted, Set<TablePrivilege> wantedWithOption,
                              Set<TablePrivilege> known) {
        for (String part : text.split(",", -1)) {
            String name = part.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            boolean withOption = name.endsWith(" WITH GRANT OPTION");
            if (withOption) {
                name = name.substring(0, name.length() - " WITH GRANT OPTION".length()).strip();
            }
            TablePrivilege privilege = privilege(name);
            if (privilege == null || !known.contains(privilege)) {
                throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                        "unrecognized privilege type: \"" + part.strip() + "\"");
            }
            (withOption ? wantedWithOption : wanted).add(privilege);
        }
    }

    private static TablePrivilege privilege(String name) {
        for (TablePrivilege privilege : TablePrivilege.values()) {
            if (privilege.sqlName().equals(name)) {
                return privilege;
            }
        }
        return null;
    }
}
