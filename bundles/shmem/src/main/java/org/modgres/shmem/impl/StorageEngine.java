package org.modgres.shmem.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.IsolationLevel;
import org.modgres.api.storage.Transaction;
import org.modgres.shmem.impl.checkpoint.CheckpointStore;
import org.modgres.shmem.impl.wal.FileWriteAheadLog;
import org.modgres.shmem.impl.wal.WriteAheadLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog and tables with what keeps them: in memory only, or in a data directory with a
 * write-ahead log, checkpoints and recovery (the layout is described in the bundle's README.md).
 */
final class StorageEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StorageEngine.class);
    private static final long STOP_TIMEOUT_SECONDS = 60;
    /** Time between automatic vacuums (PostgreSQL's autovacuum_naptime is a minute; memory is dearer here). */
    private static final long AUTOVACUUM_NAPTIME_SECONDS = 10;
    /** Temporary files of running transactions, as PostgreSQL's pgsql_tmp; emptied at start. */
    private static final String TEMPORARY_DIRECTORY = "pgsql_tmp";

    private final MemoryCatalog catalog;
    private final ActiveTransactions active = new ActiveTransactions();
    private final AtomicLong nextXid;
    private final TransactionTable transactions;
    private final Map<Long, Long> vacuumedAtChange = new ConcurrentHashMap<>();
    private final Journal journal;
    private final DataDirectoryLock lock;
    private final WriteAheadLog log;
    private final Checkpointer checkpointer;
    private final ScheduledExecutorService scheduler;
    private final long maxWalSize;
    private final AtomicBoolean checkpointQueued = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    private StorageEngine() {
        this.catalog = new MemoryCatalog(Heaps.inMemory());
        this.nextXid = new AtomicLong(1);
        this.transactions = new TransactionTable(nextXid);
        catalog.heaps().stampWith(nextXid::get);
        this.journal = Journal.NONE;
        this.lock = null;
        this.log = null;
        this.checkpointer = null;
        this.scheduler = null;
        this.maxWalSize = Long.MAX_VALUE;
    }

    private StorageEngine(StorageSettings settings, DataDirectoryLock lock, WriteAheadLog log, CheckpointStore store,
                          MemoryCatalog catalog, Recovery.Result recovered) {
        this.catalog = catalog;
        this.nextXid = new AtomicLong(recovered.nextXid());
        this.transactions = new TransactionTable(nextXid);
        catalog.heaps().stampWith(nextXid::get);
        this.lock = lock;
        this.log = log;
        this.maxWalSize = settings.maxWalSize();
        this.checkpointer = new Checkpointer(store, log, catalog, active, nextXid::get, recovered.checkpoint());
        this.journal = Journal.of(log, settings.synchronousCommit(), this::appended,
                lock.directory().resolve(TEMPORARY_DIRECTORY));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("modgres-checkpointer").factory());
        long period = settings.checkpointTimeout().toMillis();
        scheduler.scheduleWithFixedDelay(() -> checkpointQuietly("checkpoint_timeout"), period, period,
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::autovacuum, AUTOVACUUM_NAPTIME_SECONDS, AUTOVACUUM_NAPTIME_SECONDS,
                TimeUnit.SECONDS);
    }

    /** Returns storage that keeps nothing on disk. */
    static StorageEngine inMemory() {
        return new StorageEngine();
    }

    /**
     * Takes the data directory, recovers what it holds, and starts the periodic checkpoint.
     *
     * @throws DataDirectoryLock.DataDirectoryInUseException when another server uses the directory
     * @throws IOException when the directory cannot be read or recovered
     */
    static StorageEngine open(StorageSettings settings) throws IOException {
        Files.createDirectories(settings.dataDirectory());
        DataDirectoryLock lock = DataDirectoryLock.acquire(settings.dataDirectory());
        WriteAheadLog log = null;
        Heaps heaps = null;
        try {
            RedoSpill.removeLeftovers(lock.directory().resolve(TEMPORARY_DIRECTORY));
            CheckpointStore store = new CheckpointStore(lock.directory());
            log = new FileWriteAheadLog(lock.directory().resolve("pg_wal"), settings.walSegmentSize(),
                    settings.walWriterDelay());
            heaps = Heaps.open(lock.directory().resolve("heap"), settings.sharedBuffers());
            MemoryCatalog catalog = new MemoryCatalog(heaps);
            Recovery.Result recovered = Recovery.run(store, log, catalog);
            return new StorageEngine(settings, lock, log, store, catalog, recovered);
        } catch (IOException | RuntimeException e) {
            if (log != null) {
                closeQuietly(log, e);
            }
            if (heaps != null) {
                closeQuietly(heaps, e);
            }
            closeQuietly(lock, e);
            throw e;
        }
    }

    /** The size of the buffer pool of heap pages in bytes: shared_buffers, as the pool holds it. */
    long sharedBuffers() {
        return catalog.heaps().poolBytes();
    }

    Catalog catalog() {
        return catalog;
    }

    MemoryRoles roles() {
        return catalog.roles();
    }

    MemoryPrivileges privileges() {
        return catalog.privileges();
    }

    MemoryMemberships memberships() {
        return catalog.memberships();
    }

    MemoryDefaultAcls defaultAcls() {
        return catalog.defaultAcls();
    }

    /** Returns a table's rows themselves; for tests that look at versions. */
    MemoryTable table(String schema, String name) {
        return catalog.lookup(schema, name);
    }

    Transaction begin() {
        return begin(IsolationLevel.READ_COMMITTED);
    }

    Transaction begin(IsolationLevel isolation) {
        return new MemoryTransaction(isolation, catalog, active, transactions, journal);
    }

    /** Reclaims the row versions of a table that no snapshot can see; returns the rows removed. */
    long vacuum(String schema, String name) {
        return vacuum(catalog.lookup(schema, name));
    }

    private long vacuum(MemoryTable table) {
        long changesBefore = table.changes();
        long horizon = transactions.horizon();
        long removed = table.vacuum(horizon);
        catalog.heaps().reclaim(horizon);
        vacuumedAtChange.put(table.oid(), changesBefore);
        return removed;
    }

    /** Vacuums the tables that changed since their last vacuum, as PostgreSQL's autovacuum does. */
    private void autovacuum() {
        try {
            for (MemoryTable table : catalog.all()) {
                Long vacuumed = vacuumedAtChange.get(table.oid());
                if (vacuumed == null || vacuumed != table.changes()) {
                    long removed = vacuum(table);
                    if (removed > 0) {
                        LOG.debug("automatic vacuum of table \"{}\": {} dead rows removed", table.info().name(),
                                removed);
                    }
                }
            }
            vacuumedAtChange.keySet().removeIf(oid -> catalog.byOid(oid) == null);
            // tuples retired since the last round wait for a horizon past them, whether or not tables changed
            catalog.heaps().reclaim(transactions.horizon());
        } catch (RuntimeException e) {
            LOG.error("automatic vacuum failed", e);
        }
    }

    /** Takes a checkpoint now, unless nothing was logged since the last one; returns whether it took one. */
    boolean checkpoint() throws IOException {
        return checkpointer != null && catalog.heaps().duringCheckpoint(() -> checkpointer.checkpoint("requested"));
    }

    /** Takes a checkpoint when the log has grown by {@code max_wal_size} since the last one. */
    private void appended(long end) {
        if (end - checkpointer.lastRedoPosition() > maxWalSize && checkpointQueued.compareAndSet(false, true)) {
            scheduler.execute(() -> {
                try {
                    checkpointQuietly("max_wal_size");
                } finally {
                    checkpointQueued.set(false);
                }
            });
        }
    }

    private void checkpointQuietly(String reason) {
        try {
            catalog.heaps().duringCheckpoint(() -> checkpointer.checkpoint(reason));
        } catch (IOException | RuntimeException e) {
            LOG.error("checkpoint ({}) failed; the log is kept until one succeeds", reason, e);
        }
    }

    /** Takes the shutdown checkpoint, then releases the log and the data directory. */
    @Override
    public void close() throws IOException {
        if (scheduler == null || !closed.compareAndSet(false, true)) {
            return;
        }
        stopScheduler();
        try {
            catalog.heaps().duringCheckpoint(() -> checkpointer.checkpoint("shutdown"));
        } finally {
            release();
        }
        LOG.info("shared storage shut down; data directory {} released", lock.directory());
    }

    /**
     * Stops as a crash would, without a checkpoint: what was committed must come back from the log.
     * Tests use it to open the data directory again in the same process.
     */
    void crash() throws IOException {
        if (scheduler == null || !closed.compareAndSet(false, true)) {
            return;
        }
        stopScheduler();
        release();
    }

    private void stopScheduler() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("a checkpoint still runs after {} s; stopping anyway", STOP_TIMEOUT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void release() throws IOException {
        try {
            log.close();
        } finally {
            try {
                catalog.heaps().close();
            } finally {
                lock.close();
            }
        }
    }


    private static void closeQuietly(AutoCloseable resource, Exception failure) {
        try {
            resource.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
