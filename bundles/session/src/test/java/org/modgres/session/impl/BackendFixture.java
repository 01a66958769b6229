package org.modgres.session.impl;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.modgres.api.exec.Executor;
import org.modgres.api.plan.Planner;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.session.ClientConnection;
import org.modgres.api.sql.SqlParser;
import org.modgres.api.storage.SharedStorage;
import org.modgres.executor.impl.InterpretingExecutor;
import org.modgres.parser.impl.PostgresSqlParser;
import org.modgres.planner.calcite.impl.CalcitePlanner;
import org.modgres.shmem.impl.SharedStorageImpl;

/**
 * One backend serving a real loopback connection, with the real parser, planner and executor
 * and a shared storage of its own, and the client talking to it.
 */
final class BackendFixture implements AutoCloseable {

    static final Map<String, String> POSTGRES = Map.of("user", "postgres", "database", "postgres");

    /** Planning and execution keep no state between statements, so every backend may share them. */
    static final SqlParser PARSER = new PostgresSqlParser();
    static final Planner PLANNER = new CalcitePlanner();
    static final Executor EXECUTOR = new InterpretingExecutor();

    /** Services whose storage is the shmem bundle's, which keeps the roles too; every connection is trusted. */
    record TestServices(SqlParser parser, Planner planner, Executor executor, SharedStorage storage)
            implements Services {
        @Override
        public RoleCatalog roles() {
            return (RoleCatalog) storage;
        }

        @Override
        public HbaConfiguration hba() {
            return HbaConfiguration.TRUST_ALL;
        }
    }

    /** The protocol version every client so far speaks: 3.0. */
    static final int PROTOCOL_3_0 = 3 << 16;

    final Services services;
    final Backend backend;
    final PgTestClient client;
    private final Socket serverSide;
    private final CountDownLatch exited = new CountDownLatch(1);

    private BackendFixture(Services services, Map<String, String> startupParameters) throws IOException {
        this(services, PROTOCOL_3_0, startupParameters);
    }

    private BackendFixture(Services services, int protocolVersion, Map<String, String> startupParameters)
            throws IOException {
        this.services = services;
        Socket[] sockets = loopbackPair();
        this.client = new PgTestClient(sockets[0]);
        this.serverSide = sockets[1];
        ClientConnection connection = new ClientConnection(serverSide, protocolVersion, startupParameters);
        this.backend = new Backend(4242, 0x5ec7e7, connection, services, exited::countDown);
        Thread.ofVirtual().name("test-backend").start(backend);
    }

    /** Returns a connected client socket and the server's side of it. */
    static Socket[] loopbackPair() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Socket clientSide = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            clientSide.setSoTimeout(20_000);
            return new Socket[] {clientSide, listener.accept()};
        }
    }

    /** Starts a backend whose startup messages the test reads itself. */
    static BackendFixture startRaw(Map<String, String> startupParameters) throws IOException {
        return startRaw(PROTOCOL_3_0, startupParameters);
    }

    /** Starts a backend for a client that asked for this protocol version, and reads nothing. */
    static BackendFixture startRaw(int protocolVersion, Map<String, String> startupParameters) throws IOException {
        return new BackendFixture(new TestServices(PARSER, PLANNER, EXECUTOR, new SharedStorageImpl()),
                protocolVersion, startupParameters);
    }

    /** Starts a backend for the postgres user on these services, and reads its startup messages. */
    static BackendFixture start(Services services) throws IOException {
        BackendFixture fixture = new BackendFixture(services, POSTGRES);
        fixture.client.untilReady();
        return fixture;
    }

    /** Starts a second backend on the storage of another, as a second connection to the same server. */
    static BackendFixture startSharing(BackendFixture other) throws IOException {
        BackendFixture fixture = new BackendFixture(other.services, POSTGRES);
        fixture.client.untilReady();
        return fixture;
    }

    /** Starts a second backend on the storage of another, connected as another role. */
    static BackendFixture startSharing(BackendFixture other, String user) throws IOException {
        BackendFixture fixture = new BackendFixture(other.services, Map.of("user", user, "database", "postgres"));
        fixture.client.untilReady();
        return fixture;
    }

    /** Starts a backend for the postgres user and reads its startup messages up to ReadyForQuery. */
    static BackendFixture start() throws IOException {
        BackendFixture fixture = startRaw(POSTGRES);
        fixture.client.untilReady();
        return fixture;
    }

    /** Waits for the backend to end and reports whether it did. */
    boolean awaitExit() throws InterruptedException {
        return exited.await(10, TimeUnit.SECONDS);
    }

    /**
     * Terminates the session as a client does and checks that the server had sent nothing more
     * than the test read, then that the backend ended.
     */
    @Override
    public void close() throws IOException {
        try {
            client.terminate();
            if (!client.closedByServer()) {
                throw new AssertionError("the server sent more than the test read, or kept the connection open");
            }
            if (!awaitExit()) {
                throw new AssertionError("the backend did not end after Terminate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the backend to end", e);
        } finally {
            client.close();
            serverSide.close();
        }
    }
}
