package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.catalog.SystemFunction;
import org.modgres.api.catalog.SystemRelation;
import org.modgres.api.catalog.SystemRelationContext;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.exec.RowCursor;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;
import org.modgres.parser.impl.PostgresSqlParser;
import org.modgres.planner.calcite.impl.CalcitePlanner;
import org.modgres.shmem.impl.SharedStorageImpl;

/**
 * Scans of system relations, calls of system functions, generate_series, correlated sub-queries
 * and the array functions catalog queries use, run through the real parser and planner.
 */
class CatalogExecutionTest {

    private static final PostgresSqlParser PARSER = new PostgresSqlParser();

    private final SharedStorage storage = new SharedStorageImpl();
    private final CalcitePlanner planner = new CalcitePlanner();
    private final InterpretingExecutor executor = new InterpretingExecutor();
    private final List<String> userSeen = new ArrayList<>();

    /** pg_catalog.pg_letters(n int4, letter "char"): the rows 1 a, 2 b, 3 c. */
    private final SystemRelation letters = new SystemRelation() {
        @Override
        public String schema() {
            return "pg_catalog";
        }

        @Override
        public String name() {
            return "pg_letters";
        }

        @Override
        public long oid() {
            return 9002;
        }

        @Override
        public boolean view() {
            return false;
        }

        @Override
        public List<ColumnInfo> columns() {
            return List.of(new ColumnInfo("n", ColumnType.of(PgType.INT4), true),
                    new ColumnInfo("letter", ColumnType.of(PgType.CHAR), true));
        }

        @Override
        public Iterator<Object[]> rows(SystemRelationContext context) {
            userSeen.add(context.currentUser());
            return List.of(new Object[] {1, "a"}, new Object[] {2, "b"}, new Object[] {3, "c"}).iterator();
        }
    };

    /** pg_catalog.twice(int4) returns int4, the backend's pid added. */
    private final SystemFunction twice = new SystemFunction() {
        @Override
        public String name() {
            return "twice_plus_pid";
        }

        @Override
        public List<PgType> parameterTypes() {
            return List.of(PgType.INT4);
        }

        @Override
        public PgType returnType() {
            return PgType.INT4;
        }

        @Override
        public Object apply(SystemRelationContext context, Object[] arguments) {
            return 2 * (Integer) arguments[0] + context.processId();
        }
    };

    @BeforeEach
    void setUp() {
        planner.addSystemRelation(letters);
        planner.addSystemFunction(twice);
        run("create table t (id int primary key, name text)");
        run("insert into t values (1, 'one'), (2, 'two')");
    }

    private List<List<Object>> run(String sql) {
        PlannableStatement statement = (PlannableStatement) PARSER.parse(sql).getFirst();
        TestContext context = new TestContext(storage.begin(), List.of());
        try (RowCursor cursor = executor.execute(planner.plan(statement,
                new PlanningContext(storage.catalog(), List.of())), context)) {
            List<List<Object>> rows = new ArrayList<>();
            Object[] row;
            while ((row = cursor.next()) != null) {
                rows.add(Arrays.asList(row));
            }
            context.transaction().commit();
            return rows;
        } catch (RuntimeException e) {
            context.transaction().rollback();
            throw e;
        }
    }

    private static List<List<Object>> rows(Object[]... rows) {
        return Arrays.stream(rows).map(Arrays::asList).toList();
    }

    @Test
    void a_system_relation_is_scanned_joined_and_filtered_as_a_table() {
        assertEquals(rows(new Object[] {"one", "a"}, new Object[] {"two", "b"}),
                run("select t.name, l.letter from t join pg_letters l on l.n = t.id order by t.id"));
        assertEquals(List.of("postgres"), userSeen);
        assertEquals(rows(new Object[] {3L}), run("select count(*) from pg_catalog.pg_letters"));
    }

    @Test
    void a_system_function_gets_its_arguments_in_their_types_and_the_session() {
        assertEquals(rows(new Object[] {2}, new Object[] {4}), run("select twice_plus_pid(id) from t order by id"));
        assertEquals(rows(new Object[] {6}), run("select pg_catalog.twice_plus_pid('3')"));
        assertEquals(rows(new Object[] {(Object) null}), run("select twice_plus_pid(null)"));
    }

    @Test
    void generate_series_counts_up_down_and_by_steps() {
        assertEquals(rows(new Object[] {1}, new Object[] {2}, new Object[] {3}),
                run("select * from generate_series(1, 3)"));
        assertEquals(rows(new Object[] {5}, new Object[] {3}, new Object[] {1}),
                run("select g from generate_series(5, 1, -2) g"));
        assertEquals(List.of(), run("select * from generate_series(3, 1)"));
        assertEquals(List.of(), run("select * from generate_series(1, null)"));
        assertEquals(rows(new Object[] {9223372036854775806L}, new Object[] {9223372036854775807L}),
                run("select * from generate_series(9223372036854775806, 9223372036854775807)"));
        assertEquals(rows(new Object[] {2147483646}, new Object[] {2147483647}),
                run("select * from generate_series(2147483646, 2147483647)"));
        PgException e = assertThrows(PgException.class, () -> run("select * from generate_series(1, 3, 0)"));
        assertEquals(SqlState.INVALID_PARAMETER_VALUE, e.sqlState());
        assertEquals("step size cannot equal zero", e.getMessage());
    }

