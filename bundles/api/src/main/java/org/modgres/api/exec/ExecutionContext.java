package org.modgres.api.exec;

import java.util.List;
import java.util.Map;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.SequenceValues;
import org.modgres.api.storage.Transaction;
import org.osgi.annotation.versioning.ProviderType;

/** What an executor runs a plan with; provided by the session manager for each execution. */
@ProviderType
public interface ExecutionContext {

    /** Returns the transaction the statement runs in. */
    Transaction transaction();

    /** Returns the values of {@code $1..$n}, in the classes {@link org.modgres.api.type.PgType} names. */
    List<Object> parameters();

    /**
     * Throws when the statement must stop: cancelled by the client (57014) or timed out.
     * Executors call it regularly in long loops.
     */
    void checkInterrupts();

    /** Sends a NOTICE to the client, such as "table "t" does not exist, skipping". */
    void notice(String message);

    /** Sends a NOTICE with a DETAIL line, such as the objects a DROP ... CASCADE took with it. */
    default void notice(String message, String detail) {
        notice(message);
    }

    /**
     * Returns the role whose privileges apply, {@code current_user}. The defaults of this and the
     * following methods describe a session of the bootstrap superuser in database postgres.
     */
    default String currentUser() {
        return "postgres";
    }

    /** Returns the role that connected, {@code session_user}. */
    default String sessionUser() {
        return currentUser();
    }

    /** Returns the database the session is connected to. */
    default String databaseName() {
        return "postgres";
    }

    /** Returns the backend's process id, as BackendKeyData announced it; 0 outside a backend. */
    default int processId() {
        return 0;
    }

    /**
     * Returns the session's run-time parameters as SHOW shows them, by lower-case name: what
     * {@code pg_settings} and {@code current_setting} read. Empty outside a session.
     */
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
