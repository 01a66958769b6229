package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two backends on one storage: each statement's snapshot under READ COMMITTED, the first one
 * under REPEATABLE READ, and a statement waiting for a row lock that a cancel, a timeout or the
 * end of the other transaction ends.
 */
class ConcurrentTransactionsTest {

    private BackendFixture first;
    private BackendFixture second;
    private PgTestClient a;
    private PgTestClient b;

    @BeforeEach
    void connect() throws Exception {
        first = BackendFixture.start();
        second = BackendFixture.startSharing(first);
        a = first.client;
        b = second.client;
        a.query("create table t(id int primary key, v int); insert into t values (1, 0)").expect("CCZ");
    }

    @AfterEach
    void disconnect() throws Exception {
        second.close();
        first.close();
    }

    private static String count(PgTestClient client) {
        return client.query("select count(*) from t").expect("TDCZ").get(1).texts().get(0);
    }

    /** Waits until the second backend runs its statement, then a little longer so that it waits inside it. */
    private void awaitSecondWaiting() throws InterruptedException {
        for (int i = 0; i < 200 && !"active".equals(second.backend.info().state()); i++) {
            Thread.sleep(10);
        }
        assertEquals("active", second.backend.info().state());
        Thread.sleep(200);
    }

    @Test
    void read_committed_takes_a_snapshot_for_each_statement() {
        b.query("begin").expect("CZ");
        assertEquals("1", count(b));
        a.query("insert into t values (2, 0)").expect("CZ");
        assertEquals("2", count(b));
        b.query("commit").expect("CZ");
    }

    @Test
    void repeatable_read_keeps_the_snapshot_of_its_first_statement() {
        b.query("begin isolation level repeatable read").expect("CZ");
        a.query("insert into t values (2, 0)").expect("CZ");
        assertEquals("2", count(b), "the snapshot is taken by the first statement, not by BEGIN");
        a.query("insert into t values (3, 0)").expect("CZ");
        assertEquals("2", count(b));
        b.query("commit").expect("CZ");
        assertEquals("3", count(b));
    }

    @Test
    void waiting_for_a_row_lock_ends_with_a_cancel() throws Exception {
        a.query("begin; update t set v = 1 where id = 1").expect("CCZ");
        b.query("update t set v = 2 where id = 1").send();
        awaitSecondWaiting();
        second.backend.interrupts.requestCancel();
        var m = b.expect("EZ");
        assertEquals("57014", m.get(0).sqlState());
        assertEquals("canceling statement due to user request", m.get(0).field('M'));
        a.query("commit").expect("CZ");
        assertEquals(List.of("1"), b.query("select v from t").expect("TDCZ").get(1).texts());
    }

    @Test
    void waiting_for_a_row_lock_ends_with_the_statement_timeout() throws Exception {
        a.query("begin; delete from t where id = 1").expect("CCZ");
        b.query("set statement_timeout = '300ms'").expect("CZ");
        long start = System.nanoTime();
        var m = b.query("update t set v = 2 where id = 1").expect("EZ");
        assertEquals("canceling statement due to statement timeout", m.get(0).field('M'));
        assertEquals(true, (System.nanoTime() - start) / 1_000_000 < 5_000);
        a.query("rollback").expect("CZ");
    }

    @Test
    void waiting_writer_goes_on_when_the_other_transaction_rolls_back() throws Exception {
        a.query("begin; update t set v = 1 where id = 1").expect("CCZ");
        b.query("update t set v = 2 where id = 1").send();
        awaitSecondWaiting();
        a.query("rollback").expect("CZ");
        assertEquals("UPDATE 1", b.expect("CZ").get(0).tag());
        assertEquals(List.of("2"), a.query("select v from t").expect("TDCZ").get(1).texts());
    }

    @Test
    void rollback_to_savepoint_releases_the_row_locks_taken_after_it() {
        a.query("begin; savepoint s; update t set v = 1 where id = 1; rollback to s").expect("CCCCZ");
        assertEquals("UPDATE 1", b.query("update t set v = 2 where id = 1").expect("CZ").get(0).tag());
        a.query("commit").expect("CZ");
        assertEquals(List.of("2"), a.query("select v from t").expect("TDCZ").get(1).texts());
    }
}
