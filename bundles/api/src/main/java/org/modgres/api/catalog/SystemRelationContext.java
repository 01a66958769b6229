package org.modgres.api.catalog;

import java.util.Map;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.SequenceValues;
import org.modgres.api.storage.Transaction;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Who reads a system relation or calls a system function, and in which transaction: what
 * {@code current_user}, {@code current_database()} and {@code pg_backend_pid()} return.
 * Provided by the executor from the statement's execution context.
 */
@ProviderType
public interface SystemRelationContext {

    /** Returns the statement's transaction. */
    Transaction transaction();

    /** Returns the role whose privileges apply ({@code current_user}). */
    String currentUser();

    /** Returns the role that connected ({@code session_user}). */
    String sessionUser();

    /** Returns the database the session is connected to. */
    String databaseName();

    /** Returns the backend's process id, as BackendKeyData announced it. */
    int processId();

    /** Returns the session's run-time parameters as SHOW shows them, by lower-case name. */
    default Map<String, String> settings() {
        return Map.of();
    }

    /**
     * Returns the values the session's sequences gave, for {@code currval} and {@code lastval}.
     *
     * @throws PgException 0A000 outside a session, which keeps none
     */
    default SequenceValues sequenceValues() {
        throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                "sequence values need a session");
    }

    /**
     * Changes a run-time parameter as SET (with {@code local}, SET LOCAL) does, for
     * {@code set_config}; returns the value now in effect, as SHOW shows it.
     *
     * @throws PgException 0A000 outside a session, which has no parameters to change
     */
    default String setSetting(String name, String value, boolean local) {
        throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "set_config needs a session");
    }
}
