package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TRUNCATE, VACUUM, ANALYZE and ALTER TABLE through a backend, as pgbench sends them; tags,
 * errors and messages as PostgreSQL 15 answers the same statements.
 */
class TableCommandsTest {

    private BackendFixture fixture;
    private PgTestClient client;

    @BeforeEach
    void connect() throws Exception {
        fixture = BackendFixture.start();
        client = fixture.client;
        client.query("create table a(id int, v int); create table b(id int); "
                + "insert into a values (1, 1), (2, 2); insert into b values (1)").expect("CCCCZ");
    }

    @AfterEach
    void disconnect() throws Exception {
        fixture.close();
    }

    private String count(String table) {
        return client.query("select count(*) from " + table).expect("TDCZ").get(1).texts().get(0);
    }

    @Test
    void pgbench_initialisation_runs_as_on_postgres() {
        client.query("drop table if exists a, b").expect("CZ");
        client.query("create table pgbench_tellers(tid int not null,bid int,tbalance int,filler char(84)) "
                + "with (fillfactor=100)").expect("CZ");
        client.query("create table pgbench_history(tid int,bid int,aid    int,delta int,mtime timestamp,filler char(22))")
                .expect("CZ");
        client.query("begin").expect("CZ");
        assertEquals("TRUNCATE TABLE",
                client.query("truncate table pgbench_tellers, pgbench_history").expect("CZ").get(0).tag());
        client.query("insert into pgbench_tellers(tid,bid,tbalance) values (1,1,0)").expect("CZ");
        client.query("insert into pgbench_tellers(tid,bid,tbalance) values (2,1,0)").expect("CZ");
        client.query("commit").expect("CZ");
        assertEquals("VACUUM", client.query("vacuum analyze pgbench_tellers").expect("CZ").get(0).tag());
        assertEquals("ALTER TABLE",
                client.query("alter table pgbench_tellers add primary key (tid)").expect("CZ").get(0).tag());
        assertEquals("VACUUM", client.query("vacuum pgbench_tellers").expect("CZ").get(0).tag());
        assertEquals("TRUNCATE TABLE", client.query("truncate pgbench_history").expect("CZ").get(0).tag());
        var duplicate = client.query("insert into pgbench_tellers(tid,bid,tbalance) values (1,1,0)").expect("EZ");
        assertEquals("23505", duplicate.get(0).sqlState());
        assertEquals("2", count("pgbench_tellers"));
    }

    @Test
    void truncate_empties_every_table_named_and_a_rollback_brings_the_rows_back() {
        client.query("begin; truncate a, public.B").expect("CCZ");
        assertEquals("0", count("a"));
        client.query("rollback").expect("CZ");
        assertEquals("2", count("a"));
        assertEquals("1", count("b"));
        client.query("truncate only a restart identity cascade").expect("CZ");
        assertEquals("0", count("a"));
    }

    @Test
    void truncate_of_a_missing_table_names_it_as_written_and_truncates_nothing() {
        var e = client.query("truncate b, public.nosuch").expect("EZ").get(0);
        assertEquals("42P01", e.sqlState());
        assertEquals("relation \"public.nosuch\" does not exist", e.field('M'));
        assertEquals("1", count("b"));
        var schema = client.query("truncate nosch.t").expect("EZ").get(0);
        assertEquals("3F000", schema.sqlState());
        assertEquals("schema \"nosch\" does not exist", schema.field('M'));
        assertEquals("relation \"T\" does not exist", client.query("truncate \"T\"").expect("EZ").get(0).field('M'));
        var database = client.query("truncate other.public.a").expect("EZ").get(0);
        assertEquals("0A000", database.sqlState());
        assertEquals("cross-database references are not implemented: \"other.public.a\"", database.field('M'));
        client.query("truncate postgres.public.a").expect("CZ");
    }

    @Test
    void vacuum_and_analyze_with_and_without_tables() {
        client.query("delete from a where id = 1").expect("CZ");
        assertEquals("VACUUM", client.query("vacuum").expect("CZ").get(0).tag());
        client.query("vacuum full freeze verbose analyze a, b").expect("CZ");
        client.query("vacuum (analyze, skip_locked) a (id)").expect("CZ");
        assertEquals("ANALYZE", client.query("analyze").expect("CZ").get(0).tag());
        client.query("analyse verbose a(v), b").expect("CZ");
        assertEquals(List.of("2"), client.query("select id from a").expect("TDCZ").get(1).texts());
    }

