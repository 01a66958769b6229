package org.modgres.planner.calcite.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.catalog.SystemFunction;
import org.modgres.api.catalog.SystemFunctionOperator;
import org.modgres.api.catalog.SystemRelation;
import org.modgres.api.catalog.SystemRelationContext;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.plan.ResultColumn;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;
import org.modgres.parser.impl.PostgresSqlParser;
import org.modgres.shmem.impl.SharedStorageImpl;

/**
 * System relations and functions registered with the planner: name resolution through the
 * search path, generate_series in FROM, catalog functions, and result column types.
 */
class SystemCatalogPlanningTest {

    private static final PostgresSqlParser PARSER = new PostgresSqlParser();

    /** pg_catalog.pg_kinds(oid oid, kind "char"): a stand-in for a catalog bundle's relation. */
    private static final SystemRelation KINDS = new SystemRelation() {
        @Override
        public String schema() {
            return "pg_catalog";
        }

        @Override
        public String name() {
            return "pg_kinds";
        }

        @Override
        public long oid() {
            return 9001;
        }

        @Override
        public boolean view() {
            return false;
        }

        @Override
        public List<ColumnInfo> columns() {
            return List.of(new ColumnInfo("oid", ColumnType.of(PgType.OID), true),
                    new ColumnInfo("kind", ColumnType.of(PgType.CHAR), true));
        }

        @Override
        public Iterator<Object[]> rows(SystemRelationContext context) {
            return List.<Object[]>of().iterator();
        }
    };

    /** pg_catalog.kind_name(oid) returns name. */
    private static final SystemFunction KIND_NAME = new SystemFunction() {
        @Override
        public String name() {
            return "kind_name";
        }

        @Override
        public List<PgType> parameterTypes() {
            return List.of(PgType.OID);
        }

        @Override
        public PgType returnType() {
            return PgType.NAME;
        }

        @Override
        public Object apply(SystemRelationContext context, Object[] arguments) {
            return "k" + arguments[0];
        }
    };

    private final SharedStorage storage = new SharedStorageImpl();
    private final CalcitePlanner planner = new CalcitePlanner();

    @BeforeEach
    void setUp() {
        planner.addSystemRelation(KINDS);
        planner.addSystemFunction(KIND_NAME);
        Transaction t = storage.begin();
        t.createTable(new TableDefinition("public", "pg_kinds",
                List.of(new ColumnInfo("mine", ColumnType.of(PgType.INT4), false)), List.of()));
        t.createTable(new TableDefinition("public", "t",
                List.of(new ColumnInfo("id", ColumnType.of(PgType.INT4), true)), List.of(0)));
        t.commit();
    }

    private RelationalPlan plan(String sql) {
        PlannableStatement statement = (PlannableStatement) PARSER.parse(sql).getFirst();
        return (RelationalPlan) planner.plan(statement, new PlanningContext(storage.catalog(), List.of()));
    }

    private static List<String> labels(RelationalPlan plan) {
        return plan.columns().stream().map(ResultColumn::name).toList();
    }

    private static List<PgType> types(RelationalPlan plan) {
        return plan.columns().stream().map(c -> c.type().type()).toList();
    }

    private static TableScan onlyScan(RelNode rel) {
        TableScan[] found = new TableScan[1];
        rel.accept(new RelShuttleImpl() {
            @Override
            public RelNode visit(TableScan scan) {
                found[0] = scan;
                return scan;
            }
        });
        return found[0];
    }

    @Test
    void an_unqualified_name_finds_pg_catalog_before_public() {
        RelationalPlan plan = plan("select kind from pg_kinds");
        assertSame(KINDS, onlyScan(plan.root()).getTable().unwrap(SystemRelation.class));
        assertEquals(List.of(new ResultColumn("kind", ColumnType.of(PgType.CHAR), 9001, 2)), plan.columns());
    }

    @Test
    void a_user_table_named_like_a_catalog_stays_reachable_qualified() {
        RelationalPlan plan = plan("select mine from public.pg_kinds");
        assertEquals(List.of("public", "pg_kinds"), onlyScan(plan.root()).getTable().getQualifiedName());
        assertEquals(List.of("mine"), labels(plan));
        assertSame(KINDS, onlyScan(plan("select * from pg_catalog.pg_kinds").root()).getTable()
                .unwrap(SystemRelation.class));
    }

    @Test
    void a_catalog_column_keeps_its_type_through_an_outer_join_and_grouping() {
        RelationalPlan plan = plan("select k.kind, count(*) from t left join pg_catalog.pg_kinds k on k.oid = t.id "
                + "group by 1");
        assertEquals(List.of(PgType.CHAR, PgType.INT8), types(plan));
    }

