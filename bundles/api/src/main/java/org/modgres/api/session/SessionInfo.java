package org.modgres.api.session;

import java.time.Instant;

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
 */
public record SessionInfo(int processId, String user, String database, String applicationName,
                          String clientAddress, String state, String query, Instant backendStart,
                          Instant transactionStart, Instant queryStart) {

    /** A backend whose transaction and statement start times are not known. */
    public SessionInfo(int processId, String user, String database, String applicationName,
                       String clientAddress, String state, String query, Instant backendStart) {
        this(processId, user, database, applicationName, clientAddress, state, query, backendStart, null, null);
    }
}
