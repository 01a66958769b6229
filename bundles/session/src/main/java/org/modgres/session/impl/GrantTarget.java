package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.PrivilegeTarget;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.TablePrivilege;
import org.modgres.api.sql.GrantStatement;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.TableInfo;

/**
 * One object a GRANT or REVOKE changes the list of, found as PostgreSQL's objectNamesToOids and
 * objectsInSchemaToOids find them: a table or view, a sequence (also when named as a table), a
 * schema or a database. Naming a relation in a schema needs USAGE on the schema.
 *
 * @param name       the object's name as messages show it
 * @param privileges its owner and list as they are now
 * @param table      the table or view, for column privileges; null for other objects
 */
record GrantTarget(String name, RelationPrivileges privileges, TableInfo table) {

    /** The schemas Modgres keeps no list for; granting on them changes nothing. */
    private static final Set<String> BUILT_IN_SCHEMAS = Set.of("pg_catalog", "information_schema");

    /** Returns whether the role grants as the owner: owns the object, is a member of its owner, or is a superuser. */
    boolean ownedBy(AccessControl access) {
        return access.superuser() || access.privilegeRoles().contains(privileges.owner());
    }

    /** Returns the error of a role that holds nothing on the object. */
    PgException denied() {
        return switch (privileges.target()) {
            case TABLE -> AccessControl.denied(table);
            case SEQUENCE -> AccessControl.deniedSequence(name);
            case SCHEMA -> AccessControl.deniedSchema(name);
            case DATABASE -> AccessControl.deniedDatabase(name);
            case FUNCTION -> FunctionGrants.denied(name);
            case TYPE -> new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for type " + name);
        };
    }

    /**
     * Returns the privileges a statement grants on this object: a statement on tables that names a
     * sequence grants only what a sequence may have, and warns about the rest; USAGE is no
     * privilege of a table.
     */
    Set<TablePrivilege> restrict(Set<TablePrivilege> requested, GrantStatement statement, PrivilegeTarget named,
                                 Consumer<String> warning) {
        PrivilegeTarget kind = privileges.target();
        if (named == PrivilegeTarget.TABLE && kind == PrivilegeTarget.SEQUENCE) {
            if (statement.privileges().isEmpty()) {
                return kind.privileges();
            }
            Set<TablePrivilege> valid = EnumSet.noneOf(TablePrivilege.class);
            valid.addAll(requested);
            valid.retainAll(kind.privileges());
            if (!valid.equals(requested)) {
                warning.accept("sequence \"" + name + "\" only supports USAGE, SELECT, and UPDATE privileges");
            }
            return valid;
        }
        if (kind == PrivilegeTarget.TABLE && requested.contains(TablePrivilege.USAGE)) {
            throw new PgException(SqlState.INVALID_GRANT_OPERATION, "invalid privilege type USAGE for table");
        }
        return requested;
    }

    /** Finds the objects a statement names, in the order named, each once. */
    static List<GrantTarget> resolve(GrantStatement statement, PrivilegeTarget named, AccessControl access,
                                     Catalog catalog, String database) {
        RoleCatalog roles = access.roles();
        Map<Long, GrantTarget> targets = new LinkedHashMap<>();
        if (named == PrivilegeTarget.DATABASE) {
            for (List<String> written : statement.tables()) {
                String databaseName = written.getLast();
                RelationPrivileges acl = access.databasePrivileges(databaseName);
                if (acl == null) {
                    throw new PgException(SqlState.INVALID_CATALOG_NAME,
                            "database \"" + databaseName + "\" does not exist");
                }
                targets.putIfAbsent(acl.relation(), new GrantTarget(databaseName, acl, null));
            }
            return List.copyOf(targets.values());
        }
        if (named == PrivilegeTarget.SCHEMA) {
            for (List<String> written : statement.tables()) {
                String schema = written.getLast();
                RelationPrivileges acl = AccessControl.schemaPrivileges(roles, catalog, schema);
                if (acl == null) {
                    requireSchema(catalog, schema);
                    continue;
                }
                targets.putIfAbsent(acl.relation(), new GrantTarget(schema, acl, null));
            }
            return List.copyOf(targets.values());
        }
        if (statement.allInSchema() != null) {
            String schema = statement.allInSchema();
            requireSchema(catalog, schema);
            if (!access.superuser()) {
                access.requireOnSchema(catalog, schema, TablePrivilege.USAGE);
            }
            if (named == PrivilegeTarget.SEQUENCE) {
                catalog.sequences(schema).forEach(sequence -> add(targets, sequence(roles, sequence)));
            } else {
                catalog.tables(schema).forEach(table -> add(targets, table(roles, table)));
                catalog.views(schema).forEach(view -> add(targets, table(roles, ViewReads.asTable(view))));
            }
            return List.copyOf(targets.values());
        }
        Relations relations = new Relations(catalog, database);
        for (List<String> written : statement.tables()) {
            List<String> name = Relations.qualified(written, database);
            if (!access.superuser()) {
                requireSchema(catalog, name.get(0));
                access.requireOnSchema(catalog, name.get(0), TablePrivilege.USAGE);
            }
            Optional<SequenceInfo> sequence = catalog.sequence(name.get(0), name.get(1));
            if (named == PrivilegeTarget.SEQUENCE) {
                if (sequence.isPresent()) {
                    add(targets, sequence(roles, sequence.get()));
                } else if (relations.find(written).isPresent() || catalog.view(name.get(0), name.get(1)).isPresent()) {
                    throw new PgException(SqlState.WRONG_OBJECT_TYPE, "\"" + name.get(1) + "\" is not a sequence");
                } else {
                    throw Relations.missing(written);
                }
            } else if (sequence.isPresent() && relations.find(written).isEmpty()) {
                add(targets, sequence(roles, sequence.get()));
            } else {
                add(targets, table(roles, relations.requireTableOrView(written)));
            }
        }
        return new ArrayList<>(targets.values());
    }

    private static void add(Map<Long, GrantTarget> targets, GrantTarget target) {
        targets.putIfAbsent(target.privileges().relation(), target);
    }

    private static GrantTarget table(RoleCatalog roles, TableInfo table) {
        return new GrantTarget(table.name(), roles.privileges(table.oid()), table);
    }

    private static GrantTarget sequence(RoleCatalog roles, SequenceInfo sequence) {
        return new GrantTarget(sequence.name(), roles.privileges(sequence.oid()).as(PrivilegeTarget.SEQUENCE), null);
    }

    private static void requireSchema(Catalog catalog, String schema) {
        if (catalog.schema(schema).isEmpty() && !BUILT_IN_SCHEMAS.contains(schema)) {
            throw new PgException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + schema + "\" does not exist");
        }
    }
}
