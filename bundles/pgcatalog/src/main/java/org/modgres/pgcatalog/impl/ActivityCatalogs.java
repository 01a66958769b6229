package org.modgres.pgcatalog.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.modgres.api.catalog.SystemRelation;
import org.modgres.api.catalog.SystemRelationContext;
import org.modgres.api.session.SessionInfo;
import org.modgres.api.storage.HeldTableLock;
import org.modgres.api.storage.RowScan;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.TableLockMode;

/**
 * What the backends do to the tables now: {@code pg_locks} and the {@code pg_stat_*_tables}
 * views.
 *
 * <p>pg_locks lists what PostgreSQL lists for every transaction: its virtual transaction id, its
 * transaction id once it has written, the table locks it holds or waits for, and the advisory
 * locks. Row locks are not listed, as PostgreSQL lists them only while a backend waits for one.
 *
 * <p>The table statistics count the live rows as the reader's snapshot sees them
 * ({@code n_live_tup}); Modgres keeps no scan or change counters, so those columns are 0 and the
 * vacuum and analyze times NULL.
 */
final class ActivityCatalogs {

    private static final String PG_CATALOG = "pg_catalog";
    private static final String EXCLUSIVE = "ExclusiveLock";
    private static final Set<String> SYSTEM_SCHEMAS = Set.of(PG_CATALOG, "information_schema", "pg_toast");
    private static final String TABLE_STATISTICS = "relid oid, schemaname name, relname name, seq_scan int8, "
            + "seq_tup_read int8, idx_scan int8, idx_tup_fetch int8, n_tup_ins int8, n_tup_upd int8, "
            + "n_tup_del int8, n_tup_hot_upd int8, n_live_tup int8, n_dead_tup int8, n_mod_since_analyze int8, "
            + "n_ins_since_vacuum int8, last_vacuum timestamptz, last_autovacuum timestamptz, "
            + "last_analyze timestamptz, last_autoanalyze timestamptz, vacuum_count int8, autovacuum_count int8, "
            + "analyze_count int8, autoanalyze_count int8";

    /** Which tables a statistics view lists. */
    private enum Tables { ALL, USER, SYSTEM }

    private ActivityCatalogs() {
    }

    static List<SystemRelation> all(CatalogSource source) {
        return List.of(
                new CatalogRelation(source, PG_CATALOG, "pg_locks", 12073, true, "locktype text, database oid, "
                        + "relation oid, page int4, tuple int2, virtualxid text, transactionid xid, classid oid, "
                        + "objid oid, objsubid int2, virtualtransaction text, pid int4, mode text, granted bool, "
                        + "fastpath bool, waitstart timestamptz",
                        (model, context, rows) -> lockRows(source, context, rows)),
                statistics(source, "pg_stat_all_tables", 12142, Tables.ALL),
                statistics(source, "pg_stat_sys_tables", 12152, Tables.SYSTEM),
                statistics(source, "pg_stat_user_tables", 12161, Tables.USER));
    }

    private static void lockRows(CatalogSource source, SystemRelationContext context, Rows rows) {
        List<SessionInfo> sessions = new ArrayList<>(source.sessions());
        // PostgreSQL's backend ids are small numbers, given in order of connection
        sessions.sort(Comparator.comparing(SessionInfo::backendStart).thenComparingInt(SessionInfo::processId));
        Map<Integer, String> virtualTransactions = new HashMap<>();
        for (int i = 0; i < sessions.size(); i++) {
            SessionInfo session = sessions.get(i);
            String virtual = (i + 1) + "/" + session.localTransactionId();
            virtualTransactions.put(session.processId(), virtual);
            if (session.transactionStart() == null) {
                continue;
            }
            rows.add().set("locktype", "virtualxid").set("virtualxid", virtual).set("virtualtransaction", virtual)
                    .set("pid", session.processId()).set("mode", EXCLUSIVE).set("granted", true)
                    .set("fastpath", true);
            for (HeldTableLock lock : session.tableLocks()) {
                rows.add().set("locktype", "relation").set("database", ObjectIds.POSTGRES_DATABASE)
                        .set("relation", lock.relation()).set("virtualtransaction", virtual)
                        .set("pid", session.processId()).set("mode", lock.mode().lockName())
                        .set("granted", lock.granted())
                        // PostgreSQL's fast path holds the weak modes nobody contends for
                        .set("fastpath", lock.granted() && lock.mode().ordinal() <= TableLockMode.ROW_EXCLUSIVE.ordinal());
            }
            if (session.transactionId() != 0) {
                rows.add().set("locktype", "transactionid").set("transactionid", session.transactionId())
                        .set("virtualtransaction", virtual).set("pid", session.processId()).set("mode", EXCLUSIVE)
                        .set("granted", true).set("fastpath", false);
            }
        }
        for (AdvisoryLocks.Held held : source.advisoryLocks().held(AdvisoryLocks.byProcessId(sessions))) {
            rows.add().set("locktype", "advisory").set("database", ObjectIds.POSTGRES_DATABASE)
                    .set("classid", held.key().classId()).set("objid", held.key().objectId())
                    .set("objsubid", held.key().objectSubId())
                    .set("virtualtransaction", virtualTransactions.get(held.processId()))
                    .set("pid", held.processId()).set("mode", EXCLUSIVE).set("granted", true)
                    .set("fastpath", false);
        }
    }

    private static SystemRelation statistics(CatalogSource source, String name, long oid, Tables tables) {
        return new CatalogRelation(source, PG_CATALOG, name, oid, true, TABLE_STATISTICS, (model, context, rows) -> {
            for (CatalogModel.Relation relation : model.relations()) {
                if (!"r".equals(relation.kind()) || !lists(tables, relation.schema())) {
                    continue;
                }
                rows.add().set("relid", relation.oid()).set("schemaname", relation.schema())
                        .set("relname", relation.name()).set("seq_scan", 0).set("seq_tup_read", 0)
                        .set("idx_scan", relation.table() == null ? null : 0)
                        .set("idx_tup_fetch", relation.table() == null ? null : 0)
                        .set("n_tup_ins", 0).set("n_tup_upd", 0).set("n_tup_del", 0).set("n_tup_hot_upd", 0)
                        .set("n_live_tup", liveRows(context, relation)).set("n_dead_tup", 0)
                        .set("n_mod_since_analyze", 0).set("n_ins_since_vacuum", 0).set("vacuum_count", 0)
                        .set("autovacuum_count", 0).set("analyze_count", 0).set("autoanalyze_count", 0);
            }
        });
    }

    private static boolean lists(Tables tables, String schema) {
        boolean system = SYSTEM_SCHEMAS.contains(schema) || schema.startsWith("pg_toast");
        return switch (tables) {
            case ALL -> true;
            case USER -> !system;
            case SYSTEM -> system;
        };
    }

    /** Counts the rows of a table the reader's snapshot sees; 0 for the system catalogs, computed on demand. */
    private static long liveRows(SystemRelationContext context, CatalogModel.Relation relation) {
        if (relation.table() == null) {
            return 0;
        }
        TableAccess table = context.transaction().table(relation.schema(), relation.name());
        long count = 0;
        try (RowScan scan = table.scan()) {
            while (scan.next()) {
                count++;
            }
        }
        return count;
    }
}
