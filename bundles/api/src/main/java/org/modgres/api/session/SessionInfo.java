package org.modgres.api.session;

import java.time.Instant;
import java.util.List;

import org.modgres.api.storage.HeldTableLock;

/**
 * A running backend, as {@code pg_stat_activity} and the shell show it.
 *
 * @param processId       the backend's process id (from BackendKeyData)
 * @param user            the user it authenticated as
 * @param database        its database
 * @param applicationName the client's application_name
 * @param clientAddress   the client's address
 * @param state           {@code active}, {@code idle}, {@code idle in transaction}, ...
 * @param query           the statement running now, or the last one
 * @param backendStart    when the connection was accepted
 * @param transactionStart when its transaction started, or null outside a transaction
 * @param queryStart      when the statement running now, or the last one, started; null before the first
 * @param localTransactionId the number of the backend's current (or last) transaction, counting from 1
 *                        in each backend: the second half of PostgreSQL's virtual transaction id
 * @param transactionId   the id of the current transaction if it has one (it wrote), else 0
 * @param tableLocks      the table locks its transaction holds or waits for
 */
public record SessionInfo(int processId, String user, String database, String applicationName,
                          String clientAddress, String state, String query, Instant backendStart,
                          Instant transactionStart, Instant queryStart, long localTransactionId,
                          long transactionId, List<HeldTableLock> tableLocks) {

    public SessionInfo {
        tableLocks = List.copyOf(tableLocks);
    }

    /** A backend whose table locks are not known. */
    public SessionInfo(int processId, String user, String database, String applicationName,
                       String clientAddress, String state, String query, Instant backendStart,
                       Instant transactionStart, Instant queryStart, long localTransactionId,
                       long transactionId) {
        this(processId, user, database, applicationName, clientAddress, state, query, backendStart,
                transactionStart, queryStart, localTransactionId, transactionId, List.of());
    }

    /** A backend whose transaction numbers are not known. */
    public SessionInfo(int processId, String user, String database, String applicationName,
                       String clientAddress, String state, String query, Instant backendStart,
                       Instant transactionStart, Instant queryStart) {
        this(processId, user, database, applicationName, clientAddress, state, query, backendStart,
                transactionStart, queryStart, 0, 0);
    }

    /** A backend whose transaction and statement start times are not known. */
    public SessionInfo(int processId, String user, String database, String applicationName,
                       String clientAddress, String state, String query, Instant backendStart) {
        this(processId, user, database, applicationName, clientAddress, state, query, backendStart, null, null);
    }
}