    @Test
    void system_functions_are_called_with_or_without_pg_catalog_and_typed_as_declared() {
        RelationalPlan plan = plan("select pg_catalog.kind_name('12'), kind_name(t.id) from t");
        assertEquals(List.of("kind_name", "kind_name"), labels(plan));
        assertEquals(List.of(PgType.NAME, PgType.NAME), types(plan));
        List<RexCall> calls = systemCalls(plan.root());
        assertEquals(2, calls.size());
        assertSame(KIND_NAME, ((SystemFunctionOperator) calls.getFirst().getOperator()).function());
        assertTrue(RelOptUtil.toString(plan.root()).contains("CAST('12'):BIGINT"), RelOptUtil.toString(plan.root()));
    }

    @Test
    void qualified_built_in_functions_resolve() {
        RelationalPlan plan = plan("select pg_catalog.count(*), pg_catalog.upper('a') from t");
        assertEquals(List.of("count", "upper"), labels(plan));
    }

    @Test
    void generate_series_names_its_column_after_the_alias() {
        assertEquals(List.of("tid"), labels(plan("select tid from generate_series(1, 10) as tid")));
        assertEquals(List.of("x"), labels(plan("select x from generate_series(1, 10, 2) as g(x)")));
        assertEquals(List.of("generate_series"), labels(plan("select * from generate_series(1, 3)")));
        RelationalPlan bigint = plan("select g from pg_catalog.generate_series(1::bigint, 3) g");
        assertEquals(List.of(PgType.INT8), types(bigint));
        RelNode rel = bigint.root();
        while (!(rel instanceof TableFunctionScan)) {
            rel = rel.getInput(0);
        }
        assertEquals("generate_series", ((RexCall) ((TableFunctionScan) rel).getCall()).getOperator().getName());
    }

    @Test
    void pgbench_fills_a_table_from_generate_series() {
        RelationalPlan plan = plan("insert into t(id) select tid from generate_series(1, 10) as tid");
        assertTrue(RelOptUtil.toString(plan.root()).contains("LogicalTableFunctionScan"));
    }

    @Test
    void pg_expandarray_in_a_select_list_joins_the_unnest_of_its_argument() {
        RelationalPlan plan = plan("select r.key_seq, (r.keys).x, r.a_attnum from (select t.id as a_attnum, "
                + "(information_schema._pg_expandarray(array[t.id, 2])).n as key_seq, "
                + "information_schema._pg_expandarray(array[t.id, 2]) as keys from t) r "
                + "where r.a_attnum = (r.keys).x");
        assertEquals(List.of("key_seq", "x", "a_attnum"), labels(plan));
        assertEquals(List.of(PgType.INT4, PgType.INT4, PgType.INT4),
                plan.columns().stream().map(c -> c.type().type()).toList());
        assertTrue(RelOptUtil.toString(plan.root()).contains("Uncollect(withOrdinality=[true])"),
                () -> RelOptUtil.toString(plan.root()));
    }

    @Test
    void pg_catalog_unnest_in_from_is_unnest_with_its_column_named_after_the_alias() {
        assertEquals(List.of("x"), labels(plan("select x from pg_catalog.unnest(array['a']) x")));
    }

    @Test
    void regclass_casts_become_catalog_function_calls_with_postgres_labels() {
        PgException e = assertThrows(PgException.class, () -> plan("select c.oid::regclass from pg_kinds c"));
        // without a catalog bundle there is no regclassout to call
        assertEquals(SqlState.UNDEFINED_FUNCTION, e.sqlState());
        assertEquals("function regclassout does not exist", e.getMessage());
    }

    @Test
    void labels_follow_postgres_for_case_casts_and_sub_queries() {
        assertEquals(List.of("id", "kind_name", "case", "kind", "array", "int4"),
                labels(plan("select t.id::bigint, case when t.id = 1 then 'a' else kind_name(t.id) end, "
                        + "case when t.id = 1 then 'a' end, (select k.kind from pg_kinds k limit 1), "
                        + "array(select k.kind from pg_kinds k), '1'::int4 from t")));
        assertEquals(List.of("int2", "?column?"), labels(plan("select '{1,2}'::int2[], 1 + 1")));
    }

    @Test
    void a_string_compared_with_an_array_reads_as_an_array() {
        RelationalPlan plan = plan("select 1 from t where array[t.id] = '{1,2}'");
        assertTrue(RelOptUtil.toString(plan.root()).contains("CAST('{1,2}'):INTEGER"),
                RelOptUtil.toString(plan.root()));
    }

    private static List<RexCall> systemCalls(RelNode rel) {
        List<RexCall> calls = new java.util.ArrayList<>();
        RexShuttle finder = new RexShuttle() {
            @Override
            public RexNode visitCall(RexCall call) {
                if (call.getOperator() instanceof SystemFunctionOperator) {
                    calls.add(call);
                }
                return super.visitCall(call);
            }
        };
        rel.accept(new RelShuttleImpl() {
            @Override
            public RelNode visit(org.apache.calcite.rel.logical.LogicalProject project) {
                project.accept(finder);
                return super.visit(project);
            }
        });
        return calls;
    }

    @Test
    void a_catalog_scan_is_a_table_scan_of_the_relation() {
        assertInstanceOf(SystemTable.class,
                onlyScan(plan("select oid from pg_kinds").root()).getTable().unwrap(SystemTable.class));
    }
}
