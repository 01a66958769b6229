package org.modgres.listener.impl;

import java.util.concurrent.locks.ReentrantLock;

import org.modgres.api.session.ClientConnection;
import org.modgres.api.session.SessionManager;

/**
 * {@code max_connections}: a connection is handed to the session manager only while fewer
 * backends than that run. The count is the session manager's own list of backends, which a
 * backend leaves when its connection ends however it ends, and which survives a restart of this
 * component (a new configuration) where a count kept here would start again from zero. Checking
 * and handing over under one lock keeps two startups from taking the last slot together; this
 * relies on {@link SessionManager#serve} listing the new backend before it returns, which it
 * does, as it returns at once.
 */
final class ConnectionAdmission {

    private final SessionManager sessions;
    private final int maxConnections;
    private final ReentrantLock lock = new ReentrantLock();

    ConnectionAdmission(SessionManager sessions, int maxConnections) {
        this.sessions = sessions;
        this.maxConnections = maxConnections;
    }

    /** Hands the connection over and returns true, or returns false when all slots are taken. */
    boolean serveIfRoom(ClientConnection connection) {
        lock.lock();
        try {
            if (sessions.sessions().size() >= maxConnections) {
                return false;
            }
            sessions.serve(connection);
            return true;
        } finally {
            lock.unlock();
        }
    }
}
