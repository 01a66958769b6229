package org.modgres.pgcatalog.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.modgres.api.session.ClientConnection;
import org.modgres.api.session.SessionInfo;
import org.modgres.api.session.SessionManager;

/** pg_locks, pg_stat_user_tables and the advisory locks, as PostgreSQL 15 shows them. */
class ActivityCatalogsTest {

    private static final Instant STARTED = Instant.parse("2026-01-02T03:04:05Z");

    private final CatalogHarness sql = new CatalogHarness();
    private final List<SessionInfo> sessions = new ArrayList<>();

    /** A session manager that reports the backends of the test and records what it is asked. */
    private final class ListedSessions implements SessionManager {
        final List<String> signals = new ArrayList<>();

        @Override
        public void serve(ClientConnection connection) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void cancel(int processId, int secretKey) {
        }

        @Override
        public boolean cancelStatement(int processId) {
            signals.add("cancel " + processId);
            return true;
        }

        @Override
        public List<SessionInfo> sessions() {
            return sessions;
        }

        @Override
        public boolean terminate(int processId) {
            signals.add("terminate " + processId);
            return true;
        }
    }

    private static SessionInfo backend(int pid, String state, long localTransaction, long xid) {
        boolean inTransaction = !state.equals("idle");
        return new SessionInfo(pid, "postgres", "postgres", "", "/127.0.0.1:5000", state, "select 1",
                STARTED.plusSeconds(pid), inTransaction ? STARTED : null, STARTED, localTransaction, xid);
    }

    @Test
    void pg_locks_lists_each_transactions_virtual_and_real_ids() {
        sessions.add(backend(CatalogHarness.PROCESS_ID, "active", 7, 0));
        sessions.add(backend(CatalogHarness.PROCESS_ID + 1, "idle in transaction", 3, 745));
        sessions.add(backend(CatalogHarness.PROCESS_ID + 2, "idle", 2, 0));
        sql.source.sessionManager(new ListedSessions());
        assertEquals(List.of(
                "virtualxid||1/7||ExclusiveLock|t|t|" + CatalogHarness.PROCESS_ID,
                "virtualxid||2/3||ExclusiveLock|t|t|" + (CatalogHarness.PROCESS_ID + 1),
                "transactionid|||745|ExclusiveLock|t|f|" + (CatalogHarness.PROCESS_ID + 1)),
                sql.lines("select locktype, database, virtualxid, transactionid, mode, granted, fastpath, pid "
                        + "from pg_locks"));
        assertEquals(List.of("|active", "745|idle in transaction", "|idle"),
                sql.lines("select backend_xid, state from pg_stat_activity order by pid"));
    }

    @Test
    void advisory_locks_exclude_other_backends_and_end_with_their_holder() {
        sessions.add(backend(CatalogHarness.PROCESS_ID, "active", 1, 0));
        sessions.add(backend(99, "idle", 1, 0));
        sql.source.sessionManager(new ListedSessions());
        AdvisoryLocks locks = sql.source.advisoryLocks();
        Map<Integer, SessionInfo> byPid = AdvisoryLocks.byProcessId(sessions);
        assertTrue(locks.tryLock(AdvisoryLocks.Key.of(5), sessions.get(1), byPid, false));

        assertEquals(List.of("f|f"), sql.lines("select pg_try_advisory_lock(5), pg_advisory_unlock(5)"));
        assertEquals(List.of("t|t|t|f"), sql.lines("select pg_try_advisory_lock(1, 2), pg_try_advisory_lock(1, 2), "
                + "pg_advisory_unlock(1, 2), pg_try_advisory_xact_lock(5)"));
        assertEquals(List.of("advisory|5|0|5|1|99", "advisory|5|1|2|2|" + CatalogHarness.PROCESS_ID),
                sql.lines("select locktype, database, classid, objid, objsubid, pid from pg_locks "
                        + "where locktype = 'advisory' order by objsubid"));

        sessions.remove(1);
        assertEquals(List.of("t"), sql.lines("select pg_try_advisory_lock(5)"));
        sql.lines("select pg_advisory_unlock_all()");
        assertEquals(List.of("0"), sql.lines("select count(*) from pg_locks where locktype = 'advisory'"));
    }

    @Test
    void a_transaction_level_lock_ends_with_its_transaction() {
        SessionInfo other = backend(99, "idle in transaction", 4, 0);
        sessions.add(backend(CatalogHarness.PROCESS_ID, "active", 1, 0));
        sessions.add(other);
        sql.source.sessionManager(new ListedSessions());
        AdvisoryLocks locks = sql.source.advisoryLocks();
        assertTrue(locks.tryLock(AdvisoryLocks.Key.of(8), other, AdvisoryLocks.byProcessId(sessions), true));
        assertEquals(List.of("f"), sql.lines("select pg_try_advisory_lock(8)"));
        sessions.set(1, backend(99, "idle", 4, 0));
        assertEquals(List.of("t"), sql.lines("select pg_try_advisory_lock(8)"));
        assertFalse(locks.tryLock(AdvisoryLocks.Key.of(8), other, AdvisoryLocks.byProcessId(sessions), true));
    }

    @Test
    void pg_cancel_and_terminate_backend_signal_listed_backends_only() {
        sessions.add(backend(CatalogHarness.PROCESS_ID, "active", 1, 0));
        sessions.add(backend(99, "active", 1, 0));
        ListedSessions manager = new ListedSessions();
        sql.source.sessionManager(manager);
        assertEquals(List.of("t|t|f"), sql.lines(
                "select pg_cancel_backend(99), pg_terminate_backend(99), pg_terminate_backend(12345)"));
        assertEquals(List.of("cancel 99", "terminate 99"), manager.signals);
    }

    @Test
    void pg_stat_user_tables_counts_the_live_rows_of_user_tables() {
        sql.run("create table counted (id int primary key)", "insert into counted values (1), (2), (3)",
                "delete from counted where id = 2");
        assertEquals(List.of("public|counted|2|0|0||0"), sql.lines("select schemaname, relname, n_live_tup, "
                + "seq_scan, n_dead_tup, last_vacuum, vacuum_count from pg_stat_user_tables"));
        assertEquals(List.of("t|t"), sql.lines("select count(*) > 10, bool_and(schemaname = 'pg_catalog') "
                + "from pg_stat_sys_tables where schemaname <> 'information_schema'"));
    }
}
