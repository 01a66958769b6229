package org.modgres.pgcatalog.impl;

import static org.modgres.api.type.PgType.BOOL;
import static org.modgres.api.type.PgType.INT4;
import static org.modgres.api.type.PgType.INT8;
import static org.modgres.api.type.PgType.TEXT;
import static org.modgres.api.type.PgType.VOID;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.modgres.api.catalog.SystemFunction;
import org.modgres.api.catalog.SystemRelationContext;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.session.SessionInfo;
import org.modgres.api.type.PgType;

/**
 * The functions that act on backends: {@code set_config} on the caller's, {@code pg_cancel_backend} and {@code pg_terminate_backend},
 * with PostgreSQL's privilege rules, and the advisory locks (exclusive, session and transaction
 * level, bigint or two int4 keys). A backend that waits for an advisory lock polls, and stops when
 * its statement is cancelled.
 */
final class BackendFunctions {

    private static final long LOCK_POLL_MILLIS = 5;

    private final CatalogSource source;
    private final List<SystemFunction> functions = new ArrayList<>();

    private BackendFunctions(CatalogSource source) {
        this.source = source;
    }

    static List<SystemFunction> all(CatalogSource source) {
        BackendFunctions f = new BackendFunctions(source);
        f.settings();
        f.signals();
        f.advisoryLocks();
        return List.copyOf(f.functions);
    }

    private void settings() {
        functions.add(new CatalogFunction(source, "set_config", List.of(TEXT, TEXT, BOOL), TEXT, false, (call, a) -> {
            if (a[0] == null) {
                throw new PgException(SqlState.NULL_VALUE_NOT_ALLOWED, "SET requires parameter name");
            }
            return call.context().setSetting((String) a[0], (String) a[1], a[2] != null && (Boolean) a[2]);
        }));
    }

    private void signals() {
        add("pg_cancel_backend", List.of(INT4), BOOL, (call, a) -> signal(call, (Integer) a[0], false));
        add("pg_terminate_backend", List.of(INT4), BOOL, (call, a) -> signal(call, (Integer) a[0], true));
        add("pg_terminate_backend", List.of(INT4, INT8), BOOL, (call, a) -> {
            if ((Long) a[1] < 0) {
                throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "\"timeout\" must not be negative");
            }
            return signal(call, (Integer) a[0], true);
        });
    }

    private boolean signal(CatalogFunction.Call call, int processId, boolean terminate) {
        SessionInfo target = AdvisoryLocks.byProcessId(source.sessions()).get(processId);
        if (target == null) {
            // PostgreSQL warns "PID %d is not a PostgreSQL backend process" and returns false
            return false;
        }
        Optional<RoleInfo> current = call.model().roles().role(call.context().currentUser());
        boolean superuser = current.map(RoleInfo::superuser).orElse(false);
        boolean targetSuperuser = call.model().roles().role(target.user()).map(RoleInfo::superuser).orElse(false);
        if (targetSuperuser && !superuser) {
            throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE, terminate
                    ? "must be a superuser to terminate superuser process"
                    : "must be a superuser to cancel superuser query");
        }
        if (!superuser && !target.user().equals(call.context().currentUser())) {
            throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE, terminate
                    ? "must be a member of the role whose process is being terminated or member of pg_signal_backend"
                    : "must be a member of the role whose query is being canceled or member of pg_signal_backend");
        }
        return terminate ? source.terminate(processId) : source.cancel(processId);
    }

    private void advisoryLocks() {
        for (boolean transactional : new boolean[] {false, true}) {
            String level = transactional ? "_xact" : "";
            add("pg_advisory" + level + "_lock", List.of(INT8), VOID,
                    (call, a) -> lock(call, AdvisoryLocks.Key.of((Long) a[0]), transactional));
            add("pg_advisory" + level + "_lock", List.of(INT4, INT4), VOID,
                    (call, a) -> lock(call, AdvisoryLocks.Key.of((Integer) a[0], (Integer) a[1]), transactional));
            add("pg_try_advisory" + level + "_lock", List.of(INT8), BOOL,
                    (call, a) -> tryLock(call.context(), AdvisoryLocks.Key.of((Long) a[0]), transactional));
            add("pg_try_advisory" + level + "_lock", List.of(INT4, INT4), BOOL, (call, a) -> tryLock(call.context(),
                    AdvisoryLocks.Key.of((Integer) a[0], (Integer) a[1]), transactional));
        }
        add("pg_advisory_unlock", List.of(INT8), BOOL,
                (call, a) -> unlock(call.context(), AdvisoryLocks.Key.of((Long) a[0])));
        add("pg_advisory_unlock", List.of(INT4, INT4), BOOL,
                (call, a) -> unlock(call.context(), AdvisoryLocks.Key.of((Integer) a[0], (Integer) a[1])));
        add("pg_advisory_unlock_all", List.of(), VOID, (call, a) -> {
            source.advisoryLocks().unlockAll(call.context().processId(), sessions(call.context()));
            return null;
        });
    }

    private Object lock(CatalogFunction.Call call, AdvisoryLocks.Key key, boolean transactional) {
        while (!tryLock(call.context(), key, transactional)) {
            call.context().transaction().checkWhileWaiting();
            try {
                Thread.sleep(LOCK_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PgException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
            }
        }
        return null;
    }

    private boolean tryLock(SystemRelationContext context, AdvisoryLocks.Key key, boolean transactional) {
        Map<Integer, SessionInfo> sessions = sessions(context);
        return source.advisoryLocks().tryLock(key, sessions.get(context.processId()), sessions, transactional);
    }

    private boolean unlock(SystemRelationContext context, AdvisoryLocks.Key key) {
        // PostgreSQL also warns "you don't own a lock of type ExclusiveLock" when it returns false
        return source.advisoryLocks().unlock(key, context.processId(), sessions(context));
    }

    /**
     * Returns the backends by process id, the caller among them even when no session manager
     * lists it (then its transaction is its statement).
     */
    private Map<Integer, SessionInfo> sessions(SystemRelationContext context) {
        Map<Integer, SessionInfo> sessions = new HashMap<>(AdvisoryLocks.byProcessId(source.sessions()));
        sessions.computeIfAbsent(context.processId(), pid -> new SessionInfo(pid, context.sessionUser(),
                context.databaseName(), "", null, "active", null, Instant.now(), Instant.now(),
                Instant.now(), 0, 0));
        return sessions;
    }

    private void add(String name, List<PgType> parameters, PgType result, CatalogFunction.Body body) {
        functions.add(new CatalogFunction(source, name, parameters, result, true, body));
    }
}
