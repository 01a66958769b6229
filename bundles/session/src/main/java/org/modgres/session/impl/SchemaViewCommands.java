package org.modgres.session.impl;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.PrivilegeTarget;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleGraph;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.TablePrivilege;
import org.modgres.api.sql.SchemaStatement;
import org.modgres.api.sql.ViewStatement;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.SchemaInfo;
import org.modgres.api.storage.Transaction;
import org.modgres.api.storage.ViewInfo;

/**
 * CREATE SCHEMA, DROP SCHEMA and DROP VIEW, run against the storage by the session as PostgreSQL's
 * ProcessUtility does; CREATE VIEW is {@link ViewCreation}'s. Creating a schema needs a
 * superuser (PostgreSQL: CREATE on the database, which only its owner has by default); dropping
 * a schema or view needs its owner.
 */
final class SchemaViewCommands {

    private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema", "pg_toast");

    private final Services services;
    private final TransactionBlock transactions;
    private final Wire wire;
    private final SessionIdentity identity;
    private final ViewCreation views;

    SchemaViewCommands(Services services, TransactionBlock transactions, Wire wire, SessionIdentity identity,
                       StatementRunner runner) {
        this.services = services;
        this.transactions = transactions;
        this.wire = wire;
        this.identity = identity;
        this.views = new ViewCreation(services, runner);
    }

    void run(SchemaStatement statement) {
        transactions.checkWritable(statement.kind().commandName());
        switch (statement) {
            case SchemaStatement.Create create -> createSchema(create);
            case SchemaStatement.Drop drop -> dropSchemas(drop);
        }
    }

    void run(ViewStatement statement) {
        transactions.checkWritable(statement.kind().commandName());
        switch (statement) {
            case ViewStatement.Create create -> {
                List<String> written = create.name();
                access().requireCreateIn(services.storage().catalog(), written.size() == 1
                        ? SessionSearchPath.creationSchema() : written.get(written.size() - 2));
                Transaction transaction = transactions.startStatement();
                ViewInfo view = views.create(create, transaction);
                if (view != null) {
                    DefaultPrivileges.own(services.roles(), services.storage().catalog(), transaction, view.oid(),
                            access().roleOid(), view.schema(), PrivilegeTarget.TABLE);
                }
            }
            case ViewStatement.Drop drop -> dropViews(drop);
        }
    }

    private void createSchema(SchemaStatement.Create create) {
        AccessControl access = access();
        if (!access.holdsOnDatabase(identity.database(), TablePrivilege.CREATE)) {
            throw AccessControl.deniedDatabase(identity.database());
        }
        RoleCatalog roles = services.roles();
        long owner = access.roleOid();
        String name = create.name();
        if (create.authorization() != null) {
            RoleInfo role = roles.role(create.authorization()).orElseThrow(() -> new PgException(
                    SqlState.UNDEFINED_OBJECT, "role \"" + create.authorization() + "\" does not exist"));
            // as check_is_member_of_role: a schema may only be given to a role one is a member of
            if (!access.superuser() && !RoleGraph.of(roles).isMember(access.roleOid(), role.oid())) {
                throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE,
                        "must be member of role \"" + role.name() + "\"");
            }
            owner = role.oid();
            name = name == null ? role.name() : name;
        }
        Catalog catalog = services.storage().catalog();
        if (catalog.schema(name).isPresent() || SYSTEM_SCHEMAS.contains(name)) {
            if (create.ifNotExists()) {
                notice("schema \"" + name + "\" already exists, skipping");
                return;
            }
            throw new PgException(SqlState.DUPLICATE_SCHEMA, "schema \"" + name + "\" already exists");
        }
        if (name.startsWith("pg_")) {
            throw new PgException(SqlState.RESERVED_NAME, Severity.ERROR,
                    "unacceptable schema name \"" + name + "\"", "The prefix \"pg_\" is reserved for system schemas.",
                    null, 0, null);
        }
        Transaction transaction = transactions.startStatement();
        SchemaInfo schema = transaction.createSchema(name, owner);
        DefaultPrivileges.ownSchema(roles, transaction, schema.oid(), owner);
    }

    private void dropSchemas(SchemaStatement.Drop drop) {
        Catalog catalog = services.storage().catalog();
        for (String name : drop.names()) {
            Optional<SchemaInfo> schema = catalog.schema(name);
            if (schema.isEmpty()) {
                if (!drop.ifExists()) {
                    throw new PgException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + name + "\" does not exist");
                }
                notice("schema \"" + name + "\" does not exist, skipping");
                continue;
            }
            AccessControl access = access();
            if (!access.superuser() && !access.privilegeRoles().contains(schema.get().owner())) {
                throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "must be owner of schema " + name);
            }
            List<DependentObjects.Dependent> dependents = DependentObjects.ofSchema(catalog, schema.get());
            if (!dependents.isEmpty() && !drop.cascade()) {
                throw DependentObjects.stillExist("schema", name, dependents);
            }
            Transaction transaction = transactions.startStatement();
            if (!dependents.isEmpty()) {
                wire.notice(DependentObjects.cascades(dependents));
                dropAll(transaction, dependents);
            }
            transaction.dropSchema(name);
        }
    }

    private void dropViews(ViewStatement.Drop drop) {
        Catalog catalog = services.storage().catalog();
        for (List<String> written : drop.names()) {
            List<String> name = Relations.qualified(written, identity.database());
            Optional<ViewInfo> view = catalog.view(name.get(0), name.get(1));
            if (view.isEmpty()) {
                if (catalog.table(name.get(0), name.get(1)).isPresent()) {
                    throw new PgException(SqlState.WRONG_OBJECT_TYPE, Severity.ERROR,
                            "\"" + name.get(1) + "\" is not a view", null, "Use DROP TABLE to remove a table.", 0,
                            null);
                }
                if (!drop.ifExists()) {
                    throw new PgException(SqlState.UNDEFINED_TABLE, "view \"" + name.get(1) + "\" does not exist");
                }
                notice("view \"" + name.get(1) + "\" does not exist, skipping");
                continue;
            }
            if (!access().owns(ViewReads.asTable(view.get()))) {
                throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "must be owner of view " + name.get(1));
            }
            List<DependentObjects.Dependent> dependents = DependentObjects.ofRelation(catalog, view.get().oid(),
                    name.get(0), name.get(1), "view");
            String shown = DependentObjects.displayName(name.get(0), name.get(1));
            if (!dependents.isEmpty() && !drop.cascade()) {
                throw DependentObjects.stillExist("view", shown, dependents);
            }
            Transaction transaction = transactions.startStatement();
            if (!dependents.isEmpty()) {
                wire.notice(DependentObjects.cascades(dependents));
                dropAll(transaction, dependents);
            }
            transaction.dropView(name.get(0), name.get(1));
        }
    }

    /** Drops what a CASCADE takes: views first, those that depend on others before them, then the rest. */
    private static void dropAll(Transaction transaction, List<DependentObjects.Dependent> dependents) {
        for (DependentObjects.Dependent dependent : dependents.reversed()) {
            if (dependent.kind().equals("view")) {
                transaction.dropView(dependent.schema(), dependent.name());
            }
        }
        for (DependentObjects.Dependent dependent : dependents) {
            switch (dependent.kind()) {
                case "table" -> transaction.dropTable(dependent.schema(), dependent.name());
                case "sequence" -> transaction.dropSequence(dependent.schema(), dependent.name());
                default -> {
                }
            }
        }
    }

    private AccessControl access() {
        return new AccessControl(services.roles(), identity.currentUser());
    }

    private void notice(String message) {
        wire.notice(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION, message);
    }
}
