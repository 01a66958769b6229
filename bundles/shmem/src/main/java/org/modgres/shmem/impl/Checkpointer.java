package org.modgres.shmem.impl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import org.modgres.shmem.impl.checkpoint.CatalogEntry;
import org.modgres.shmem.impl.checkpoint.CheckpointStore;
import org.modgres.shmem.impl.checkpoint.ControlData;
import org.modgres.shmem.impl.checkpoint.CheckpointRecordFile;
import org.modgres.shmem.impl.wal.LogPositions;
import org.modgres.shmem.impl.wal.WriteAheadLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the committed state of all tables to {@code base/}, records the log position it covers in
 * {@code global/pg_control}, and frees the log before it. Committers wait only while the image
 * copies references to rows; the files are written while they go on.
 */
final class Checkpointer {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    private final CheckpointStore store;
    private final WriteAheadLog log;
    private final MemoryCatalog catalog;
    private final ActiveTransactions active;
    private final LongSupplier nextXid;
    private final ReentrantLock running = new ReentrantLock();
    private volatile long lastCheckpoint;
    private volatile long lastRedoPosition;

    Checkpointer(CheckpointStore store, WriteAheadLog log, MemoryCatalog catalog, ActiveTransactions active,
                 LongSupplier nextXid, ControlData recovered) {
        this.store = store;
        this.log = log;
        this.catalog = catalog;
        this.active = active;
        this.nextXid = nextXid;
        this.lastCheckpoint = recovered.checkpoint();
        this.lastRedoPosition = recovered.redoPosition();
    }

    /** Returns the log position the last checkpoint covers. */
    long lastRedoPosition() {
        return lastRedoPosition;
    }

    /**
     * Takes a checkpoint, unless nothing was logged since the last one.
     *
     * @param reason why, for the log line
     * @return whether it took one
     */
    boolean checkpoint(String reason) throws IOException {
        running.lock();
        try {
            if (log.endPosition() == lastRedoPosition) {
                return false;
            }
            long start = System.nanoTime();
            CheckpointImage image = active.exclusive(() -> CheckpointImage.take(catalog, active.pendingUndo(),
                    log.endPosition(), nextXid.getAsLong()));
            long pauseMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            long number = lastCheckpoint + 1;
            List<CatalogEntry> entries = new ArrayList<>();
            long rows = 0;
            int written = 0;
            for (CheckpointImage.TableCopy copy : image.tables()) {
                long generation;
                if (copy.reused != null) {
                    generation = copy.reused.generation();
                } else {
                    rows += store.writeTable(number, copy.info, copy::forEach);
                    generation = number;
                    written++;
                }
                entries.add(new CatalogEntry(copy.info, copy.nextRowId, generation));
            }
            store.writeCatalog(number, entries);
            CheckpointRecordFile.SEQUENCES.write(store.base(), number, image.sequences());
            store.writeRoles(number, image.roles());
            CheckpointRecordFile.PRIVILEGES.write(store.base(), number, image.privileges());
            CheckpointRecordFile.MEMBERSHIPS.write(store.base(), number, image.memberships());
            CheckpointRecordFile.DEFAULT_ACLS.write(store.base(), number, image.defaultAcls());
            CheckpointRecordFile.COMMENTS.write(store.base(), number, image.comments());
            CheckpointRecordFile.SCHEMAS.write(store.base(), number, image.schemas());
            CheckpointRecordFile.VIEWS.write(store.base(), number, image.views());
            store.forceTables();
            log.force(image.redoPosition());
            store.writeControl(new ControlData(number, image.redoPosition(), image.nextXid(), image.nextOid(),
                    System.currentTimeMillis()));
            lastCheckpoint = number;
            lastRedoPosition = image.redoPosition();
            for (CheckpointImage.TableCopy copy : image.tables()) {
                if (copy.reused == null && copy.exact()) {
                    copy.table.markCheckpointed(new MemoryTable.CheckpointMark(copy.changes, number));
                }
            }
            store.removeUnreferenced(number, entries);
            CheckpointRecordFile.SEQUENCES.removeOthers(store.base(), number);
            CheckpointRecordFile.PRIVILEGES.removeOthers(store.base(), number);
            CheckpointRecordFile.MEMBERSHIPS.removeOthers(store.base(), number);
            CheckpointRecordFile.DEFAULT_ACLS.removeOthers(store.base(), number);
            CheckpointRecordFile.COMMENTS.removeOthers(store.base(), number);
            CheckpointRecordFile.SCHEMAS.removeOthers(store.base(), number);
            CheckpointRecordFile.VIEWS.removeOthers(store.base(), number);
            log.discardBefore(image.redoPosition());
            LOG.info("checkpoint {} ({}) complete at {}: wrote {} of {} tables ({} rows); commits paused {} ms;"
                            + " total {} ms", number, reason, LogPositions.format(image.redoPosition()), written,
                    entries.size(), rows, pauseMillis, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            return true;
        } finally {
            running.unlock();
        }
    }
}
