package org.modgres.pgcatalog.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.type.PgType;

/** The catalog query and the server-side data generation of pgbench 15 (see clients/pgbench.md). */
class PgbenchQueriesTest {

    private static final String PARTITION_QUERY = "select o.n, p.partstrat, pg_catalog.count(i.inhparent) "
            + "from pg_catalog.pg_class as c join pg_catalog.pg_namespace as n on (n.oid = c.relnamespace) "
            + "cross join lateral (select pg_catalog.array_position(pg_catalog.current_schemas(true), n.nspname)) "
            + "as o(n) left join pg_catalog.pg_partitioned_table as p on (p.partrelid = c.oid) "
            + "left join pg_catalog.pg_inherits as i on (c.oid = i.inhparent) "
            + "where c.relname = 'pgbench_accounts' and o.n is not null group by 1, 2 order by 1 asc limit 1";

    private final CatalogHarness sql = new CatalogHarness();

    @BeforeEach
    void tables() {
        sql.run("create table pgbench_history(tid int,bid int,aid    int,delta int,mtime timestamp,filler char(22))",
                "create table pgbench_tellers(tid int not null,bid int,tbalance int,filler char(84))",
                "create table pgbench_accounts(aid    int not null,bid int,abalance int,filler char(84))",
                "create table pgbench_branches(bid int not null,bbalance int,filler char(88))");
    }

    @Test
    void partition_query_finds_public_as_the_second_schema_unpartitioned() {
        CatalogHarness.Result result = sql.query(PARTITION_QUERY);
        assertEquals(List.of(Arrays.asList("2", null, "0")), result.rows());
        assertEquals(List.of("n", "partstrat", "count"), result.labels());
        assertEquals(List.of(PgType.INT4, PgType.CHAR, PgType.INT8), result.types());
    }

    @Test
    void partition_query_finds_no_row_for_a_missing_table() {
        sql.run("drop table pgbench_accounts");
        assertEquals(List.of(), sql.query(PARTITION_QUERY).rows());
    }

    @Test
    void generate_series_fills_tellers_naming_its_column_after_the_alias() {
        sql.run("insert into pgbench_branches(bid,bbalance) select bid, 0 from generate_series(1, 1) as bid",
                "insert into pgbench_tellers(tid,bid,tbalance) select tid, (tid - 1) / 10 + 1, 0 "
                        + "from generate_series(1, 10) as tid");
        assertEquals(List.of("1|0"), sql.lines("select bid, bbalance from pgbench_branches"));
        assertEquals(List.of("1|1|0", "10|1|0"),
                sql.lines("select tid, bid, tbalance from pgbench_tellers where tid in (1, 10) order by tid"));
        assertEquals(List.of("10"), sql.lines("select count(*) from pgbench_tellers"));
    }

    @Test
    void generate_series_fills_100000_accounts_quickly() {
        long start = System.nanoTime();
        sql.run("insert into pgbench_accounts(aid,bid,abalance,filler) select aid, (aid - 1) / 100000 + 1, 0, '' "
                + "from generate_series(1, 100000) as aid");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of("100000|1|100000|1"),
                sql.lines("select count(*), min(bid), max(aid), max(bid) from pgbench_accounts"));
        assertTrue(millis < 5000, "took " + millis + " ms");
    }
}