    @Test
    void generate_series_feeds_an_insert_with_its_column_named_after_the_alias() {
        run("create table accounts (aid int not null, bid int, abalance int, filler char(84))");
        run("insert into accounts(aid,bid,abalance,filler) select aid, (aid - 1) / 100000 + 1, 0, '' "
                + "from generate_series(1, 20000) as aid");
        assertEquals(rows(new Object[] {20000L, 1, 20000}), run("select count(*), max(bid), max(aid) from accounts"));
    }

    @Test
    void a_correlated_series_starts_anew_for_each_row() {
        assertEquals(rows(new Object[] {1, 1}, new Object[] {2, 1}, new Object[] {2, 2}),
                run("select t.id, s.g from t cross join lateral (select g from generate_series(1, t.id) as g) as s "
                        + "order by 1, 2"));
        assertEquals(rows(new Object[] {1, "a"}, new Object[] {2, "a,b"}),
                run("select t.id, (select string_agg(l.letter, ',') from pg_letters l where l.n <= t.id) "
                        + "from t order by 1"));
    }

    @Test
    void array_sub_queries_subscripts_and_searches() {
        assertEquals(rows(new Object[] {List.of("a", "b", "c")}), run("select array(select letter from pg_letters)"));
        assertEquals(rows(new Object[] {"b", 2, true, false, null}),
                run("select (array['a','b'])[2], array_position(array['x','y'], 'y'), 2 = any(array[1,2]), "
                        + "3 = any(array[1,2]), 3 = any(array[1,null])"));
        assertEquals(rows(new Object[] {"a,*,c", "a,c", 2, null}),
                run("select array_to_string(array['a',null,'c'], ',', '*'), array_to_string(array['a',null,'c'], ','), "
                        + "array_upper(array[1,2], 1), array_upper(array[1,2], 2)"));
        assertNull(run("select array_position(array['x'], 'z')").getFirst().getFirst());
    }

    @Test
    void unnest_in_from_gives_the_elements_with_their_positions() {
        assertEquals(rows(new Object[] {"a"}, new Object[] {"b"}),
                run("select x from pg_catalog.unnest(array['a','b']) x"));
        assertEquals(rows(new Object[] {1, 1, 1}, new Object[] {2, 2, 1}, new Object[] {2, 20, 2}),
                run("select t.id, u.v, u.i from t, unnest(case t.id when 1 then array[1] else array[2, 20] end) "
                        + "with ordinality as u(v, i) order by 1, 3"));
        assertEquals(rows(new Object[] {List.of("toast.a", "toast.b")}, new Object[] {List.of()}),
                run("select array(select 'toast.' || x from pg_catalog.unnest(a) x) from (values (array['a','b']), "
                        + "(null::text[])) as v(a)"));
    }

    @Test
    void arrays_concatenate_with_null_as_an_empty_array() {
        assertEquals(rows(new Object[] {List.of("a", "b"), List.of("b"), null}),
                run("select array['a'] || array['b'], null::text[] || array['b'], "
                        + "null::text[] || null::text[]"));
    }

    @Test
    void bitwise_and_of_integers() {
        assertEquals(rows(new Object[] {1, (short) 0}), run("select 5 & 3, cast(2 as smallint) & cast(1 as smallint)"));
    }

    @Test
    void pg_expandarray_repeats_the_row_for_each_element_as_pgjdbc_reads_it() {
        assertEquals(rows(new Object[] {1, 1, 10}, new Object[] {1, 2, 20}, new Object[] {2, 1, 10},
                        new Object[] {2, 2, 20}),
                run("select t.id, (information_schema._pg_expandarray(array[10, 20])).n, "
                        + "(information_schema._pg_expandarray(array[10, 20])).x from t order by 1, 2"));
        assertEquals(rows(new Object[] {2, 8}),
                run("select r.pos, (r.keys).x from (select (information_schema._pg_expandarray(array[7, 8])).n as pos, "
                        + "information_schema._pg_expandarray(array[7, 8]) as keys) r where (r.keys).n = 2"));
    }

    @Test
    void qualified_operators_and_collations_as_psql_writes_them() {
        assertEquals(rows(new Object[] {"one"}),
                run("select name from t where name OPERATOR(pg_catalog.~) '^(one)$' COLLATE pg_catalog.default"));
        assertEquals(rows(new Object[] {true, true}),
                run("select 'a' OPERATOR(pg_catalog.~~) 'a%', 'A' operator(~~*) 'a'"));
    }

    @Test
    void regular_expressions_match_as_postgres_does() {
        assertEquals(rows(new Object[] {true, false, true, true}),
                run("select 'pgbench_accounts' ~ '^(pgbench_accounts)$', 'pg_toast_1' !~ '^pg_toast', "
                        + "'ABC' ~* 'b', 'abc' !~* 'z'"));
    }

    @Test
    void session_functions_name_the_session() {
        assertEquals(rows(new Object[] {"postgres", "postgres", "public"}),
                run("select current_user, session_user, current_schema"));
    }
}
