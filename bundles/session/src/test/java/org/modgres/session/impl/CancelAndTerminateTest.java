package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.util.List;
import java.util.StringJoiner;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.session.ClientConnection;
import org.modgres.api.session.SessionInfo;
import org.modgres.shmem.impl.SharedStorageImpl;
import org.osgi.framework.ServiceReference;

/**
 * Cancel requests and terminations through the session manager, as the listener and the shell
 * send them, against statements that run long enough to be interrupted.
 */
class CancelAndTerminateTest {

    /** A three-way cross join of this many rows runs for over ten seconds, checking for interrupts as it goes. */
    private static final int ROWS = 600;
    private static final String LONG_QUERY = "select count(*) from big a, big b, big c";

    private final SharedStorageImpl storage = new SharedStorageImpl();
    private final SessionManagerImpl manager = new SessionManagerImpl(storage, storage, HbaConfiguration.TRUST_ALL);
    private PgTestClient client;
    private int processId;
    private int secretKey;

    @BeforeEach
    void connect() throws Exception {
        // DS would inject the parser into its field and call the bind methods of the others
        Field parser = SessionManagerImpl.class.getDeclaredField("parser");
        parser.setAccessible(true);
        parser.set(manager, BackendFixture.PARSER);
        manager.bindPlanner(BackendFixture.PLANNER, reference());
        manager.bindExecutor(BackendFixture.EXECUTOR, reference());

        Socket[] sockets = BackendFixture.loopbackPair();
        client = new PgTestClient(sockets[0]);
        manager.serve(new ClientConnection(sockets[1], 196608, BackendFixture.POSTGRES));
        var startup = client.untilReady();
        ServerMessage key = startup.get(startup.size() - 2);
        processId = key.int32(0);
        secretKey = key.int32(4);

        StringJoiner values = new StringJoiner(", ", "insert into big values ", "");
        for (int i = 0; i < ROWS; i++) {
            values.add("(" + i + ")");
        }
        client.query("create table big(id int); " + values).expect("CCZ");
    }

    @AfterEach
    void disconnect() throws Exception {
        client.close();
        manager.deactivate();
    }

    @SuppressWarnings("unchecked")
    private static <T> ServiceReference<T> reference() {
        return (ServiceReference<T>) Proxy.newProxyInstance(CancelAndTerminateTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> null);
    }

    private SessionInfo session() {
        return manager.sessions().stream().filter(s -> s.processId() == processId).findFirst().orElse(null);
    }

    /** Waits until the backend runs the statement, then a little longer so that it is well inside it. */
    private void awaitRunning() throws InterruptedException {
        for (int i = 0; i < 200 && !"active".equals(session().state()); i++) {
            Thread.sleep(10);
        }
        assertEquals("active", session().state());
        Thread.sleep(200);
    }

    @Test
    void cancel_request_stops_the_running_statement_and_the_session_goes_on() throws Exception {
        client.query(LONG_QUERY).send();
        awaitRunning();
        manager.cancel(processId, secretKey + 1);
        Thread.sleep(200);
        assertEquals("active", session().state(), "a cancel request with the wrong key is ignored");
        manager.cancel(processId, secretKey);
        var m = client.expect("TEZ");
        assertEquals("57014", m.get(1).sqlState());
        assertEquals("canceling statement due to user request", m.get(1).field('M'));
        assertEquals('I', m.get(2).status());
        assertEquals(List.of("1"), client.query("select 1").expect("TDCZ").get(1).texts());
    }

    @Test
    void cancel_inside_a_block_fails_the_block() throws Exception {
        client.query("begin").expect("CZ");
        client.parse("", LONG_QUERY).bind("", "").execute("", 0).sync().send();
        awaitRunning();
        assertTrue(manager.cancelStatement(processId));
        var m = client.expect("12EZ");
        assertEquals("57014", m.get(2).sqlState());
        assertEquals('E', m.get(3).status());
        assertEquals("idle in transaction (aborted)", session().state());
        client.query("rollback").expect("CZ");
    }

    @Test
    void cancel_while_idle_is_forgotten() {
        manager.cancel(processId, secretKey);
        var m = client.query("select count(*) from big a, big b").expect("TDCZ");
        assertEquals(List.of(String.valueOf(ROWS * ROWS)), m.get(1).texts(), "checked for interrupts, ran to its end");
    }

    @Test
    void terminating_an_idle_backend_sends_one_fatal_error_and_closes() throws Exception {
        assertTrue(manager.terminate(processId));
        assertAdministratorTermination();
    }

    @Test
    void terminating_a_running_statement_sends_one_fatal_error_and_closes() throws Exception {
        client.query(LONG_QUERY).send();
        awaitRunning();
        assertTrue(manager.terminate(processId));
        assertEquals('T', client.read().type(), "the query had described its result, as in PostgreSQL");
        assertAdministratorTermination();
    }

    private void assertAdministratorTermination() throws InterruptedException {
        var fatal = client.read();
        assertEquals('E', fatal.type());
        assertEquals("FATAL", fatal.field('S'));
        assertEquals("57P01", fatal.sqlState());
        assertEquals("terminating connection due to administrator command", fatal.field('M'));
        assertTrue(client.closedByServer(), "nothing follows the fatal error");
        for (int i = 0; i < 500 && session() != null; i++) {
            Thread.sleep(10);
        }
        assertNull(session(), "the backend left the session list");
        assertFalse(manager.terminate(processId));
    }

    @Test
    void session_list_shows_the_state_of_each_backend() {
        SessionInfo idle = session();
        assertEquals("postgres", idle.user());
        assertEquals("postgres", idle.database());
        assertEquals("idle", idle.state());
        client.query("begin").expect("CZ");
        assertEquals("idle in transaction", session().state());
        client.query("rollback").expect("CZ");
    }

    @Test
    void session_list_shows_when_the_transaction_and_the_statement_started() throws InterruptedException {
        assertNull(session().transactionStart());
        client.query("begin").expect("CZ");
        Thread.sleep(5);
        client.query("select 1").expect("TDCZ");
        SessionInfo inBlock = session();
        assertEquals("select 1", inBlock.query());
        assertTrue(inBlock.transactionStart().isBefore(inBlock.queryStart()),
                () -> inBlock.transactionStart() + " " + inBlock.queryStart());
        assertFalse(inBlock.backendStart().isAfter(inBlock.transactionStart()));
        client.query("commit").expect("CZ");
        SessionInfo after = session();
        assertNull(after.transactionStart());
        assertEquals("commit", after.query());
    }
}
