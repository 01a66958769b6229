package org.modgres.session.impl;

import org.modgres.api.storage.SequenceValues;

/**
 * Who a backend serves, as statements see it through {@code current_user},
 * {@code current_database()} and {@code pg_backend_pid()}.
 *
 * @param user      the role the client connected as
 * @param database  the database it connected to
 * @param processId      the backend's process id, as BackendKeyData announced it
 * @param sequenceValues the values sequences gave the backend, for currval and lastval
 */
record SessionIdentity(String user, String database, int processId, SequenceValues sequenceValues) {
}
