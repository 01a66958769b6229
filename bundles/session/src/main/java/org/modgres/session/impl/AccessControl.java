package org.modgres.session.impl;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.PrivilegeTarget;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleGraph;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.TablePrivilege;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.SchemaInfo;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.TableInfo;

/**
 * PostgreSQL's privilege checks on tables (aclchk.c) for one role: superusers pass every check;
 * others hold what the table's access control list grants them, PUBLIC, or the roles whose
 * privileges they have through membership (INHERIT), the owner everything until it is revoked; a
 * privilege granted on columns only covers statements that use those columns alone. A member
 * of the owning role counts as the owner. A role that no longer exists holds nothing. Schemas,
 * sequences and databases are checked the same way against their own lists.
 */
final class AccessControl {

    /** The privileges that may be granted on columns too. */
    static final Set<TablePrivilege> COLUMN_PRIVILEGES = EnumSet.of(TablePrivilege.SELECT, TablePrivilege.INSERT,
            TablePrivilege.UPDATE, TablePrivilege.REFERENCES);

    private final RoleCatalog roles;
    private final RoleInfo role;
    /** The role and those whose privileges it has; found when first needed, as superusers need none. */
    private Set<Long> privilegeRoles;

    AccessControl(RoleCatalog roles, String roleName) {
        this.roles = roles;
        this.role = roles.role(roleName).orElse(null);
    }

    /** Returns the catalog of roles the checks read. */
    RoleCatalog roles() {
        return roles;
    }

    /** Returns the role and the roles whose privileges it holds through membership (has_privs_of_role). */
    Set<Long> privilegeRoles() {
        if (privilegeRoles == null) {
            privilegeRoles = role == null ? Set.of() : RoleGraph.of(roles).privilegesOf(role.oid());
        }
        return privilegeRoles;
    }

    boolean superuser() {
        return role != null && role.superuser();
    }

    /** Returns the OID of the role checked; 0, which no role has, once it was dropped. */
    long roleOid() {
        return role == null ? 0 : role.oid();
    }

    boolean has(TableInfo table, TablePrivilege privilege) {
        return superuser() || roles.privileges(table.oid()).privilegesOf(privilegeRoles()).contains(privilege);
    }

    boolean owns(TableInfo table) {
        return superuser() || privilegeRoles().contains(roles.privileges(table.oid()).owner());
    }

    /** Throws 42501 unless the role holds the privilege on the table. */
    void require(TableInfo table, TablePrivilege privilege) {
        if (!has(table, privilege)) {
            throw denied(table);
        }
    }

    /**
     * Throws 42501 unless the role holds each privilege on the table, or on the columns it is
     * needed on: on every column when the use could not be narrowed, on any one when no column is
     * named (as {@code count(*)}), as PostgreSQL's ExecCheckRTEPerms decides.
     */
    void require(TableInfo table, Map<TablePrivilege, PlanPrivileges.Columns> needed) {
        if (superuser()) {
            return;
        }
        RelationPrivileges acl = roles.privileges(table.oid());
        Set<TablePrivilege> held = acl.privilegesOf(privilegeRoles());
        for (Map.Entry<TablePrivilege, PlanPrivileges.Columns> entry : needed.entrySet()) {
            if (!held.contains(entry.getKey()) && !columnsHold(acl, table, entry.getKey(), entry.getValue())) {
                throw denied(table);
            }
        }
    }

    private boolean columnsHold(RelationPrivileges acl, TableInfo table, TablePrivilege privilege,
                                PlanPrivileges.Columns columns) {
        if (!COLUMN_PRIVILEGES.contains(privilege) || acl.columnAcls().isEmpty()) {
            return false;
        }
        List<String> names = table.columns().stream().map(ColumnInfo::name).toList();
        Predicate<String> holds = name -> acl.columnPrivilegesOf(name, privilegeRoles()).contains(privilege);
        if (columns.all()) {
            return names.stream().allMatch(holds);
        }
        if (columns.used().isEmpty()) {
            return names.stream().anyMatch(holds);
        }
        return columns.used().stream().filter(i -> i < names.size()).map(names::get).allMatch(holds);
    }

    /** Throws 42501 unless the role owns the table (or is a superuser), as DROP and ALTER need. */
    void requireOwner(TableInfo table) {
        if (!owns(table)) {
            throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "must be owner of table " + table.name());
        }
    }

    /**
     * Returns a schema's owner and list; null for the built-in schemas Modgres keeps none for
     * (pg_catalog, information_schema), which PUBLIC may use and only superusers create in.
     */
    static RelationPrivileges schemaPrivileges(RoleCatalog roles, Catalog catalog, String schema) {
        Optional<SchemaInfo> info = catalog.schema(schema);
        return info.map(found -> RelationPrivileges.ofSchema(found, roles.privileges(found.oid()).acl())).orElse(null);
    }

    /** Returns whether the role holds a privilege on a schema. */
    boolean hasOnSchema(Catalog catalog, String schema, TablePrivilege privilege) {
        if (superuser()) {
            return true;
        }
        RelationPrivileges acl = schemaPrivileges(roles, catalog, schema);
        if (acl == null) {
            return privilege == TablePrivilege.USAGE;
        }
        return acl.privilegesOf(privilegeRoles()).contains(privilege);
    }

    /** Throws 42501 {@code permission denied for schema} unless the role holds the privilege on it. */
    void requireOnSchema(Catalog catalog, String schema, TablePrivilege privilege) {
        if (!hasOnSchema(catalog, schema, privilege)) {
            throw deniedSchema(schema);
        }
    }

    /**
     * Throws 42501 unless the role may create objects in a schema, as CREATE TABLE, VIEW, SEQUENCE
     * and INDEX need; a schema that does not exist is left for the creation to report.
     */
    void requireCreateIn(Catalog catalog, String schema) {
        if (catalog.schema(schema).isPresent() || schema.equals("pg_catalog") || schema.equals("information_schema")) {
            requireOnSchema(catalog, schema, TablePrivilege.CREATE);
        }
    }

    /** Returns whether the role holds any of some privileges on a sequence. */
    boolean hasOnSequence(SequenceInfo sequence, Set<TablePrivilege> anyOf) {
        if (superuser()) {
            return true;
        }
        Set<TablePrivilege> held = roles.privileges(sequence.oid()).as(PrivilegeTarget.SEQUENCE)
                .privilegesOf(privilegeRoles());
        return anyOf.stream().anyMatch(held::contains);
    }

    /** Returns the owner and list of one of the server's databases, or null for a database there is not. */
    RelationPrivileges databasePrivileges(String database) {
        long oid = RelationPrivileges.databaseOid(database);
        return oid < 0 ? null : RelationPrivileges.ofDatabase(oid, roles.privileges(oid).acl());
    }

    /** Returns whether the role holds a privilege on a database: CONNECT, CREATE or TEMPORARY. */
    boolean holdsOnDatabase(String database, TablePrivilege privilege) {
        if (superuser()) {
            return true;
        }
        RelationPrivileges acl = databasePrivileges(database);
        return acl != null && acl.privilegesOf(privilegeRoles()).contains(privilege);
    }

    static PgException deniedDatabase(String database) {
        return new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for database " + database);
    }

    static PgException deniedSchema(String schema) {
        return new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for schema " + schema);
    }

    static PgException deniedSequence(String sequence) {
        return new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for sequence " + sequence);
    }

    static PgException denied(TableInfo table) {
        return new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for table " + table.name());
    }
}
