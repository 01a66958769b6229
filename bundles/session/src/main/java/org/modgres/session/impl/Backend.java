package org.modgres.session.impl;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.ResultColumn;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.TablePrivilege;
import org.modgres.api.session.ClientConnection;
import org.modgres.api.session.SessionInfo;
import org.modgres.protocol.MessageType;
import org.modgres.protocol.PgProtocolException;
import org.modgres.protocol.backend.AuthenticationOk;
import org.modgres.protocol.backend.NegotiateProtocolVersion;
import org.modgres.protocol.backend.BackendKeyData;
import org.modgres.protocol.backend.ErrorResponse;
import org.modgres.protocol.backend.ParameterStatus;
import org.modgres.protocol.backend.ReadyForQuery;
import org.modgres.protocol.codec.MessageReader;
import org.modgres.protocol.frontend.Bind;
import org.modgres.protocol.frontend.Close;
import org.modgres.protocol.frontend.Describe;
import org.modgres.protocol.frontend.Execute;
import org.modgres.protocol.frontend.Flush;
import org.modgres.protocol.frontend.FrontendMessage;
import org.modgres.protocol.frontend.Parse;
import org.modgres.protocol.frontend.Query;
import org.modgres.protocol.frontend.Sync;
import org.modgres.protocol.frontend.Terminate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One backend: serves exactly one client connection from startup to Terminate, as a PostgreSQL
 * backend process does. It runs on its own virtual thread; nothing in it is shared with other
 * backends except through the services.
 */
