package org.modgres.shmem.impl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.LongConsumer;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.shmem.impl.wal.RecordBatch;
import org.modgres.shmem.impl.wal.WriteAheadLog;

/** Where committing transactions put their log records, and how long commit waits for them. */
interface Journal {

    /** Keeps nothing: for storage without a data directory. */
    Journal NONE = new Journal() {
        @Override
        public boolean records() {
            return false;
        }

        @Override
        public long append(RecordBatch records) {
            return 0;
        }

        @Override
        public void awaitDurable(long position) {
        }

        @Override
        public Path spillDirectory() {
            return null;
        }
    };

    /** Whether transactions encode their changes for {@link #append}. */
    boolean records();

    /** Appends a committing transaction's records; returns where they end. */
    long append(RecordBatch records);

    /** Returns once the commit whose records end at {@code position} is as durable as the settings ask. */
    void awaitDurable(long position);

    /** Where a transaction with many records keeps them until it commits (see {@link RedoSpill}), or null. */
    Path spillDirectory();

    /**
     * The write-ahead log as a journal.
     *
     * @param synchronousCommit whether commit waits for the log to be forced; when off, a crash may
     *                          lose the commits of the last moments (the log's flush delay)
     * @param appended          told the log's end after every append, to start a checkpoint when
     *                          the log has grown enough
     * @param spillDirectory    where large transactions keep their records until commit
     */
    static Journal of(WriteAheadLog log, boolean synchronousCommit, LongConsumer appended, Path spillDirectory) {
        return new Journal() {
            @Override
            public boolean records() {
                return true;
            }

            @Override
            public long append(RecordBatch records) {
                long end;
                try {
                    end = log.append(records);
                } catch (IOException e) {
                    throw failure("could not write to the write-ahead log", e);
                }
                appended.accept(end);
                return end;
            }

            @Override
            public void awaitDurable(long position) {
                if (!synchronousCommit) {
                    return;
                }
                try {
                    log.force(position);
                } catch (IOException e) {
                    throw failure("could not flush the write-ahead log", e);
                }
            }

            @Override
            public Path spillDirectory() {
                return spillDirectory;
            }
        };
    }

    private static PgException failure(String what, IOException e) {
        return new PgException(SqlState.INTERNAL_ERROR, what + ": " + e.getMessage(), e);
    }
}
