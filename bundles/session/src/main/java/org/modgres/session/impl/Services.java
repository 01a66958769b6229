package org.modgres.session.impl;

import org.modgres.api.catalog.FunctionCatalog;
import org.modgres.api.exec.Executor;
import org.modgres.api.plan.Planner;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.sql.SqlParser;
import org.modgres.api.storage.SharedStorage;

/**
 * The services a backend works with. Each getter returns the implementation serving new
 * statements now; a statement reads each once and keeps it to its end, so a swap takes effect
 * between statements, never inside one.
 */
interface Services {

    SqlParser parser();

    Planner planner();

    Executor executor();

    SharedStorage storage();

    RoleCatalog roles();

    /** The functions pg_proc lists, by OID, for their privileges; null while no bundle provides them. */
    default FunctionCatalog functions() {
        return null;
    }

    /** The pg_hba.conf rules connections authenticate by. */
    HbaConfiguration hba();

    /** Returns how many backends other than {@code except} run as this role, for its CONNECTION LIMIT. */
    default long connectionsOf(String role, int except) {
        return 0;
    }

    /** What the server's log_connections, log_disconnections and log_statement ask to be logged. */
    default AuditLog audit() {
        return AuditLog.OFF;
    }
}
