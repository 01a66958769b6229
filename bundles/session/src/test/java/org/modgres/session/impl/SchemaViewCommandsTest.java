package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CREATE and DROP SCHEMA, search_path and CREATE and DROP VIEW through a backend: tags, notices,
 * errors and what the catalogs show, as PostgreSQL 15 answers the same statements.
 */
class SchemaViewCommandsTest {

    private BackendFixture fixture;
    private PgTestClient client;

    @BeforeEach
    void connect() throws Exception {
        fixture = BackendFixture.start();
        client = fixture.client;
        client.query("create schema s; create table s.t (a int, b text); insert into s.t values (1, 'x'), (2, 'y')")
                .expect("CCCZ");
    }

    @AfterEach
    void disconnect() throws Exception {
        fixture.close();
    }

    private List<String> row(String query) {
        return client.query(query).expect("TDCZ").get(1).texts();
    }

    @Test
    void search_path_decides_where_names_are_found_and_created() {
        assertEquals("42P01", client.query("select * from t").expect("EZ").get(0).sqlState());
        client.query("set search_path to s, public").expect("CZ");
        assertEquals(List.of("2"), row("select count(*) from t"));
        assertEquals(List.of("s"), row("select current_schema"));
        client.query("create table u (c int)").expect("CZ");
        client.query("reset search_path").expect("CZ");
        assertEquals(List.of("public"), row("select current_schema"));
        assertEquals(List.of("0"), row("select count(*) from s.u"));
        client.query("set search_path to nowhere").expect("CZ");
        assertEquals(java.util.Collections.singletonList(null), row("select current_schema"));
        var none = client.query("create table w (c int)").expect("EZ").get(0);
        assertEquals("3F000", none.sqlState());
        assertEquals("no schema has been selected to create in", none.field('M'));
    }

    @Test
    void views_are_read_created_again_and_dropped() {
        assertEquals("CREATE VIEW", client.query("create view s.v as select a, b from s.t where a > 1")
                .expect("CZ").get(0).tag());
        assertEquals(List.of("2", "y"), row("select * from s.v"));
        assertEquals(List.of("1"), row("select count(*) from s.t where a in (select a from s.v)"));
        client.query("create or replace view s.v as select a, b, a * 10 as c from s.t").expect("CZ");
        assertEquals(List.of("1", "x", "10"), row("select * from s.v where a = 1"));
        var replaced = client.query("create or replace view s.v as select b from s.t").expect("EZ").get(0);
        assertEquals("42P16", replaced.sqlState());
        var dependent = client.query("drop table s.t").expect("EZ").get(0);
        assertEquals("2BP01", dependent.sqlState());
        assertEquals("view s.v depends on table s.t", dependent.field('D'));
        var cascade = client.query("drop schema s cascade").expect("NCZ");
        assertEquals("drop cascades to 2 other objects", cascade.get(0).field('M'));
        assertEquals("drop cascades to table s.t\ndrop cascades to view s.v", cascade.get(0).field('D'));
        assertEquals("DROP SCHEMA", cascade.get(1).tag());
    }

    @Test
    void rollback_takes_schemas_and_views_back() {
        client.query("begin; create schema r; create view r.v as select 1 as one; rollback").expect("CCCCZ");
        assertEquals("42P01", client.query("select * from r.v").expect("EZ").get(0).sqlState());
        assertEquals("42P06", client.query("create schema s").expect("EZ").get(0).sqlState());
        assertEquals("3F000", client.query("drop schema r").expect("EZ").get(0).sqlState());
    }
}
