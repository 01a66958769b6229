package org.modgres.session.impl;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLSocket;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleInfo;
import org.modgres.protocol.PgProtocolException;
import org.modgres.protocol.backend.AuthenticationCleartextPassword;
import org.modgres.protocol.backend.AuthenticationMD5Password;
import org.modgres.protocol.backend.AuthenticationSasl;
import org.modgres.protocol.backend.AuthenticationSaslContinue;
import org.modgres.protocol.backend.AuthenticationSaslFinal;
import org.modgres.protocol.codec.MessageReader;
import org.modgres.protocol.codec.SaslInitialResponseDecoder;
import org.modgres.protocol.frontend.FrontendMessage;
import org.modgres.protocol.frontend.PasswordMessage;
import org.modgres.protocol.frontend.SaslInitialResponse;
import org.modgres.session.impl.auth.HbaRule;
import org.modgres.session.impl.auth.PasswordHashes;
import org.modgres.session.impl.auth.ScramExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates a client as PostgreSQL's ClientAuthentication does: the first pg_hba.conf line
 * that matches the connection names the method; password methods check the role's stored
 * verifier; then the role must exist and may log in. Every failure is a FATAL error for the client
 * and a log line for the operator, neither of which ever holds a password.
 */
final class ClientAuthentication {

    private static final Logger LOG = LoggerFactory.getLogger(ClientAuthentication.class);
    private static final String SCRAM_SHA_256 = "SCRAM-SHA-256";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The client closed the connection during authentication, as psql does before it prompts for a password. */
    static final class ClientGoneException extends IOException {
        private static final long serialVersionUID = 1L;

        ClientGoneException() {
            super("the client closed the connection during authentication");
        }
    }

    private final Socket socket;
    private final MessageReader reader;
    private final Wire wire;
    private final RoleCatalog roles;
    private final HbaConfiguration hba;
    private final String user;
    private final String database;

    ClientAuthentication(Socket socket, MessageReader reader, Wire wire, RoleCatalog roles, HbaConfiguration hba,
                         String user, String database) {
        this.socket = socket;
        this.reader = reader;
        this.wire = wire;
        this.roles = roles;
        this.hba = hba;
        this.user = user;
        this.database = database;
    }

    /** Runs the exchange the matching rule asks for; returns the role that logged in. */
    RoleInfo authenticate() throws IOException {
        SocketAddress remote = socket.getRemoteSocketAddress();
        boolean local = !(remote instanceof InetSocketAddress);
        boolean ssl = socket instanceof SSLSocket;
        InetAddress address = local ? null : ((InetSocketAddress) remote).getAddress();
        String host = local ? "[local]" : address.getHostAddress();
        String encryption = ssl ? "SSL encryption" : "no encryption";
        Optional<RoleInfo> role = roles.role(user);
        Optional<HbaRule> rule = hba.find(local, ssl, address, database, user);
        if (rule != null) {
            if (rule.isEmpty()) {
                String message = "no pg_hba.conf entry for host \"" + host + "\", user \"" + user + "\", database \""
                        + database + "\", " + encryption;
                LOG.warn("connection refused: {}", message);
                throw fatal(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, message);
            }
            HbaRule matched = rule.get();
            switch (matched.method()) {
                case TRUST -> { }
                case REJECT -> {
                    String message = "pg_hba.conf rejects connection for host \"" + host + "\", user \"" + user
                            + "\", database \"" + database + "\", " + encryption;
                    LOG.warn("connection refused: {} (pg_hba.conf line {})", message, matched.line());
                    throw fatal(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, message);
                }
                default -> checkPassword(matched, role.orElse(null), host);
            }
        }
        if (role.isEmpty()) {
            LOG.warn("connection refused for host \"{}\": role \"{}\" does not exist", host, user);
            throw fatal(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "role \"" + user + "\" does not exist");
        }
        if (!role.get().canLogin()) {
            LOG.warn("connection refused for host \"{}\": role \"{}\" is not permitted to log in", host, user);
            throw fatal(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                    "role \"" + user + "\" is not permitted to log in");
        }
        return role.get();
    }

