package org.modgres.api.exec;

import java.util.List;

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
}
