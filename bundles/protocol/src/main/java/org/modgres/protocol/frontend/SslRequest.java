package org.modgres.protocol.frontend;

/** Asks whether the server speaks SSL; the server answers with the single byte 'S' or 'N'. */
public record SslRequest() implements StartupPacket {
    public static final int CODE = 80877103;
    public static final SslRequest INSTANCE = new SslRequest();
}
