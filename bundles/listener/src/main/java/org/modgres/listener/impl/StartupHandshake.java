package org.modgres.listener.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

import org.modgres.api.error.Severity;
import org.modgres.api.session.ClientConnection;
import org.modgres.api.session.SessionManager;
import org.modgres.protocol.PgProtocolException;
import org.modgres.protocol.backend.ErrorResponse;
import org.modgres.protocol.codec.MessageWriter;
import org.modgres.protocol.codec.StartupDecoder;
import org.modgres.protocol.frontend.CancelRequest;
import org.modgres.protocol.frontend.GssEncRequest;
import org.modgres.protocol.frontend.SslRequest;
import org.modgres.protocol.frontend.StartupMessage;
import org.modgres.protocol.frontend.StartupPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a new connection's first packets: answers SSL and GSSAPI encryption requests with 'N'
 * (not offered yet), routes a CancelRequest, and hands a StartupMessage to the session manager.
 * A client that does not finish within the authentication timeout is dropped.
 */
final class StartupHandshake {

    private static final Logger LOG = LoggerFactory.getLogger(StartupHandshake.class);
    private static final byte REFUSE_ENCRYPTION = 'N';

    private final SessionManager sessions;
    private final int timeoutMillis;
    private final StartupDecoder decoder = new StartupDecoder();

    StartupHandshake(SessionManager sessions, int timeoutMillis) {
        this.sessions = sessions;
        this.timeoutMillis = timeoutMillis;
    }

    void run(Socket socket) {
        boolean handedOver = false;
        try {
            socket.setSoTimeout(timeoutMillis);
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            StartupPacket packet = decoder.read(in);
            if (packet instanceof SslRequest || packet instanceof GssEncRequest) {
                // SPEC (protocol-flow.html#PROTOCOL-FLOW-SSL): answer 'N', then the client sends its startup packet
                out.write(REFUSE_ENCRYPTION);
                out.flush();
                packet = decoder.read(in);
            }
            switch (packet) {
                case null -> LOG.debug("connection from {} closed before startup", socket.getRemoteSocketAddress());
                case CancelRequest cancel -> sessions.cancel(cancel.processId(), cancel.secretKey());
                case StartupMessage startup -> {
                    socket.setSoTimeout(0);
                    sessions.serve(new ClientConnection(socket, startup.protocolVersion(), startup.parameters()));
                    handedOver = true;
                }
                default -> throw PgProtocolException.fatal("unexpected encryption request after negotiation");
            }
        } catch (PgProtocolException e) {
            LOG.debug("rejecting connection from {}: {}", socket.getRemoteSocketAddress(), e.getMessage());
            sendFatal(socket, e);
        } catch (SocketTimeoutException e) {
            LOG.debug("incomplete startup packet from {}", socket.getRemoteSocketAddress());
        } catch (IOException e) {
            LOG.debug("connection from {} lost during startup: {}", socket.getRemoteSocketAddress(), e.getMessage());
        } finally {
            if (!handedOver) {
                closeQuietly(socket);
            }
        }
    }

    private static void sendFatal(Socket socket, PgProtocolException e) {
        try {
            MessageWriter writer = new MessageWriter();
            writer.write(new ErrorResponse(Severity.FATAL, e.sqlState().code(), e.getMessage(), null, null, 0));
            writer.flushTo(socket.getOutputStream());
        } catch (IOException ignored) {
            // the client is gone; nothing to tell it
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a broken socket can fail; it is closed either way
        }
    }
}
