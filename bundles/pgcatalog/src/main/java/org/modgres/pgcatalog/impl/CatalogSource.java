package org.modgres.pgcatalog.impl;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.modgres.api.catalog.SystemFunction;
import org.modgres.api.catalog.SystemRelation;
import org.modgres.api.catalog.SystemRelationContext;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.session.SessionInfo;
import org.modgres.api.session.SessionManager;
import org.modgres.api.storage.Catalog;

/**
 * What the catalogs are computed from: the live catalog and roles, every system relation and function
 * registered (by this bundle or another), so that pg_class and pg_proc list them too, and the
 * running backends.
 */
final class CatalogSource {

    private final Catalog catalog;
    private final RoleCatalog roles;
    private final List<SystemRelation> relations = new CopyOnWriteArrayList<>();
    private final List<SystemFunction> functions = new CopyOnWriteArrayList<>();
    private volatile SessionManager sessionManager;
    private final AdvisoryLocks advisoryLocks = new AdvisoryLocks();

    CatalogSource(Catalog catalog, RoleCatalog roles) {
        this.catalog = catalog;
        this.roles = roles;
    }

    void add(SystemRelation relation) {
        if (!relations.contains(relation)) {
            relations.add(relation);
        }
    }

    void remove(SystemRelation relation) {
        relations.remove(relation);
    }

    void add(SystemFunction function) {
        if (!functions.contains(function)) {
            functions.add(function);
        }
    }

    void remove(SystemFunction function) {
        functions.remove(function);
    }

    /** Sets the session manager whose backends pg_stat_activity lists. */
    synchronized void sessionManager(SessionManager manager) {
        this.sessionManager = manager;
    }

    /** Forgets a session manager that went away, unless another has taken its place already. */
    synchronized void sessionManagerGone(SessionManager manager) {
        if (sessionManager == manager) {
            sessionManager = null;
        }
    }

    /** Returns the advisory locks the backends hold. */
    AdvisoryLocks advisoryLocks() {
        return advisoryLocks;
    }

    /** Cancels a backend's running statement; false when there is no such backend. */
    boolean cancel(int processId) {
        SessionManager manager = sessionManager;
        return manager != null && manager.cancelStatement(processId);
    }

    /** Ends a backend; false when there is no such backend. */
    boolean terminate(int processId) {
        SessionManager manager = sessionManager;
        return manager != null && manager.terminate(processId);
    }

    /** Returns the backends running now; none without a session manager. */
    List<SessionInfo> sessions() {
        SessionManager manager = sessionManager;
        return manager == null ? List.of() : manager.sessions();
    }

    /** Returns the objects as they are now, for a statement connected to {@code database}, with the default search path. */
    CatalogModel model(String database) {
        return new CatalogModel(catalog, roles, relations, functions, database, List.of(Catalog.DEFAULT_SCHEMA));
    }

    /** Returns the objects as they are now, as the statement's session sees them (its database and search path). */
    CatalogModel model(SystemRelationContext context) {
        return new CatalogModel(catalog, roles, relations, functions, context.databaseName(),
                SearchPaths.existing(context, catalog));
    }
}
