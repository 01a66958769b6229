package org.modgres.api.session;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Starts and tracks the backends. The listener (the postmaster) accepts a connection, reads its
 * startup packet and hands it over here; from then on one backend serves that client alone.
 */
@ProviderType
public interface SessionManager {

    /**
     * Starts a backend for a client whose StartupMessage has been read. Returns at once; the
     * backend runs on its own virtual thread and closes the connection when it ends.
     */
    void serve(ClientConnection connection);

    /**
     * Asks the backend with this process id to cancel its running statement, if the secret
     * matches (a CancelRequest). Unknown ids and wrong secrets are ignored, as PostgreSQL does.
     */
    void cancel(int processId, int secretKey);

    /**
     * Cancels the running statement of a backend as {@code pg_cancel_backend} does, without its
     * secret key: for administrators only. Returns false when there is no such backend.
     */
    boolean cancelStatement(int processId);

    /** Returns the backends now running. */
    List<SessionInfo> sessions();

    /** Ends a backend as {@code pg_terminate_backend} does; returns false when there is none. */
    boolean terminate(int processId);
}
