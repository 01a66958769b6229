package org.modgres.protocol.frontend;

/**
 * Asks, on a connection of its own, to cancel the statement running in the backend identified by
 * the key it received in BackendKeyData. The server never answers it.
 */
public record CancelRequest(int processId, int secretKey) implements StartupPacket {
    public static final int CODE = 80877102;

    @Override
    public String toString() {
        return "CancelRequest[processId=" + processId + "]";
    }
}