final class Backend implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Backend.class);

    /** The databases a client may connect to. */
    private static final List<String> DATABASES = List.of("postgres", "template1");
    /** Startup parameters named so are protocol options, none of which this server knows. */
    private static final String PROTOCOL_OPTION_PREFIX = "_pq_.";
    /** The order PostgreSQL reports parameters in: by name. */
    private static final List<String> REPORTED_IN_ORDER = SessionSettings.REPORTED.stream().sorted().toList();

    final int processId;
    /** What this session's audit lines print in their log_line_prefix. */
    final LogLinePrefix.Session logSession;
    final int secretKey;
    final Services services;
    final Interrupts interrupts = new Interrupts();
    final SessionSettings settings;
    final TransactionBlock transactions;
    final Wire wire;
    final StatementRunner runner;

    private final ClientConnection connection;
    private final Runnable onExit;
    private final String user;
    private final String database;
    private final Instant started = Instant.now();
    private final SimpleQueryHandler simpleQueries;
    private final ExtendedQueryHandler extendedQueries;
    private volatile String state = "starting";
    /** Set once the client has authenticated, from when its connection counts against its role's limit. */
    private volatile boolean authenticated;
    private volatile String lastQuery = "";
    private volatile Instant queryStart;
    /** When the transaction of the latest statement started: that statement's start, or its block's. */
    private volatile Instant transactionStart;
    /** The number of transactions this backend started, the current one included: its local transaction id. */
    private volatile long localTransactions;
    private MessageReader reader;
    /** True after ReadyForQuery until the next message arrives: the client has nothing pending. */
    private boolean readyForCommand;
    private long readTimeoutMillis;
    /** After an error in the extended protocol, messages are skipped until Sync. */
    private boolean skippingUntilSync;
    /** The value of each reported parameter the client was last told, to report only changes. */
    private final Map<String, String> reportedParameters = new HashMap<>();
    /** The settings change count at the last report, so that a ReadyForQuery with nothing new compares nothing. */
    private long reportedAtChange = -1;

    Backend(int processId, int secretKey, ClientConnection connection, Services services, Runnable onExit)
            throws IOException {
        this.processId = processId;
        this.secretKey = secretKey;
        this.connection = connection;
        this.logSession = new LogLinePrefix.Session(processId, connection.socket().getRemoteSocketAddress());
        // every plan of this backend passes the privilege checks, whichever executor serves it
        this.services = GuardedServices.of(services);
        this.onExit = onExit;
        Map<String, String> startup = connection.startupParameters();
        this.user = startup.getOrDefault("user", "");
        this.database = startup.getOrDefault("database", user);
        this.settings = new SessionSettings(user);
        services.storage().serverSettings().forEach(settings::serverSetting);
        this.transactions = new TransactionBlock(services.storage(), settings, interrupts);
        this.wire = new Wire(connection.socket().getOutputStream());
        SessionRoles roles = new SessionRoles(services.roles(), settings, user);
        transactions.transactional(roles);
        this.runner = new StatementRunner(this.services, settings, transactions, interrupts, wire,
                new SessionIdentity(user, database, processId, new SessionSequenceValues(), roles));
        this.simpleQueries = new SimpleQueryHandler(this);
        this.extendedQueries = new ExtendedQueryHandler(this);
        transactions.onEnd(() -> {
            extendedQueries.closePortals();
            runner.transactionEnded();
        });
    }

    @Override
    public void run() {
        Socket socket = connection.socket();
        // backend threads carry the process id clients see, so that every log line names its backend
        Thread.currentThread().setName("backend-" + processId);
        long started = System.nanoTime();
        boolean authorized = false;
        services.audit().connectionReceived(logSession, socket.getRemoteSocketAddress());
        try (socket) {
            socket.setTcpNoDelay(true);
            reader = new MessageReader(new BufferedInputStream(socket.getInputStream(), 8192));
            if (startUp()) {
                authorized = true;
                serve(reader);
            }
        } catch (IOException e) {
            LOG.debug("backend {}: connection lost: {}", processId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("backend {} failed", processId, e);
        } finally {
            try {
                transactions.abandon();
            } catch (RuntimeException e) {
                LOG.error("backend {}: rollback at disconnect failed", processId, e);
            }
            if (authorized) {
                services.audit().disconnection(logSession, Duration.ofNanos(System.nanoTime() - started), user,
                        database, socket.getRemoteSocketAddress());
            }
            onExit.run();
        }
    }

    /**
     * As PostgreSQL, before authentication: a client that asks for a newer minor protocol
     * version or for protocol options ({@code _pq_.name}) learns that the server speaks 3.0 and
     * none of those options, and the session goes on in 3.0.
     */
    private void negotiateProtocolVersion() {
        List<String> unrecognized = connection.startupParameters().keySet().stream()
                .filter(name -> name.startsWith(PROTOCOL_OPTION_PREFIX)).toList();
        if ((connection.protocolVersion() & 0xffff) > 0 || !unrecognized.isEmpty()) {
            wire.send(new NegotiateProtocolVersion(0, unrecognized));
        }
    }

    /** Returns whether this backend's client authenticated as the role. */
    boolean authenticatedAs(String role) {
        return authenticated && user.equals(role);
    }

    /** Authenticates the client as pg_hba.conf says and reports the session's parameters. */
    private boolean startUp() throws IOException {
        negotiateProtocolVersion();
        if (user.isEmpty()) {
            sendFatal(new PgException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, Severity.FATAL,
                    "no PostgreSQL user name specified in startup packet", null, null, 0, null));
            return false;
        }
        RoleInfo role;
        try {
            role = new ClientAuthentication(connection.socket(), reader, wire, services.roles(), services.hba(), user,
                    database).authenticate();
        } catch (ClientAuthentication.ClientGoneException e) {
            LOG.debug("backend {}: {}", processId, e.getMessage());
            return false;
        } catch (PgException e) {
            sendFatal(e);
            return false;
        }
        settings.superuser(role.superuser());
        // as PostgreSQL's InitPostgres: superusers are not held to their role's limit
        if (!role.superuser() && role.connectionLimit() >= 0
                && services.connectionsOf(user, processId) >= role.connectionLimit()) {
            sendFatal(new PgException(SqlState.TOO_MANY_CONNECTIONS, Severity.FATAL,
                    "too many connections for role \"" + user + "\"", null, null, 0, null));
            return false;
        }
        authenticated = true;
        if (!DATABASES.contains(database)) {
            sendFatal(new PgException(SqlState.INVALID_CATALOG_NAME, Severity.FATAL,
                    "database \"" + database + "\" does not exist", null, null, 0, null));
            return false;
        }
        // as CheckMyDatabase: superusers need no CONNECT
        if (!role.superuser()
                && !new AccessControl(services.roles(), role.name()).holdsOnDatabase(database, TablePrivilege.CONNECT)) {
            sendFatal(new PgException(SqlState.INSUFFICIENT_PRIVILEGE, Severity.FATAL,
                    "permission denied for database \"" + database + "\"", "User does not have CONNECT privilege.",
                    null, 0, null));
            return false;
        }
        try {
            // the switches of "options" first, then the other parameters, which win, as in PostgreSQL
            Map<String, String> startup = connection.startupParameters();
            for (Map.Entry<String, String> option : StartupOptions.settings(startup.getOrDefault("options", ""))) {
                settings.set(option.getKey(), option.getValue());
            }
            for (Map.Entry<String, String> option : startup.entrySet()) {
                String name = option.getKey();
                if (!name.equals("user") && !name.equals("database") && !name.equals("options")
                        && !name.equals("replication") && !name.startsWith(PROTOCOL_OPTION_PREFIX)) {
                    settings.set(name, option.getValue());
                }
            }
            settings.resetTransactionCharacteristics();
        } catch (PgException e) {
            sendFatal(new PgException(e.sqlState(), Severity.FATAL, e.getMessage(), e.detail(), e.hint(), 0, null));
            return false;
        }
        wire.send(AuthenticationOk.INSTANCE);
        reportChangedParameters();
        wire.send(new BackendKeyData(processId, secretKey));
        // idle before the client can see ReadyForQuery, so nobody observes a ready backend "starting"
        state = "idle";
        readyForQuery();
        services.audit().connectionAuthorized(logSession, user, database, settings.get("application_name"));
        return true;
    }

    private void serve(MessageReader reader) throws IOException {
        while (true) {
            FrontendMessage message;
            try {
                armIdleInTransactionTimeout();
                message = reader.read();
                readyForCommand = false;
            } catch (SocketTimeoutException e) {
                LOG.debug("backend {}: idle in transaction for too long", processId);
                sendFatal(new PgException(SqlState.IDLE_IN_TRANSACTION_SESSION_TIMEOUT, Severity.FATAL,
                        "terminating connection due to idle-in-transaction timeout", null, null, 0, null));
                return;
            } catch (PgProtocolException e) {
                if (e.isFatal()) {
                    // answered here: by the time an exception leaves run()'s try the socket is closed
                    LOG.debug("backend {}: protocol violation: {}", processId, e.getMessage());
                    sendFatal(e);
                    return;
                }
                reportError(e, e.messageType() == MessageType.QUERY);
                continue;
            }
            if (message == null && interrupts.terminateRequested()) {
                sendFatal(new PgException(SqlState.ADMIN_SHUTDOWN, Severity.FATAL,
                        "terminating connection due to administrator command", null, null, 0, null));
                return;
            }
            if (message == null || message instanceof Terminate) {
                return;
            }
            if (skippingUntilSync && !(message instanceof Sync)) {
                continue;
            }
            try {
                dispatch(message);
            } catch (PgException e) {
                if (e.severity() == Severity.FATAL) {
                    // the connection ends: no ReadyForQuery, and no second error for the same cause
                    sendFatal(e);
                    return;
                }
                reportError(e, message instanceof Query);
            } catch (RuntimeException | LinkageError e) {
                // a LinkageError: a class of a planner or executor bundle replaced under the statement
                LOG.error("backend {}: internal error while handling {}", processId, message, e);
                reportError(new PgException(SqlState.INTERNAL_ERROR, "internal error: " + e), message instanceof Query);
            }
            if (interrupts.terminateRequested()) {
                sendFatal(new PgException(SqlState.ADMIN_SHUTDOWN, Severity.FATAL,
                        "terminating connection due to administrator command", null, null, 0, null));
                return;
            }
        }
    }

    private void dispatch(FrontendMessage message) throws IOException {
        switch (message) {
            case Query query -> {
                try {
                    simpleQueries.handle(query.sql());
                } finally {
                    state = "idle";
                }
                readyForQuery();
            }
            case Parse parse -> extendedQueries.parse(parse);
            case Bind bind -> extendedQueries.bind(bind);
            case Describe describe -> extendedQueries.describe(describe);
            case Execute execute -> {
                try {
                    extendedQueries.execute(execute);
                } finally {
                    state = "idle";
                }
            }
            case Close close -> extendedQueries.close(close);
            case Sync sync -> {
                skippingUntilSync = false;
                transactions.endImplicit();
                readyForQuery();
            }
            case Flush flush -> wire.flush();
            default -> throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    "message " + message.getClass().getSimpleName() + " is not supported yet");
        }
    }

    /** Sends an error: in the simple protocol ReadyForQuery follows, in the extended one Sync is awaited. */
    private void reportError(PgException e, boolean simpleQuery) throws IOException {
        LOG.debug("backend {}: {} {}", processId, e.sqlState().code(), e.getMessage());
        wire.send(ErrorResponse.of(e));
        transactions.fail();
        if (simpleQuery) {
            readyForQuery();
        } else {
            skippingUntilSync = true;
        }
    }

    /**
     * Limits how long the client may leave a transaction block open without sending a command,
     * as idle_in_transaction_session_timeout does; outside a block a backend may idle forever.
     */
    private void armIdleInTransactionTimeout() throws IOException {
        long timeout = readyForCommand && transactions.state() != TransactionBlock.State.IDLE
                ? settings.idleInTransactionTimeoutMillis()
                : 0;
        if (timeout != readTimeoutMillis) {
            connection.socket().setSoTimeout((int) timeout);
            readTimeoutMillis = timeout;
        }
    }

    /** Reports the parameters that changed, then that the backend is ready, as PostgreSQL does. */
    private void readyForQuery() throws IOException {
        readyForCommand = true;
        reportChangedParameters();
        wire.send(new ReadyForQuery(transactions.state().status));
        wire.flush();
    }

    private void reportChangedParameters() {
        if (settings.changes() == reportedAtChange) {
            return;
        }
        reportedAtChange = settings.changes();
        for (String name : REPORTED_IN_ORDER) {
            String value = settings.get(name);
            if (!value.equals(reportedParameters.put(name, value))) {
                wire.send(new ParameterStatus(SessionSettings.displayName(name), value));
            }
        }
    }

    private void sendFatal(PgException e) {
        try {
            wire.send(ErrorResponse.of(e));
            wire.flush();
        } catch (IOException ignored) {
            // the client is gone already; nothing left to tell it
        }
    }

    /**
     * Reads the next message of a COPY FROM STDIN: CopyData, CopyDone or CopyFail. Flush and Sync
     * are ignored there, as PostgreSQL does; anything else breaks the protocol.
     */
    FrontendMessage readCopyMessage() throws IOException {
        while (true) {
            FrontendMessage message = reader.read();
            switch (message) {
                case null -> throw new IOException("connection lost during COPY from stdin");
                case org.modgres.protocol.frontend.CopyData data -> {
                    return data;
                }
                case org.modgres.protocol.frontend.CopyDone done -> {
                    return done;
                }
                case org.modgres.protocol.frontend.CopyFail fail -> {
                    return fail;
                }
                case Flush flush -> {
                    // SPEC (protocol-flow.html#PROTOCOL-COPY): Flush and Sync are ignored during COPY IN
                }
                case Sync sync -> {
                    // see above
                }
                default -> throw PgProtocolException.fatal("unexpected message "
                        + message.getClass().getSimpleName() + " during COPY from stdin");
            }
        }
    }

    /** Sends up to {@code maxRows} rows of a running portal (all when 0) and returns how many. */
    long streamRows(Portal portal, List<ResultColumn> columns, int maxRows) throws IOException {
        long sent = 0;
        if (portal.cursor == null) {
            portal.exhausted = true;
            return 0;
        }
        while (maxRows <= 0 || sent < maxRows) {
            Object[] row;
            try {
                row = portal.cursor.next();
            } catch (PgException e) {
                // functions such as nextval('s.seq') check their schema as their rows are computed
                throw DeniedSchemaPositions.located(e, portal.statement.statement.kind(), portal.statement.sql);
            }
            if (row == null) {
                portal.exhausted = true;
                break;
            }
            wire.send(RowEncoder.encode(row, columns, portal, settings.timeZone()));
            sent++;
            wire.flushIfLarge();
        }
        return sent;
    }

    /**
     * Ends the backend from another thread, as pg_terminate_backend does: a running statement
     * stops at its next interrupt check, an idle backend wakes up from its read.
     */
    void terminate() {
        interrupts.requestTerminate();
        try {
            connection.socket().shutdownInput();
        } catch (IOException e) {
            LOG.debug("backend {}: shutting down input failed: {}", processId, e.getMessage());
        }
    }

    /** Records the statement now running, for pg_stat_activity. */
    void activity(String query) {
        Instant now = Instant.now();
        if (transactions.state() == TransactionBlock.State.IDLE) {
            transactionStart = now;
            localTransactions++;
        }
        queryStart = now;
        lastQuery = query;
        state = "active";
    }

    SessionInfo info() {
        String remote = String.valueOf(connection.socket().getRemoteSocketAddress());
        String status = switch (transactions.state()) {
            case IN_BLOCK -> "active".equals(state) ? state : "idle in transaction";
            case FAILED -> "idle in transaction (aborted)";
            case IDLE -> state;
        };
        boolean inTransaction = "active".equals(state) || transactions.state() != TransactionBlock.State.IDLE;
        return new SessionInfo(processId, user, database, settings.all().getOrDefault("application_name", ""),
                remote, status, lastQuery, started, inTransaction ? transactionStart : null, queryStart,
                localTransactions, inTransaction ? transactions.assignedTransactionId() : 0,
                inTransaction ? transactions.tableLocks() : List.of());
    }
}
