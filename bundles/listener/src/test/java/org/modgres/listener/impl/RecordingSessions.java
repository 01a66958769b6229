package org.modgres.listener.impl;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

import org.modgres.api.session.ClientConnection;
import org.modgres.api.session.SessionInfo;
import org.modgres.api.session.SessionManager;

/**
 * Records what the postmaster hands over, in place of the session bundle; served connections count
 * as running backends until ended.
 */
final class RecordingSessions implements SessionManager {

    final BlockingQueue<ClientConnection> served = new LinkedBlockingQueue<>();
    final BlockingQueue<int[]> cancels = new LinkedBlockingQueue<>();
    private final List<ClientConnection> running = new CopyOnWriteArrayList<>();

    @Override
    public void serve(ClientConnection connection) {
        running.add(connection);
        served.add(connection);
    }

    /** Ends a backend, as the session does when its client leaves. */
    void end(ClientConnection connection) throws java.io.IOException {
        running.remove(connection);
        connection.socket().close();
    }

    @Override
    public void cancel(int processId, int secretKey) {
        cancels.add(new int[] {processId, secretKey});
    }

    @Override
    public boolean cancelStatement(int processId) {
        return false;
    }

    @Override
    public List<SessionInfo> sessions() {
        return running.stream()
                .map(c -> new SessionInfo(0, c.startupParameters().get("user"), "", "", "", "idle", "", Instant.EPOCH))
                .toList();
    }

    @Override
    public boolean terminate(int processId) {
        return false;
    }
}
