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
 * @param roles          the session user and current role, which SET ROLE and SET SESSION
 *                       AUTHORIZATION change
 */
record SessionIdentity(String user, String database, int processId, SequenceValues sequenceValues,
                       SessionRoles roles) {

    /** Returns the current role, whose privileges statements are checked against. */
    String currentUser() {
        return roles.currentUser();
    }
}
