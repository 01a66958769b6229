package org.modgres.shmem.impl.wal;

import java.io.IOException;

/**
 * An append-only sequence of checksummed records addressed by byte position, the unit of
 * durability: what is forced survives any crash. Kept to a few operations so that a replicated log
 * can take the local files' place (ARCHITECTURE.md section 10).
 *
 * <p>Life cycle: open, {@link #read} from the last checkpoint's position to find the valid end,
 * {@link #truncate} there, then {@link #append} and {@link #force} from any number of threads.
 */
public interface WriteAheadLog extends AutoCloseable {

    /** Reads the records from a position, which must be one where a record starts (or the end). */
    LogReader read(long from) throws IOException;

    /**
     * Discards everything from {@code end} on, durably, and makes {@code end} the place where appends
     * continue. Called once, after recovery found the valid end.
     */
    void truncate(long end) throws IOException;

    /**
     * Appends the batch's records after everything appended before, and returns the position where
     * they end. The batch belongs to the log afterwards. Returns before the records are durable:
     * {@link #force} waits for that.
     */
    long append(RecordBatch batch) throws IOException;

    /** Returns once everything before {@code position} is durable; concurrent callers share one flush. */
    void force(long position) throws IOException;

    /** Returns the position where the next append will go. */
    long endPosition();

    /** Returns the position up to which the log is known durable. */
    long durablePosition();

    /** Frees the space of records before {@code position}, which no recovery will read again. */
    void discardBefore(long position) throws IOException;

    /** Forces what was appended and releases the files; appends fail afterwards. */
    @Override
    void close() throws IOException;
}
