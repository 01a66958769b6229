package org.modgres.listener.impl;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

import javax.net.ssl.SSLException;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
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
 * Reads a new connection's first packets, as PostgreSQL's ProcessStartupPacket does: negotiates
 * encryption (SSLRequest answered 'S' and a TLS handshake when TLS is configured and the
 * connection is TCP, else 'N'; GSSENCRequest always 'N'), routes a CancelRequest, and hands a
 * StartupMessage to the session manager unless {@code max_connections} backends already run. All
 * of it within the authentication timeout.
 */
final class StartupHandshake {

    private static final Logger LOG = LoggerFactory.getLogger(StartupHandshake.class);
    private static final byte ACCEPT_ENCRYPTION = 'S';
    private static final byte REFUSE_ENCRYPTION = 'N';

    private final SessionManager sessions;
    private final ConnectionAdmission admission;
    private final StartupDeadlines deadlines;
    private final ServerTls tls;
    private final StartupDecoder decoder = new StartupDecoder();

    /**
     * @param tls  the server's TLS setup, or null when {@code ssl} is off
     */
    StartupHandshake(SessionManager sessions, ConnectionAdmission admission, StartupDeadlines deadlines,
                     ServerTls tls) {
        this.sessions = sessions;
        this.admission = admission;
        this.deadlines = deadlines;
        this.tls = tls;
    }

    /** Serves one accepted connection's startup; closes it unless it was handed over. */
    void run(Socket accepted) {
        StartupDeadlines.Deadline deadline = deadlines.start(accepted);
        Socket socket = accepted;
        boolean handedOver = false;
        try {
            socket.setTcpNoDelay(true);
            boolean sslDone = false;
            boolean gssDone = false;
            StartupPacket packet;
            while (true) {
                packet = decoder.read(socket.getInputStream());
                if (packet instanceof SslRequest && !sslDone) {
                    sslDone = true;
                    Socket negotiated = negotiateTls(socket);
                    if (negotiated != socket) {
                        // SPEC (protocol-flow.html#PROTOCOL-FLOW-SSL): no GSSENCRequest inside a TLS session
                        gssDone = true;
                        socket = negotiated;
                    }
                } else if (packet instanceof GssEncRequest && !gssDone) {
                    gssDone = true;
                    answer(socket, REFUSE_ENCRYPTION, "GSSAPI encryption request");
                } else {
                    break;
                }
            }
            handedOver = finish(socket, packet, deadline);
        } catch (PgException e) {
            LOG.debug("rejecting connection from {}: {}", socket.getRemoteSocketAddress(), e.getMessage());
            sendFatal(socket, e.sqlState(), e.getMessage(), e.detail());
        } catch (SSLException e) {
            LOG.debug("could not accept SSL connection from {}: {}", socket.getRemoteSocketAddress(), e.getMessage());
        } catch (IOException e) {
            LOG.debug("connection from {} lost during startup: {}", socket.getRemoteSocketAddress(), e.getMessage());
        } finally {
            deadline.settle();
            if (!handedOver) {
                closeQuietly(socket);
            }
        }
    }

    /** Acts on the packet after the encryption negotiation; returns true when the connection was handed over. */
    private boolean finish(Socket socket, StartupPacket packet, StartupDeadlines.Deadline deadline)
            throws IOException {
        switch (packet) {
            case null -> LOG.debug("connection from {} closed before startup", socket.getRemoteSocketAddress());
            case CancelRequest cancel -> sessions.cancel(cancel.processId(), cancel.secretKey());
            case StartupMessage startup -> {
                if (!deadline.settle()) {
                    return false;
                }
                var connection = new ClientConnection(socket, startup.protocolVersion(), startup.parameters());
                if (admission.serveIfRoom(connection)) {
                    return true;
                }
                LOG.warn("refusing connection from {}: sorry, too many clients already",
                        socket.getRemoteSocketAddress());
                sendFatal(socket, SqlState.TOO_MANY_CONNECTIONS, "sorry, too many clients already", null);
            }
            case SslRequest _ -> throw unsupportedProtocol(SslRequest.CODE);
            case GssEncRequest _ -> throw unsupportedProtocol(GssEncRequest.CODE);
        }
        return false;
    }

    /**
     * Answers an SSLRequest: 'S' and the server's side of the TLS handshake when TLS is on and
     * the connection is TCP (PostgreSQL offers no TLS on Unix-domain sockets), else 'N'. Returns
     * the socket to go on with.
     */
    private Socket negotiateTls(Socket socket) throws IOException {
        if (tls == null || socket instanceof UnixDomainSocket) {
            answer(socket, REFUSE_ENCRYPTION, "SSL request");
            return socket;
        }
        answer(socket, ACCEPT_ENCRYPTION, "SSL request");
        return tls.accept(socket);
    }

    /**
     * Sends the one-byte answer to an encryption request. A client must wait for it before it
     * sends more: bytes there before the answer was sent were sent unencrypted, perhaps injected
     * by a man in the middle (CVE-2021-23214), and are refused after the answer, as in PostgreSQL.
     */
    private static void answer(Socket socket, byte answer, String request) throws IOException {
        // looked at before answering: afterwards the client may rightly be sending already
        boolean sentTooEarly = socket.getInputStream().available() > 0;
        OutputStream out = socket.getOutputStream();
        out.write(answer);
        out.flush();
        if (sentTooEarly) {
            throw PgProtocolException.fatal("received unencrypted data after " + request).withDetail(
                    "This could be either a client-software bug or evidence of an attempted man-in-the-middle attack.");
        }
    }

    /** A repeated encryption request is no known code, so it fails the version check, as in PostgreSQL. */
    private static PgProtocolException unsupportedProtocol(int code) {
        return PgProtocolException.fatal(SqlState.FEATURE_NOT_SUPPORTED, "unsupported frontend protocol "
                + (code >>> 16) + "." + (code & 0xffff) + ": server supports 3.0 to 3.0");
    }

    private static void sendFatal(Socket socket, SqlState sqlState, String message, String detail) {
        try {
            MessageWriter writer = new MessageWriter();
            writer.write(new ErrorResponse(Severity.FATAL, sqlState.code(), message, detail, null, 0));
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
