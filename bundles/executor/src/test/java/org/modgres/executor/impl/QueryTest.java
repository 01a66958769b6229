package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueryTest {

    private final SqlHarness sql = new SqlHarness();

    @BeforeEach
    void tables() {
        sql.update("create table emp (id integer primary key, name varchar(20), dept integer, salary numeric(10, 2))");
        sql.update("create table dept (id integer primary key, title text)");
        sql.update("insert into emp values (1, 'ann', 10, 100.50), (2, 'bob', 20, 200), (3, 'cid', null, 300),"
                + " (4, 'dan', 10, null)");
        sql.update("insert into dept values (10, 'sales'), (20, 'dev'), (30, 'ops')");
    }

    @Test
    void projectsExpressions() {
        assertEquals(List.of(List.of(1, "ANN", 2), List.of(2, "BOB", 3)),
                sql.rows("select id, upper(name), id + 1 from emp where id <= 2 order by id"));
    }

    @Test
    void filterDropsNullComparisons() {
        assertEquals(List.of(List.of(1), List.of(4)), sql.rows("select id from emp where dept = 10 order by id"));
        assertEquals(List.of(List.of(2)), sql.rows("select id from emp where dept <> 10 order by id"));
        assertEquals(List.of(List.of(3)), sql.rows("select id from emp where dept is null"));
        assertEquals(List.of(List.of(1), List.of(2), List.of(4)),
                sql.rows("select id from emp where not (dept is null) order by id"));
    }

    @Test
    void threeValuedLogic() {
        // dept = 10 is NULL for cid: OR with TRUE is TRUE, AND with FALSE is FALSE
        assertEquals(List.of(List.of(1), List.of(3), List.of(4)),
                sql.rows("select id from emp where dept = 10 or salary = 300 order by id"));
        assertEquals(List.of(List.of(2)),
                sql.rows("select id from emp where not (dept = 10) order by id"));
        assertEquals(Arrays.asList(true, null, false, true),
                sql.query("select dept = 10 or dept is null, dept = 10 and true, dept = 10 and false,"
                        + " (dept = 10) is not true from emp where id = 3").stream()
                        .flatMap(r -> Arrays.stream(r)).toList());
    }

    @Test
    void innerJoin() {
        assertEquals(List.of(List.of("ann", "sales"), List.of("bob", "dev"), List.of("dan", "sales")),
                sql.rows("select e.name, d.title from emp e join dept d on e.dept = d.id order by e.name"));
    }

    @Test
    void leftJoinKeepsUnmatchedRows() {
        assertEquals(List.of(List.of("ann", "sales"), List.of("bob", "dev"), Arrays.asList("cid", null),
                        List.of("dan", "sales")),
                sql.rows("select e.name, d.title from emp e left join dept d on e.dept = d.id order by e.name"));
    }

    @Test
    void rightAndFullJoins() {
        assertEquals(List.of(Arrays.asList(null, "ops")),
                sql.rows("select e.name, d.title from emp e right join dept d on e.dept = d.id where e.id is null"));
        assertEquals(5, sql.query("select * from emp e full join dept d on e.dept = d.id").size());
    }

    @Test
    void nonEquiJoinUsesNestedLoop() {
        assertEquals(List.of(List.of(1, 20), List.of(1, 30), List.of(2, 30)),
                sql.rows("select e.id, d.id from emp e join dept d on e.dept < d.id where e.id < 3 order by 1, 2"));
    }

    @Test
    void orderByPutsNullsLastAscendingAndFirstDescending() {
        assertEquals(List.of(List.of(1), List.of(4), List.of(2), List.of(3)),
                sql.rows("select id from emp order by dept, id"));
        assertEquals(List.of(List.of(3), List.of(2), List.of(1), List.of(4)),
                sql.rows("select id from emp order by dept desc, id"));
        assertEquals(List.of(List.of(3), List.of(1), List.of(4), List.of(2)),
                sql.rows("select id from emp order by dept nulls first, id"));
    }

    @Test
    void limitAndOffset() {
        assertEquals(List.of(List.of(2), List.of(3)), sql.rows("select id from emp order by id limit 2 offset 1"));
        assertEquals(List.of(List.of(4)), sql.rows("select id from emp order by id offset 3"));
        assertEquals(List.of(List.of(1)), sql.rows("select id from emp order by id limit $1", 1L));
        assertEquals(List.of(List.of(3), List.of(4)),
                sql.rows("select id from emp order by id offset $2 rows fetch first $1 rows only", 5L, 2L));
        assertEquals(List.of(List.of(2)), sql.rows("select id from emp order by id limit $1 offset $2", 1, 1));
        assertEquals(2, sql.query("select id from emp limit 2").size());
    }

    @Test
    void parameters() {
        assertEquals(List.of(List.of("bob")), sql.rows("select name from emp where id = $1", 2));
        assertEquals(List.of(List.of("bob")), sql.rows("select name from emp where name = $1", "bob"));
    }

    @Test
    void inListAndBetween() {
        assertEquals(List.of(List.of(1), List.of(3)), sql.rows("select id from emp where id in (1, 3, 7) order by id"));
        assertEquals(List.of(List.of(2), List.of(4)), sql.rows("select id from emp where id not in (1, 3) order by id"));
        assertEquals(List.of(List.of(2), List.of(3)),
                sql.rows("select id from emp where salary between 150 and 300 order by id"));
    }

    @Test
    void setOperations() {
        assertEquals(List.of(List.of(10), List.of(20), List.of(30)),
                sql.rows("select dept from emp where dept is not null union select id from dept order by 1"));
        assertEquals(6, sql.query("select dept from emp where dept is not null union all select id from dept").size());
        assertEquals(List.of(List.of(10), List.of(20)),
                sql.rows("select id from dept intersect select dept from emp order by 1"));
        assertEquals(List.of(List.of(30)), sql.rows("select id from dept except select dept from emp"));
        assertEquals(List.of(List.of(10)),
                sql.rows("select dept from emp where dept is not null except all select id from dept"));
    }

    @Test
    void valuesWithoutTable() {
        assertEquals(List.of(List.of(3, "x")), sql.rows("select 1 + 2, 'x'"));
        assertEquals(List.of(List.of(1), List.of(2)), sql.rows("values (1), (2)"));
    }

    @Test
    void subqueries() {
        assertEquals(List.of(List.of("ann"), List.of("dan")),
                sql.rows("select name from emp where dept in (select id from dept where title = 'sales') order by 1"));
        assertEquals(List.of(List.of("cid")),
                sql.rows("select name from emp where salary = (select max(salary) from emp)"));
        assertEquals(List.of(List.of("ops")),
                sql.rows("select title from dept d where not exists (select 1 from emp e where e.dept = d.id)"));
    }

    @Test
    void likeAndStringFunctions() {
        assertEquals(List.of(List.of("ann"), List.of("dan")), sql.rows("select name from emp where name like '%an%' order by 1"));
        assertEquals(List.of(List.of("ann"), List.of("bob"), List.of("cid")),
                sql.rows("select name from emp where name not like '_an' order by 1"));
        assertEquals(List.of(List.of("ann-10", 3, "nn", 2, "x")),
                sql.rows("select name || '-' || dept, char_length(name), substring(name from 2 for 5),"
                        + " position('n' in name), trim(both ' ' from ' x ') from emp where id = 1"));
    }

    @Test
    void caseCoalesceNullif() {
        assertEquals(List.of(List.of("low", 10), List.of("high", 20), List.of("low", -1), List.of("none", 10)),
                sql.rows("select case when salary > 150 and dept is not null then 'high' when salary > 0 then 'low'"
                        + " else 'none' end, coalesce(dept, -1) from emp order by id"));
        assertEquals(Arrays.asList(null, 2), Arrays.asList(sql.query("select nullif(1, 1), nullif(2, 1)").get(0)));
    }
}
