package org.modgres.protocol.frontend;

/**
 * The first packet of a connection, which has no type byte: the postmaster reads one of these, and
 * reads again after answering an SSLRequest or GSSENCRequest.
 */
public sealed interface StartupPacket extends FrontendMessage
        permits SslRequest, GssEncRequest, CancelRequest, StartupMessage {
}
