package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.AclItem;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.storage.TableInfo;

/**
 * What keeps a role from being dropped, as PostgreSQL's pg_shdepend does: the relations it owns
 * and those whose access control lists name it. Relations of the public schema are the ones
 * looked at; other schemas are not listed by the catalog.
 */
record RoleDependencies(RoleCatalog roles, SharedStorage storage) {

    private record Dependent(long oid, String description) {
    }

    /** Throws 2BP01, listing them, when objects depend on the role. */
    void checkNoneDependOn(RoleInfo role) {
        Catalog catalog = storage.catalog();
        List<Dependent> dependents = new ArrayList<>();
        for (TableInfo table : catalog.tables(Catalog.DEFAULT_SCHEMA)) {
            describe(role, table.oid(), "table " + table.name(), dependents);
        }
        for (SequenceInfo sequence : catalog.sequences(Catalog.DEFAULT_SCHEMA)) {
            describe(role, sequence.oid(), "sequence " + sequence.name(), dependents);
        }
        if (dependents.isEmpty()) {
            return;
        }
        dependents.sort(Comparator.comparingLong(Dependent::oid));
        throw new PgException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, Severity.ERROR,
                "role \"" + role.name() + "\" cannot be dropped because some objects depend on it",
                String.join("\n", dependents.stream().map(Dependent::description).toList()), null, 0, null);
    }

    private void describe(RoleInfo role, long relation, String name, List<Dependent> dependents) {
        RelationPrivileges privileges = roles.privileges(relation);
        if (privileges.owner() == role.oid()) {
            dependents.add(new Dependent(relation, "owner of " + name));
            return;
        }
        if (privileges.acl() == null) {
            return;
        }
        for (AclItem item : privileges.acl()) {
            if (item.grantee() == role.oid() || item.grantor() == role.oid()) {
                dependents.add(new Dependent(relation, "privileges for " + name));
                return;
            }
        }
    }
}
