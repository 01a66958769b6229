package org.modgres.protocol.backend;

/** Ends an Execute that stopped at its row limit; the portal can be executed again. */
public record PortalSuspended() implements BackendMessage {
    public static final PortalSuspended INSTANCE = new PortalSuspended();
}
