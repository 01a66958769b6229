package org.modgres.session.impl;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.modgres.api.catalog.FunctionCatalog;
import org.modgres.api.exec.ExecutionContext;
import org.modgres.api.exec.Executor;
import org.modgres.api.exec.RowCursor;
import org.modgres.api.plan.AlterTablePlan;
import org.modgres.api.plan.CreateTablePlan;
import org.modgres.api.plan.DropTablePlan;
import org.modgres.api.plan.Plan;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.role.PrivilegeTarget;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.TablePrivilege;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableInfo;

/**
 * Puts PostgreSQL's privilege checks in front of whatever executor serves the backend, so that no
 * planner or executor can skip them: a plan runs only when the current role holds every privilege
 * it needs on the tables it reads and writes (see {@link PlanPrivileges}) and USAGE on their
 * schemas; DROP TABLE needs the owner; CREATE TABLE needs CREATE on the schema, and a table a role
 * creates is its own. Relations that are not user tables, as pg_catalog's
 * and information_schema's, are readable by everyone. A plan's functions need EXECUTE (see
 * {@link FunctionPrivileges}).
 */
record PrivilegeCheckingExecutor(Executor delegate, RoleCatalog roles, SharedStorage storage,
                                 FunctionCatalog functions) implements Executor {

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public RowCursor execute(Plan plan, ExecutionContext context) {
        AccessControl access = new AccessControl(roles, context.currentUser());
        Catalog catalog = storage.catalog();
        switch (plan) {
            case RelationalPlan relational -> {
                check(relational, access, catalog, functions);
                return delegate.execute(plan, context);
            }
            case DropTablePlan drop -> {
                for (List<String> name : drop.tables()) {
                    usage(access, catalog, name);
                    table(catalog, name).ifPresent(access::requireOwner);
                }
                return delegate.execute(plan, context);
            }
            case AlterTablePlan alter -> {
                usage(access, catalog, alter.table());
                table(catalog, alter.table()).ifPresent(access::requireOwner);
                for (AlterTablePlan.Action action : alter.actions()) {
                    if (action instanceof AlterTablePlan.AddConstraint add
                            && add.constraint() instanceof TableConstraint.ForeignKey key && !access.superuser()) {
                        catalog.table(key.referencedSchema(), key.referencedTable())
                                .ifPresent(referenced -> access.require(referenced, TablePrivilege.REFERENCES));
                    }
                }
                return delegate.execute(plan, context);
            }
            case CreateTablePlan create -> {
                String schema = create.definition().schema();
                String name = create.definition().name();
                boolean existed = catalog.table(schema, name).isPresent();
                access.requireCreateIn(catalog, schema);
                RowCursor cursor = delegate.execute(plan, context);
                if (!existed) {
                    catalog.table(schema, name)
                            .ifPresent(table -> own(context, table.oid(), access, schema, PrivilegeTarget.TABLE));
                    for (CreateTablePlan.OwnedSequence owned : create.ownedSequences()) {
                        catalog.sequence(schema, owned.name()).map(SequenceInfo::oid)
                                .ifPresent(oid -> own(context, oid, access, schema, PrivilegeTarget.SEQUENCE));
                    }
                }
                return cursor;
            }
        }
    }

    /**
     * Throws 42501 unless the role holds every privilege the plan needs, EXECUTE on the functions
     * it calls included; EXPLAIN checks too.
     */
    static void check(RelationalPlan plan, AccessControl access, Catalog catalog, FunctionCatalog functions) {
        check(plan, access, catalog);
        FunctionPrivileges.check(plan, access, functions);
    }

    /** Throws 42501 unless the role holds every privilege the plan needs on relations and schemas. */
    static void check(RelationalPlan plan, AccessControl access, Catalog catalog) {
        Map<List<String>, Map<TablePrivilege, PlanPrivileges.Columns>> needed = PlanPrivileges.of(plan);
        if (!access.superuser()) {
            // naming a relation needs USAGE on its schema, checked before any privilege on it
            for (List<String> key : needed.keySet()) {
                ViewReads.namedSchema(key, catalog)
                        .ifPresent(schema -> access.requireOnSchema(catalog, schema, TablePrivilege.USAGE));
            }
            ViewReads.namedSchemas(plan.viewsRead(), catalog)
                    .forEach(schema -> access.requireOnSchema(catalog, schema, TablePrivilege.USAGE));
        }
        ViewReads.check(needed, access, catalog);
        ViewReads.checkViews(plan.viewsRead(), access, catalog);
        if (access.superuser()) {
            return;
        }
        for (Map.Entry<List<String>, Map<TablePrivilege, PlanPrivileges.Columns>> entry : needed.entrySet()) {
            Optional<TableInfo> table = table(catalog, entry.getKey());
            if (table.isPresent()) {
                access.require(table.get(), entry.getValue());
                // locking rows keeps writers out, which PostgreSQL grants only with UPDATE
                if (plan.rowLocking() != null) {
                    access.require(table.get(), TablePrivilege.UPDATE);
                }
            }
        }
    }

    /** Throws 42501 unless the role may use the schema of a relation the statement names. */
    private static void usage(AccessControl access, Catalog catalog, List<String> qualifiedName) {
        if (qualifiedName.size() == 2) {
            access.requireOnSchema(catalog, qualifiedName.get(0), TablePrivilege.USAGE);
        }
    }

    /** Makes a new relation the creating role's, with the privileges the role's defaults give it. */
    private void own(ExecutionContext context, long relation, AccessControl access, String schema,
                     PrivilegeTarget target) {
        DefaultPrivileges.own(roles, storage.catalog(), context.transaction(), relation, access.roleOid(), schema,
                target);
    }

    private static Optional<TableInfo> table(Catalog catalog, List<String> qualifiedName) {
        if (qualifiedName.size() != 2) {
            return Optional.empty();
        }
        return catalog.table(qualifiedName.get(0), qualifiedName.get(1));
    }
}
