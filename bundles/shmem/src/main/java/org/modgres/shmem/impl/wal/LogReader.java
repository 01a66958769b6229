package org.modgres.shmem.impl.wal;

import java.io.IOException;

/** Reads the log's records in order, up to the end of the log or the first record that does not check. */
public interface LogReader extends AutoCloseable {

    /** Returns the next record, or null when there is none that checks. */
    LogRecord next() throws IOException;

    /** Returns where the records read so far end: after {@code next()} returned null, the end of the valid log. */
    long position();

    /** After {@code next()} returned null, says why: the end of the log, or what was wrong with the record there. */
    String stopReason();

    @Override
    void close() throws IOException;
}
