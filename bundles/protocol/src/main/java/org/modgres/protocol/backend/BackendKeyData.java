package org.modgres.protocol.backend;

/** Gives the client the key it must send in a CancelRequest. */
public record BackendKeyData(int processId, int secretKey) implements BackendMessage {
    @Override
    public String toString() {
        return "BackendKeyData[processId=" + processId + "]";
    }
}
