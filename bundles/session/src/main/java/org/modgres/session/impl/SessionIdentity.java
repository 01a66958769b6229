package org.modgres.session.impl;

/**
 * Who a backend serves, as statements see it through {@code current_user},
 * {@code current_database()} and {@code pg_backend_pid()}.
 *
 * @param user      the role the client connected as
 * @param database  the database it connected to
 * @param processId the backend's process id, as BackendKeyData announced it
 */
record SessionIdentity(String user, String database, int processId) {
}