    private void checkPassword(HbaRule rule, RoleInfo role, String host) throws IOException {
        String stored = role == null ? null : role.password();
        String reason;
        boolean passed;
        switch (rule.method()) {
            case PASSWORD -> {
                wire.send(AuthenticationCleartextPassword.INSTANCE);
                wire.flush();
                String password = readPassword().password();
                passed = PasswordHashes.matches(password, user, stored);
                reason = password.isEmpty() ? "Empty password returned by client." : "Password does not match.";
            }
            case MD5 -> {
                if (PasswordHashes.isScram(stored)) {
                    passed = scram(stored);
                } else {
                    passed = md5(stored);
                }
                reason = "Password does not match.";
            }
            default -> {
                passed = scram(stored);
                reason = stored != null && !PasswordHashes.isScram(stored)
                        ? "User \"" + user + "\" does not have a valid SCRAM secret." : "Password does not match.";
            }
        }
        if (role == null) {
            passed = false;
            reason = "Role \"" + user + "\" does not exist.";
        } else if (stored == null) {
            passed = false;
            reason = "User \"" + user + "\" has no password assigned.";
        } else if (passed && role.validUntil() != null && role.validUntil().isBefore(Instant.now())) {
            passed = false;
            reason = "User \"" + user + "\" has an expired password.";
        }
        if (!passed) {
            LOG.warn("password authentication failed for user \"{}\" from host \"{}\": {} Connection matched"
                    + " pg_hba.conf line {}: \"{}\"", user, host, reason, rule.line(), rule.text());
            throw fatal(SqlState.INVALID_PASSWORD, "password authentication failed for user \"" + user + "\"");
        }
    }

    /** Runs a SCRAM-SHA-256 exchange; a role without a verifier gets a mock one that fails at the end. */
    private boolean scram(String stored) throws IOException {
        wire.send(new AuthenticationSasl(List.of(SCRAM_SHA_256)));
        wire.flush();
        SaslInitialResponse initial;
        try {
            initial = SaslInitialResponseDecoder.decode(readPassword());
        } catch (PgProtocolException e) {
            throw fatal(SqlState.PROTOCOL_VIOLATION, "malformed SASLInitialResponse");
        }
        if (!initial.mechanism().equals(SCRAM_SHA_256)) {
            throw fatal(SqlState.PROTOCOL_VIOLATION, "client selected an invalid SASL authentication mechanism");
        }
        if (initial.data() == null) {
            throw fatal(SqlState.PROTOCOL_VIOLATION, "malformed SCRAM message");
        }
        ScramExchange exchange = new ScramExchange(stored, user);
        wire.send(new AuthenticationSaslContinue(exchange.serverFirst(initial.data())));
        wire.flush();
        byte[] serverFinal = exchange.serverFinal(readPassword().data());
        if (serverFinal == null) {
            return false;
        }
        wire.send(new AuthenticationSaslFinal(serverFinal));
        return true;
    }

    /** Runs the MD5 challenge: the client answers md5(md5(password || user) || salt). */
    private boolean md5(String stored) throws IOException {
        byte[] salt = new byte[4];
        RANDOM.nextBytes(salt);
        wire.send(new AuthenticationMD5Password(salt));
        wire.flush();
        return PasswordHashes.md5ChallengeMatches(stored, salt, readPassword().password());
    }

    private PasswordMessage readPassword() throws IOException {
        FrontendMessage message;
        try {
            message = reader.read();
        } catch (PgProtocolException e) {
            throw new PgException(SqlState.PROTOCOL_VIOLATION, Severity.FATAL, e.getMessage(), null, null, 0, null);
        }
        if (message == null) {
            throw new ClientGoneException();
        }
        if (!(message instanceof PasswordMessage password)) {
            throw fatal(SqlState.PROTOCOL_VIOLATION, "expected password response, got message type "
                    + message.getClass().getSimpleName());
        }
        return password;
    }

    private static PgException fatal(SqlState state, String message) {
        return new PgException(state, Severity.FATAL, message, null, null, 0, null);
    }
}
