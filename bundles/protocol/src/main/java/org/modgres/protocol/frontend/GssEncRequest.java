package org.modgres.protocol.frontend;

/** Asks whether the server speaks GSSAPI encryption; the server answers with 'G' or 'N'. */
public record GssEncRequest() implements StartupPacket {
    public static final int CODE = 80877104;
    public static final GssEncRequest INSTANCE = new GssEncRequest();
}
