package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Execute row limits, and how long portals live: until Close or the end of their transaction. */
class PortalLifetimeTest {

    private static final String FIVE_ROWS = "select id from t order by id";

    private BackendFixture fixture;
    private PgTestClient client;

    @BeforeEach
    void connect() throws Exception {
        fixture = BackendFixture.start();
        client = fixture.client;
        client.query("create table t(id int); insert into t values (1), (2), (3), (4), (5)").expect("CCZ");
    }

    @AfterEach
    void disconnect() throws Exception {
        fixture.close();
    }

    @Test
    void row_limit_suspends_the_portal_and_the_last_fetch_counts_its_own_rows() {
        var m = client.parse("", FIVE_ROWS).bind("", "").execute("", 2).execute("", 2).execute("", 2)
                .execute("", 2).sync().expect("12DDsDDsDCCZ");
        assertEquals(List.of("1", "2", "3", "4", "5"),
                m.stream().filter(r -> r.type() == 'D').map(r -> r.texts().get(0)).toList());
        assertEquals("SELECT 1", m.get(9).tag(), "PostgreSQL counts the rows of the completing Execute only");
        assertEquals("SELECT 0", m.get(10).tag(), "a completed query portal runs again with no rows");
    }

    @Test
    void row_limit_equal_to_the_rows_left_still_suspends() {
        client.parse("", "select id from t where id > 3").bind("", "").execute("", 2).execute("", 2).sync()
                .expect("12DDsCZ");
    }

    @Test
    void completed_portal_of_a_command_cannot_run_again() {
        var m = client.parse("", "insert into t values (6)").bind("", "").execute("", 0).execute("", 0).sync()
                .expect("12CEZ");
        assertEquals("INSERT 0 1", m.get(2).tag());
        assertEquals("55000", m.get(3).sqlState());
        assertEquals("portal \"\" cannot be run", m.get(3).field('M'));
    }

    @Test
    void named_portal_survives_sync_inside_a_block_and_dies_with_it() {
        client.query("begin").expect("CZ");
        var first = client.parse("", FIVE_ROWS).bind("cur", "").execute("cur", 2).sync().expect("12DDsZ");
        assertEquals('T', first.get(5).status());
        var next = client.execute("cur", 2).sync().expect("DDsZ");
        assertEquals(List.of("3"), next.get(0).texts());
        client.query("commit").expect("CZ");
        var gone = client.execute("cur", 2).sync().expect("EZ");
        assertEquals("34000", gone.get(0).sqlState());
        assertEquals("portal \"cur\" does not exist", gone.get(0).field('M'));
    }

    @Test
    void portal_outside_a_block_ends_at_sync() {
        client.parse("", FIVE_ROWS).bind("cur", "").execute("cur", 2).sync().expect("12DDsZ");
        assertEquals("34000", client.execute("cur", 2).sync().expect("EZ").get(0).sqlState());
    }

    @Test
    void portal_bound_but_never_run_ends_at_sync() {
        client.parse("", FIVE_ROWS).bind("cur", "").sync().expect("12Z");
        assertEquals("34000", client.execute("cur", 0).sync().expect("EZ").get(0).sqlState());
    }

    @Test
    void duplicate_named_portal_is_refused_in_a_block() {
        client.query("begin").expect("CZ");
        var m = client.parse("", FIVE_ROWS).bind("cur", "").bind("cur", "").sync().expect("12EZ");
        assertEquals("42P03", m.get(2).sqlState());
        assertEquals("cursor \"cur\" already exists", m.get(2).field('M'));
        assertEquals('E', m.get(3).status());
        client.query("rollback").expect("CZ");
    }

    @Test
    void unnamed_portal_is_replaced_by_the_next_bind() {
        var m = client.parse("", FIVE_ROWS).bind("", "").execute("", 1).bind("", "").execute("", 1).sync()
                .expect("12Ds2DsZ");
        assertEquals(List.of("1"), m.get(5).texts(), "the new portal starts from the first row");
    }

    @Test
    void suspended_portal_cannot_go_on_in_a_failed_block() {
        client.query("begin").expect("CZ");
        client.parse("", FIVE_ROWS).bind("cur", "").execute("cur", 1).sync().expect("12DsZ");
        client.query("select * from nosuch").expect("EZ");
        var m = client.execute("cur", 1).sync().expect("EZ");
        assertEquals("25P02", m.get(0).sqlState());
        assertEquals('E', m.get(1).status());
        client.query("rollback").expect("CZ");
    }
}
