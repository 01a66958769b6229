package org.modgres.api.exec;

import org.osgi.annotation.versioning.ConsumerType;

/** The rows of a running statement, pulled by the session as the client asks for them. */
@ConsumerType
public interface RowCursor extends AutoCloseable {

    /**
     * Returns the next row, one value per result column, or {@code null} at the end.
     *
     * @throws org.modgres.api.error.PgException for errors while running
     */
    Object[] next();

    /** Returns the rows affected (DML) or returned so far (queries), for the command tag. */
    long rowCount();

    /** Releases what the cursor holds; the statement's effects stay. */
    @Override
    void close();
}
