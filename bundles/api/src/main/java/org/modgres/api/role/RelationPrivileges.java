package org.modgres.api.role;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.SchemaInfo;

/**
 * Who owns a relation and what others were granted on it: {@code pg_class.relowner} and
 * {@code relacl}; or the same of a schema ({@code nspowner}, {@code nspacl}).
 *
 * @param relation the relation's OID
 * @param owner    the OID of the role that owns it
 * @param acl      its access control list; null while nothing was ever granted or revoked, which
 *                 means the owner has every privilege and nobody else any, as a null relacl does
 * @param columnAcls the access control lists of its columns that have one (pg_attribute.attacl),
 *                 by column name
 * @param target   what the object is, which says what its owner holds while it has no list; a
 *                 sequence or schema is kept by its OID as a relation is
 */
public record RelationPrivileges(long relation, long owner, List<AclItem> acl, Map<String, List<AclItem>> columnAcls,
                                 PrivilegeTarget target) {

    public RelationPrivileges {
        Objects.requireNonNull(target, "target");
        acl = acl == null ? null : List.copyOf(acl);
        Map<String, List<AclItem>> columns = new TreeMap<>();
        columnAcls.forEach((column, items) -> {
            if (!items.isEmpty()) {
                columns.put(column, List.copyOf(items));
            }
        });
        columnAcls = Collections.unmodifiableMap(columns);
    }

    /** A table. */
    public RelationPrivileges(long relation, long owner, List<AclItem> acl, Map<String, List<AclItem>> columnAcls) {
        this(relation, owner, acl, columnAcls, PrivilegeTarget.TABLE);
    }

    /** A table without column privileges. */
    public RelationPrivileges(long relation, long owner, List<AclItem> acl) {
        this(relation, owner, acl, Map.of());
    }

    /** Returns these privileges as those of another kind of object, as a sequence's or schema's. */
    public RelationPrivileges as(PrivilegeTarget newTarget) {
        return new RelationPrivileges(relation, owner, acl, columnAcls, newTarget);
    }

    /** Returns the privileges of a relation nobody changed: owned by the bootstrap superuser. */
    public static RelationPrivileges ofBootstrap(long relation) {
        return new RelationPrivileges(relation, RoleCatalog.BOOTSTRAP_SUPERUSER_OID, null);
    }

    /**
     * Returns the privileges of a schema: its owner, and the list kept for its OID, or while none
     * was kept the one PostgreSQL 15 gives schema {@code public} (its owner USAGE and CREATE,
     * PUBLIC USAGE) or, for other schemas, none (the owner holds both).
     */
    public static RelationPrivileges ofSchema(SchemaInfo schema, List<AclItem> kept) {
        List<AclItem> acl = kept;
        if (acl == null && schema.oid() == Catalog.PUBLIC_SCHEMA_OID) {
            acl = List.of(new AclItem(schema.owner(), schema.owner(), PrivilegeTarget.SCHEMA.privileges(), Set.of()),
                    new AclItem(AclItem.PUBLIC, schema.owner(), Set.of(TablePrivilege.USAGE), Set.of()));
        }
        return new RelationPrivileges(schema.oid(), schema.owner(), acl, Map.of(), PrivilegeTarget.SCHEMA);
    }

    /**
     * Returns the privileges of a database as PostgreSQL 15's initdb leaves them: template0 and
     * template1 with the list {@code =c/owner, owner=CTc/owner}, others with none; or the list kept
     * for its OID.
     */
    public static RelationPrivileges ofDatabase(long database, List<AclItem> kept) {
        long owner = RoleCatalog.BOOTSTRAP_SUPERUSER_OID;
        List<AclItem> acl = kept;
        if (acl == null && (database == TEMPLATE1_DATABASE_OID || database == TEMPLATE0_DATABASE_OID)) {
            acl = List.of(new AclItem(AclItem.PUBLIC, owner, Set.of(TablePrivilege.CONNECT), Set.of()),
                    new AclItem(owner, owner, PrivilegeTarget.DATABASE.privileges(), Set.of()));
        }
        return new RelationPrivileges(database, owner, acl, Map.of(), PrivilegeTarget.DATABASE);
    }

    /**
     * Returns the privileges of a function, which belongs to the bootstrap superuser as every
     * built-in one does: the list kept for its OID, or none, under which PUBLIC may execute it.
     */
    public static RelationPrivileges ofFunction(long function, List<AclItem> kept) {
        return new RelationPrivileges(function, RoleCatalog.BOOTSTRAP_SUPERUSER_OID, kept, Map.of(),
                PrivilegeTarget.FUNCTION);
    }

    /** Returns the OID of one of the databases every server has, as initdb numbers them, or -1. */
    public static long databaseOid(String name) {
        return switch (name) {
            case "template1" -> TEMPLATE1_DATABASE_OID;
            case "template0" -> TEMPLATE0_DATABASE_OID;
            case "postgres" -> POSTGRES_DATABASE_OID;
            default -> -1;
        };
    }

    /** The OID of database template1. */
    public static final long TEMPLATE1_DATABASE_OID = 1;

    /** The OID of database template0. */
    public static final long TEMPLATE0_DATABASE_OID = 4;

    /** The OID of database postgres. */
    public static final long POSTGRES_DATABASE_OID = 5;

    /**
     * Returns the access control list in force: while there is none the default one, where the
     * owner has all and, for a database, PUBLIC has TEMPORARY and CONNECT, for a function
     * EXECUTE (acldefault).
     */
    public List<AclItem> effectiveAcl() {
        if (acl != null) {
            return acl;
        }
        AclItem ownerHasAll = new AclItem(owner, owner, target.privileges(), Set.of());
        if (target == PrivilegeTarget.DATABASE) {
            return List.of(new AclItem(AclItem.PUBLIC, owner,
                    Set.of(TablePrivilege.TEMPORARY, TablePrivilege.CONNECT), Set.of()), ownerHasAll);
        }
        if (target == PrivilegeTarget.FUNCTION) {
            return List.of(new AclItem(AclItem.PUBLIC, owner, Set.of(TablePrivilege.EXECUTE), Set.of()), ownerHasAll);
        }
        return List.of(ownerHasAll);
    }

    /**
     * Returns the privileges a role holds: those granted to it and to PUBLIC. Superusers and
     * role membership are the caller's to consider.
     */
    public Set<TablePrivilege> privilegesOf(long role) {
        return privilegesOf(Set.of(role));
    }

    /**
     * Returns the privileges held by any of some roles (one and those whose privileges it has,
     * see {@link RoleGraph#privilegesOf}), and by PUBLIC.
     */
    public Set<TablePrivilege> privilegesOf(Set<Long> roles) {
        return held(effectiveAcl(), roles, false);
    }

    /** Returns the privileges a role may grant on: its grant options, and all of them for the owner. */
    public Set<TablePrivilege> grantOptionsOf(long role) {
        return grantOptionsOf(Set.of(role));
    }

    /** Returns the privileges any of some roles may grant on: all of them when one is the owner. */
    public Set<TablePrivilege> grantOptionsOf(Set<Long> roles) {
        if (roles.contains(owner)) {
            return EnumSet.copyOf(target.privileges());
        }
        return held(effectiveAcl(), roles, true);
    }

    /** Returns the privileges a role holds on a column: granted on the column to it or to PUBLIC. */
    public Set<TablePrivilege> columnPrivilegesOf(String column, long role) {
        return columnPrivilegesOf(column, Set.of(role));
    }

    /** Returns the privileges any of some roles, or PUBLIC, holds on a column. */
    public Set<TablePrivilege> columnPrivilegesOf(String column, Set<Long> roles) {
        return held(columnAcls.getOrDefault(column, List.of()), roles, false);
    }

    private static Set<TablePrivilege> held(List<AclItem> items, Set<Long> roles, boolean grantOptions) {
        Set<TablePrivilege> held = EnumSet.noneOf(TablePrivilege.class);
        for (AclItem item : items) {
            if (item.grantee() == AclItem.PUBLIC || roles.contains(item.grantee())) {
                held.addAll(grantOptions ? item.grantOptions() : item.privileges());
            }
        }
        return held;
    }

    /** Returns these privileges with another access control list. */
    public RelationPrivileges withAcl(List<AclItem> newAcl) {
        return new RelationPrivileges(relation, owner, newAcl == null ? null : new ArrayList<>(newAcl), columnAcls,
                target);
    }

    /** Returns these privileges with other column access control lists. */
    public RelationPrivileges withColumnAcls(Map<String, List<AclItem>> newColumnAcls) {
        return new RelationPrivileges(relation, owner, acl, newColumnAcls, target);
    }
}
