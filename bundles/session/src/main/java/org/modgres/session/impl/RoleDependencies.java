package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.modgres.api.catalog.FunctionCatalog;
import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.AclItem;
import org.modgres.api.role.DefaultAcl;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.SchemaInfo;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.ViewInfo;

/**
 * What keeps a role from being dropped, as PostgreSQL's pg_shdepend does: the objects it owns and
 * those whose access control lists name it (tables, views, sequences, schemas, databases,
 * functions), and the default privileges of its new objects or that name it. PostgreSQL lists
 * them by OID, which is the order here.
 *
 * @param functions the functions of pg_proc, to name a function by its signature; null without them
 */
record RoleDependencies(RoleCatalog roles, SharedStorage storage, FunctionCatalog functions) {

    private record Dependent(long oid, String description) {
    }

    RoleDependencies(RoleCatalog roles, SharedStorage storage) {
        this(roles, storage, null);
    }

    /** Throws 2BP01, listing them, when objects depend on the role. */
    void checkNoneDependOn(RoleInfo role) {
        Catalog catalog = storage.catalog();
        List<Dependent> dependents = new ArrayList<>();
        Set<String> schemas = new LinkedHashSet<>();
        schemas.add(Catalog.DEFAULT_SCHEMA);
        for (SchemaInfo schema : catalog.schemas()) {
            schemas.add(schema.name());
            describe(role, RelationPrivileges.ofSchema(schema, roles.privileges(schema.oid()).acl()),
                    "schema " + schema.name(), dependents);
        }
        for (String schema : schemas) {
            String prefix = schema.equals(Catalog.DEFAULT_SCHEMA) ? "" : schema + ".";
            for (TableInfo table : catalog.tables(schema)) {
                describe(role, roles.privileges(table.oid()), "table " + prefix + table.name(), dependents);
            }
            for (ViewInfo view : catalog.views(schema)) {
                describe(role, roles.privileges(view.oid()), "view " + prefix + view.name(), dependents);
            }
            for (SequenceInfo sequence : catalog.sequences(schema)) {
                describe(role, roles.privileges(sequence.oid()), "sequence " + prefix + sequence.name(), dependents);
            }
        }
        for (String database : List.of("template1", "template0", "postgres")) {
            long oid = RelationPrivileges.databaseOid(database);
            describe(role, RelationPrivileges.ofDatabase(oid, roles.privileges(oid).acl()), "database " + database,
                    dependents);
        }
        describeFunctions(role, dependents);
        describeDefaultAcls(role, catalog, dependents);
        if (dependents.isEmpty()) {
            return;
        }
        dependents.sort(Comparator.comparingLong(Dependent::oid));
        throw new PgException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, Severity.ERROR,
                "role \"" + role.name() + "\" cannot be dropped because some objects depend on it",
                String.join("\n", dependents.stream().map(Dependent::description).toList()), null, 0, null);
    }

    private void describeFunctions(RoleInfo role, List<Dependent> dependents) {
        Map<Long, RelationPrivileges> acls = roles.functionPrivileges();
        if (acls.isEmpty()) {
            return;
        }
        for (RelationPrivileges acl : acls.values()) {
            String signature = Long.toString(acl.relation());
            if (functions != null) {
                signature = functions.functions().stream().filter(f -> f.oid() == acl.relation())
                        .map(FunctionCatalog.Function::signature).findFirst().orElse(signature);
            }
            describe(role, acl, "function " + signature, dependents);
        }
    }

    /** The entries of pg_default_acl: the role's own, or those granting it something. */
    private void describeDefaultAcls(RoleInfo role, Catalog catalog, List<Dependent> dependents) {
        for (DefaultAcl entry : roles.defaultAcls()) {
            String kind = switch (entry.target()) {
                case TABLE -> "relations";
                case SEQUENCE -> "sequences";
                case FUNCTION -> "functions";
                case SCHEMA -> "schemas";
                case DATABASE -> "databases";
                case TYPE -> "types";
            };
            String owner = entry.role() == role.oid() ? role.name() : roles.role(entry.role()).map(RoleInfo::name)
                    .orElse(Long.toString(entry.role()));
            String where = entry.namespace() == DefaultAcl.ALL_SCHEMAS ? "" : catalog.schemas().stream()
                    .filter(schema -> schema.oid() == entry.namespace()).map(schema -> " in schema " + schema.name())
                    .findFirst().orElse("");
            String description = "default privileges on new " + kind + " belonging to role " + owner + where;
            if (entry.role() == role.oid()) {
                dependents.add(new Dependent(entry.oid(), "owner of " + description));
            } else if (names(entry.acl(), role)) {
                dependents.add(new Dependent(entry.oid(), "privileges for " + description));
            }
        }
    }

    private void describe(RoleInfo role, RelationPrivileges privileges, String name, List<Dependent> dependents) {
        if (privileges.owner() == role.oid()) {
            dependents.add(new Dependent(privileges.relation(), "owner of " + name));
            return;
        }
        if (privileges.acl() != null && names(privileges.acl(), role)) {
            dependents.add(new Dependent(privileges.relation(), "privileges for " + name));
        }
    }

    private static boolean names(List<AclItem> acl, RoleInfo role) {
        for (AclItem item : acl) {
            if (item.grantee() == role.oid() || item.grantor() == role.oid()) {
                return true;
            }
        }
        return false;
    }
}
