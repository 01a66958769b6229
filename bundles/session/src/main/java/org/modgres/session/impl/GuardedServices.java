package org.modgres.session.impl;

import org.modgres.api.catalog.FunctionCatalog;
import org.modgres.api.exec.Executor;
import org.modgres.api.plan.Planner;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.sql.SqlParser;
import org.modgres.api.storage.SharedStorage;

/** A backend's services, whose executor runs a plan only after its privilege checks pass. */
record GuardedServices(Services delegate) implements Services {

    static Services of(Services services) {
        return services instanceof GuardedServices ? services : new GuardedServices(services);
    }

    @Override
    public SqlParser parser() {
        return delegate.parser();
    }

    @Override
    public Planner planner() {
        return delegate.planner();
    }

    @Override
    public Executor executor() {
        return new PrivilegeCheckingExecutor(delegate.executor(), delegate.roles(), delegate.storage(),
                delegate.functions());
    }

    @Override
    public SharedStorage storage() {
        return delegate.storage();
    }

    @Override
    public RoleCatalog roles() {
        return delegate.roles();
    }

    @Override
    public FunctionCatalog functions() {
        return delegate.functions();
    }

    @Override
    public HbaConfiguration hba() {
        return delegate.hba();
    }

    @Override
    public long connectionsOf(String role, int except) {
        return delegate.connectionsOf(role, except);
    }

    @Override
    public AuditLog audit() {
        return delegate.audit();
    }
}
