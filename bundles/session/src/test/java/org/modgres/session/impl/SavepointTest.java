package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SAVEPOINT, RELEASE and ROLLBACK TO, with PostgreSQL 15's tags, errors and semantics. */
class SavepointTest {

    private BackendFixture fixture;
    private PgTestClient client;

    @BeforeEach
    void connect() throws Exception {
        fixture = BackendFixture.start();
        client = fixture.client;
        client.query("create table t(id int)").expect("CZ");
    }

    @AfterEach
    void disconnect() throws Exception {
        fixture.close();
    }

    private List<String> ids() {
        return client.query("select id from t order by id").untilReady().stream()
                .filter(m -> m.type() == 'D').map(m -> m.texts().get(0)).toList();
    }

    @Test
    void rollback_to_undoes_what_came_after_the_savepoint_and_keeps_it() {
        client.query("begin; insert into t values (1)").expect("CCZ");
        assertEquals("SAVEPOINT", client.query("savepoint a").expect("CZ").get(0).tag());
        client.query("insert into t values (2)").expect("CZ");
        assertEquals("ROLLBACK", client.query("rollback to savepoint a").expect("CZ").get(0).tag());
        assertEquals(List.of("1"), ids());
        client.query("insert into t values (3)").expect("CZ");
        client.query("rollback to a").expect("CZ");
        assertEquals(List.of("1"), ids(), "the savepoint stayed after the first ROLLBACK TO");
        assertEquals("RELEASE", client.query("release a").expect("CZ").get(0).tag());
        client.query("commit").expect("CZ");
        assertEquals(List.of("1"), ids());
    }

    @Test
    void names_may_repeat_and_the_latest_counts() {
        client.query("begin; savepoint s; insert into t values (5); savepoint s; insert into t values (6)")
                .expect("CCCCCZ");
        client.query("rollback to s").expect("CZ");
        assertEquals(List.of("5"), ids());
        client.query("release s").expect("CZ");
        client.query("rollback to s").expect("CZ");
        assertEquals(List.of(), ids(), "releasing the inner s left the outer one");
        client.query("commit").expect("CZ");
    }

    @Test
    void release_drops_the_savepoint_and_those_after_it_but_keeps_their_changes() {
        client.query("begin; savepoint a; insert into t values (1); savepoint b; insert into t values (2)")
                .expect("CCCCCZ");
        client.query("release savepoint a").expect("CZ");
        var e = client.query("rollback to b").expect("EZ").get(0);
        assertEquals("3B001", e.sqlState());
        assertEquals("savepoint \"b\" does not exist", e.field('M'));
        client.query("rollback").expect("CZ");
        client.query("begin; savepoint a; insert into t values (1); release a; commit").expect("CCCCCZ");
        assertEquals(List.of("1"), ids());
    }

    @Test
    void rollback_to_revives_a_failed_block() {
        client.query("begin; insert into t values (1); savepoint a; insert into t values (2)").expect("CCCCZ");
        var failed = client.query("select * from nosuch").expect("EZ");
        assertEquals('E', failed.get(1).status());
        assertEquals("25P02", client.query("savepoint b").expect("EZ").get(0).sqlState());
        assertEquals("25P02", client.query("release a").expect("EZ").get(0).sqlState());
        var unknown = client.query("rollback to nosuch").expect("EZ");
        assertEquals("3B001", unknown.get(0).sqlState());
        assertEquals('E', unknown.get(1).status(), "still failed");
        var revived = client.query("rollback to a").expect("CZ");
        assertEquals('T', revived.get(1).status());
        client.query("insert into t values (3); commit").expect("CCZ");
        assertEquals(List.of("1", "3"), ids());
    }

    @Test
    void savepoints_need_a_transaction_block() {
        var m = client.query("savepoint a").expect("EZ").get(0);
        assertEquals("25P01", m.sqlState());
        assertEquals("SAVEPOINT can only be used in transaction blocks", m.field('M'));
        assertEquals("RELEASE SAVEPOINT can only be used in transaction blocks",
                client.query("release a").expect("EZ").get(0).field('M'));
        assertEquals("ROLLBACK TO SAVEPOINT can only be used in transaction blocks",
                client.query("rollback to savepoint a").expect("EZ").get(0).field('M'));
        assertEquals("SAVEPOINT can only be used in transaction blocks",
                client.query("select 1; savepoint a").expect("TDCEZ").get(3).field('M'),
                "a Query of several statements is no block for savepoints");
        var unknown = client.query("begin; release nosuch").expect("CEZ").get(1);
        assertEquals("3B001", unknown.sqlState());
        assertEquals("savepoint \"nosuch\" does not exist", unknown.field('M'));
        client.query("rollback").expect("CZ");
    }

    @Test
    void pgjdbc_savepoints_over_the_extended_protocol() {
        client.query("BEGIN").expect("CZ");
        client.parse("", "insert into t values (1)").bind("", "").execute("", 1).sync().expect("12CZ");
        var savepoint = client.parse("", "SAVEPOINT \"sp1\"").bind("", "").describePortal("").execute("", 1).sync()
                .expect("12nCZ");
        assertEquals("SAVEPOINT", savepoint.get(3).tag());
        client.parse("", "insert into t values (2)").bind("", "").execute("", 1).sync().expect("12CZ");
        client.parse("", "insert into t values (1 / 0)").bind("", "").execute("", 0).sync().expect("12EZ");
        var rollback = client.parse("", "ROLLBACK TO SAVEPOINT \"sp1\"").bind("", "").execute("", 1).sync()
                .expect("12CZ");
        assertEquals("ROLLBACK", rollback.get(2).tag());
        assertEquals('T', rollback.get(3).status());
        client.parse("S_2", "COMMIT").bind("", "S_2").execute("", 1).sync().expect("12CZ");
        assertEquals(List.of("1"), ids());
    }
}
