package org.modgres.shmem.impl;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.modgres.shmem.impl.checkpoint.CatalogEntry;
import org.modgres.shmem.impl.checkpoint.CheckpointStore;
import org.modgres.shmem.impl.checkpoint.ControlData;
import org.modgres.shmem.impl.checkpoint.SequenceEntry;
import org.modgres.shmem.impl.checkpoint.CheckpointRecordFile;
import org.modgres.shmem.impl.codec.CorruptDataException;
import org.modgres.shmem.impl.wal.LogPositions;
import org.modgres.shmem.impl.wal.LogReader;
import org.modgres.shmem.impl.wal.LogRecord;
import org.modgres.shmem.impl.wal.WriteAheadLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the catalog to the last committed state at start: loads the last checkpoint, replays the
 * log after it up to the last complete transaction, and cuts the log there, so that a torn tail
 * (a record half written when the server died) is never read again.
 */
final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    /** A data directory without a checkpoint starts from nothing. */
    static final ControlData INITIAL = new ControlData(0, 0, 1, MemoryCatalog.FIRST_NORMAL_OBJECT_ID, 0);

    /**
     * @param checkpoint the checkpoint loaded ({@link #INITIAL} when there was none)
     * @param nextXid    the first transaction id not used before
     */
    record Result(ControlData checkpoint, long nextXid) {
    }

    private Recovery() {
    }

    static Result run(CheckpointStore store, WriteAheadLog log, MemoryCatalog catalog) throws IOException {
        long start = System.nanoTime();
        ControlData control = store.readControl().orElse(INITIAL);
        long rows = load(store, control, catalog);
        if (control.checkpoint() > 0) {
            LOG.info("loaded checkpoint {} (redo at {}): {} tables, {} rows in {} ms", control.checkpoint(),
                    LogPositions.format(control.redoPosition()), catalog.all().size(), rows, millisSince(start));
        }

        long replayStart = System.nanoTime();
        RedoReplayer replayer = new RedoReplayer(catalog, control.redoPosition());
        String stopReason;
        try (LogReader reader = log.read(control.redoPosition())) {
            for (LogRecord record = reader.next(); record != null; record = reader.next()) {
                replayer.apply(record);
            }
            stopReason = reader.stopReason();
        } catch (CorruptDataException e) {
            throw new IOException("the write-ahead log holds a record that does not decode: " + e.getMessage(), e);
        }
        long end = replayer.completeEnd();
        log.truncate(end);
        if (replayer.records() > 0) {
            LOG.info("database system was not properly shut down; replayed {} log records from {} to {}: {} in {} ms;"
                            + " the log ended with {}", replayer.records(), LogPositions.format(control.redoPosition()),
                    LogPositions.format(end), replayer.counts(), millisSince(replayStart), stopReason);
        }
        if (replayer.incompleteTransactions() > 0) {
            LOG.info("ignored the records of {} transaction(s) that did not commit before the end of the log",
                    replayer.incompleteTransactions());
        }
        catalog.reserveOidsBelow(control.nextOid());
        return new Result(control, Math.max(control.nextXid(), replayer.highestXid() + 1));
    }

    private static long load(CheckpointStore store, ControlData control, MemoryCatalog catalog) throws IOException {
        List<CatalogEntry> entries = control.checkpoint() == 0 ? List.of() : store.readCatalog(control.checkpoint());
        long rows = 0;
        for (CatalogEntry entry : entries) {
            MemoryTable table = catalog.install(entry.info());
            rows += store.readTable(entry, table::put);
            table.reserveRowIdsBelow(entry.nextRowId());
            table.markCheckpointed(new MemoryTable.CheckpointMark(table.changes(), entry.generation()));
        }
        if (control.checkpoint() > 0) {
            store.readRoles(control.checkpoint()).ifPresent(catalog.roles()::replaceAll);
            catalog.privileges()
                    .replaceAll(CheckpointRecordFile.PRIVILEGES.read(store.base(), control.checkpoint()));
            catalog.memberships()
                    .replaceAll(CheckpointRecordFile.MEMBERSHIPS.read(store.base(), control.checkpoint()));
            catalog.defaultAcls()
                    .replaceAll(CheckpointRecordFile.DEFAULT_ACLS.read(store.base(), control.checkpoint()));
            catalog.commentStore().replaceAll(CheckpointRecordFile.COMMENTS.read(store.base(), control.checkpoint()));
        }
        for (org.modgres.api.storage.SchemaInfo schema : CheckpointRecordFile.SCHEMAS.read(store.base(),
                control.checkpoint())) {
            catalog.schemaObjects().installSchema(schema);
            catalog.reserveOidsBelow(schema.oid() + 1);
        }
        for (org.modgres.api.storage.ViewInfo view : CheckpointRecordFile.VIEWS.read(store.base(),
                control.checkpoint())) {
            catalog.schemaObjects().putView(view);
            catalog.reserveOidsBelow(view.oid() + 1);
        }
        for (SequenceEntry entry : CheckpointRecordFile.SEQUENCES.read(store.base(), control.checkpoint())) {
            catalog.sequences().install(new MemorySequence(entry.info(),
                    new MemorySequence.State(entry.lastValue(), entry.isCalled())));
            catalog.reserveOidsBelow(entry.info().oid() + 1);
        }
        int stray = store.removeUnreferenced(control.checkpoint(), entries);
        if (stray > 0) {
            LOG.info("removed {} file(s) of an unfinished checkpoint", stray);
        }
        return rows;
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
