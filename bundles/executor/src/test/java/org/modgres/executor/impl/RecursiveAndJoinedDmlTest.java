package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WITH RECURSIVE, UPDATE ... FROM, DELETE ... USING and WITH before DML, run by the row executor. */
class RecursiveAndJoinedDmlTest {

    private final SqlHarness sql = new SqlHarness();

    @BeforeEach
    void tables() {
        sql.update("create table item (id integer primary key, name text, qty integer)");
        sql.update("create table price (name text, amount integer)");
        sql.update("insert into item values (1, 'a', 10), (2, 'b', 20), (3, 'c', 30)");
        sql.update("insert into price values ('a', 1), ('b', 2), ('b', 2), ('z', 9)");
    }

    @Test
    void unionAllRecursesUntilARunProducesNothing() {
        assertEquals(List.of(List.of(100L, 5050L)),
                sql.rows("with recursive t(n) as (select 1 union all select n + 1 from t where n < 100) "
                        + "select count(*), sum(n) from t"));
    }

    @Test
    void unionDropsRowsSeenBeforeSoTheRecursionEnds() {
        assertEquals(List.of(List.of(1), List.of(2), List.of(3)),
                sql.rows("with recursive t(n) as (select 1 union select n % 3 + 1 from t) select n from t order by n"));
    }

    @Test
    void treeWalkAndBigintFibonacci() {
        sql.update("create table tree (id integer primary key, parent integer, name text)");
        sql.update("insert into tree values (1, null, 'root'), (2, 1, 'a'), (3, 1, 'b'), (4, 2, 'a1'), (5, 4, 'a1x')");
        assertEquals(List.of(List.of("a", 0), List.of("a1", 1), List.of("a1x", 2)),
                sql.rows("with recursive sub(id, name, depth) as (select id, name, 0 from tree where id = 2 "
                        + "union all select t.id, t.name, s.depth + 1 from tree t join sub s on t.parent = s.id) "
                        + "select name, depth from sub order by depth, name"));
        assertEquals(List.of(List.of(90, 1779979416004714189L)),
                sql.rows("with recursive fib(i, a, b) as (select 1, 0::bigint, 1::bigint "
                        + "union all select i + 1, b, a + b from fib where i < 90) select i, a from fib where i = 90"));
    }

    @Test
    void aRecursiveQueryReadTwiceRunsTwice() {
        assertEquals(List.of(List.of(9L)),
                sql.rows("with recursive t(n) as (select 1 union all select n + 1 from t where n < 3) "
                        + "select count(*) from t a, t b"));
    }

    @Test
    void updateFromUpdatesEachTargetRowOnce() {
        assertEquals(2, sql.update("update item set qty = qty + p.amount from price p where p.name = item.name"));
        assertEquals(List.of(List.of(1, "a", 11), List.of(2, "b", 22), List.of(3, "c", 30)), sql.stored("item"));
    }

    @Test
    void updateFromReturnsColumnsOfBothTables() {
        assertEquals(List.of(List.of(1, 100, "a", 1)),
                sql.rows("update item i set qty = p.amount * 100 from price p where p.name = i.name and i.id = 1 "
                        + "returning i.id, i.qty, p.name, p.amount"));
    }

    @Test
    void updateFromTheTargetTableItself() {
        assertEquals(1, sql.update("update item set qty = o.qty from item o where o.id = 3 and item.id = 1"));
        assertEquals(30, sql.stored("item").get(0).get(2));
    }

    @Test
    void deleteUsingReturnsTheDeletedRowsAndTheirPartners() {
        assertEquals(List.of(List.of(2, "b", 2)),
                sql.rows("delete from item i using price p where p.name = i.name and p.amount = 2 "
                        + "returning i.id, i.name, p.amount"));
        assertEquals(2, sql.stored("item").size());
    }

    @Test
    void withBeforeDml() {
        assertEquals(1, sql.update("with big as (select name from price where amount > 1) "
                + "delete from item where name in (select name from big)"));
        assertEquals(3, sql.update("with recursive n(i) as (select 10 union all select i + 1 from n where i < 12) "
                + "insert into item select i, 'n', 0 from n"));
        assertEquals(5, sql.stored("item").size());
    }
}