    @Test
    void vacuum_and_analyze_of_what_does_not_exist() {
        var table = client.query("vacuum nosuch").expect("EZ").get(0);
        assertEquals("42P01", table.sqlState());
        assertEquals("relation \"nosuch\" does not exist", table.field('M'));
        var column = client.query("analyze a(nosuch)").expect("EZ").get(0);
        assertEquals("42703", column.sqlState());
        assertEquals("column \"nosuch\" of relation \"a\" does not exist", column.field('M'));
    }

    @Test
    void vacuum_refuses_to_run_in_a_block_but_analyze_does_not() {
        var m = client.query("begin; vacuum a").expect("CEZ");
        assertEquals("25001", m.get(1).sqlState());
        assertEquals("VACUUM cannot run inside a transaction block", m.get(1).field('M'));
        assertEquals('E', m.get(2).status());
        client.query("rollback").expect("CZ");
        client.query("begin; analyze a; commit").expect("CCCZ");
    }

    @Test
    void vacuum_refuses_to_run_in_a_query_of_several_statements_as_postgres_does() {
        assertEquals("25001", client.query("vacuum a; select 1").expect("EZ").get(0).sqlState());
        var m = client.query("select 1; vacuum a").expect("TDCEZ");
        assertEquals("VACUUM cannot run inside a transaction block", m.get(3).field('M'));
        client.query("analyze a; select 1").expect("CTDCZ");
    }

    @Test
    void vacuum_in_the_extended_protocol_runs_alone_after_sync() {
        client.parse("", "vacuum a").bind("", "").execute("", 0).sync().expect("12CZ");
        var m = client.parse("", "select 1").bind("", "").execute("", 0)
                .parse("", "vacuum a").bind("", "").execute("", 0).sync().expect("12DC12EZ");
        assertEquals("25001", m.get(6).sqlState());
    }

    @Test
    void add_primary_key_enforces_it_from_then_on() {
        client.query("alter table b add constraint b_pkey primary key (id)").expect("CZ");
        var e = client.query("insert into b values (1)").expect("EZ").get(0);
        assertEquals("23505", e.sqlState());
        var twice = client.query("alter table b add primary key (id)").expect("EZ").get(0);
        assertEquals("42P16", twice.sqlState());
        var duplicates = client.query("insert into a values (2, 3); alter table only a add primary key (id)")
                .expect("CEZ").get(1);
        assertEquals("23505", duplicates.sqlState());
        assertEquals("2", count("a"), "the failed message rolled back the insert too");
    }

    @Test
    void alter_table_of_a_missing_table() {
        var e = client.query("alter table nosuch add primary key (id)").expect("EZ").get(0);
        assertEquals("42P01", e.sqlState());
        assertEquals("relation \"nosuch\" does not exist", e.field('M'));
        var m = client.query("alter table if exists public.nosuch add primary key (id)").expect("NCZ");
        assertEquals("00000", m.get(0).sqlState());
        assertEquals("relation \"nosuch\" does not exist, skipping", m.get(0).field('M'));
        assertEquals("ALTER TABLE", m.get(1).tag());
        var other = client.query("alter table a alter column id type bigint").expect("EZ").get(0);
        assertEquals("0A000", other.sqlState());
        assertEquals("ALTER TABLE ... ALTER COLUMN is not supported yet", other.field('M'));
    }

    @Test
    void read_only_transaction_refuses_what_writes() {
        client.query("begin read only").expect("CZ");
        client.query("analyze a").expect("CZ");
        var e = client.query("truncate a").expect("EZ").get(0);
        assertEquals("25006", e.sqlState());
        assertEquals("cannot execute TRUNCATE TABLE in a read-only transaction", e.field('M'));
        client.query("rollback").expect("CZ");
        client.query("begin transaction read only").expect("CZ");
        assertEquals("cannot execute ALTER TABLE in a read-only transaction",
                client.query("alter table a add primary key (id)").expect("EZ").get(0).field('M'));
        client.query("rollback").expect("CZ");
        assertEquals("2", count("a"));
    }
}
