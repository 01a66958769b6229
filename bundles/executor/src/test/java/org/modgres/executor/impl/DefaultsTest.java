package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.catalog.SystemFunction;
import org.modgres.api.catalog.SystemRelationContext;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.exec.RowCursor;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.type.PgType;
import org.modgres.parser.impl.PostgresSqlParser;
import org.modgres.planner.calcite.impl.CalcitePlanner;
import org.modgres.shmem.impl.SharedStorageImpl;

/**
 * Column defaults, SERIAL and identity columns through the real parser, planner and storage, with
 * a nextval that calls the storage as the catalog bundle's does.
 */
class DefaultsTest {

    private final SharedStorage storage = new SharedStorageImpl();
    private final CalcitePlanner planner = new CalcitePlanner();
    private final InterpretingExecutor executor = new InterpretingExecutor();
    private final PostgresSqlParser parser = new PostgresSqlParser();

    private final SystemFunction nextval = new SystemFunction() {
        @Override
        public String name() {
            return "nextval";
        }

        @Override
        public List<PgType> parameterTypes() {
            return List.of(PgType.UNKNOWN);
        }

        @Override
        public PgType returnType() {
            return PgType.INT8;
        }

        @Override
        public Object apply(SystemRelationContext context, Object[] arguments) {
            SequenceInfo sequence = storage.catalog().sequence("public", (String) arguments[0]).orElseThrow();
            return context.transaction().nextval(sequence.oid());
        }
    };

    DefaultsTest() {
        planner.addSystemFunction(nextval);
    }

    private List<List<Object>> run(String sql) {
        PlannableStatement statement = assertInstanceOf(PlannableStatement.class, parser.parse(sql).getFirst());
        TestContext context = new TestContext(storage.begin(), List.of());
        try (RowCursor cursor = executor.execute(planner.plan(statement,
                new PlanningContext(storage.catalog(), List.of())), context)) {
            List<List<Object>> rows = new ArrayList<>();
            for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
                rows.add(Arrays.asList(row));
            }
            context.transaction().commit();
            return rows;
        } catch (RuntimeException e) {
            context.transaction().rollback();
            throw e;
        }
    }

    @Test
    void omitted_and_default_columns_take_their_defaults() {
        run("create table t (id int, n int default 7, s text default 'x' || 'y', c int default 1 + 2 * 3,"
                + " ts timestamptz default current_timestamp)");
        run("insert into t (id) values (1)");
        run("insert into t (id, n, s) values (2, default, 'z')");
        run("insert into t default values");
        run("insert into t values (3, 1, default, 2, default), (4, default, 'w', default, default)");
        assertEquals(List.of(List.of(3, 1, "xy", 2), List.of(4, 7, "w", 7)),
                run("select id, n, s, c from t where id in (3, 4) order by id"));
        run("delete from t where id in (3, 4)");
        List<List<Object>> rows = run("select id, n, s, c, ts is not null from t order by id nulls last");
        assertEquals(List.of(1, 7, "xy", 7, true), rows.get(0));
        assertEquals(List.of(2, 7, "z", 7, true), rows.get(1));
        assertEquals(Arrays.asList(null, 7, "xy", 7, true), rows.get(2));
        TableInfo t = storage.catalog().table("public", "t").orElseThrow();
        assertNotNull(t.columns().get(1).defaultExpression());
    }

    @Test
    void serial_columns_get_an_owned_sequence_and_their_ids_come_back_with_returning() {
        run("create table items (id serial primary key, big bigserial, name text)");
        TableInfo items = storage.catalog().table("public", "items").orElseThrow();
        ColumnInfo id = items.columns().get(0);
        assertEquals(PgType.INT4, id.type().type());
        assertTrue(id.notNull());
        assertEquals("nextval('items_id_seq')", id.defaultExpression());
        SequenceInfo sequence = storage.catalog().sequence("public", "items_id_seq").orElseThrow();
        assertEquals(PgType.INT4, sequence.options().type());
        assertEquals(Integer.MAX_VALUE, sequence.options().maxValue());
        assertEquals("id", sequence.owner().column());
        assertEquals(PgType.INT8, storage.catalog().sequence("public", "items_big_seq").orElseThrow().options().type());

        assertEquals(List.of(List.of(1, 1L)), run("insert into items (name) values ('a') returning id, big"));
        assertEquals(List.of(List.of(2), List.of(3)), run("insert into items (name) values ('b'), ('c') returning id"));
        run("drop table items");
        assertTrue(storage.catalog().sequence("public", "items_id_seq").isEmpty());
    }

    @Test
    void identity_columns_take_their_sequence_options() {
        run("create table g (id bigint generated by default as identity (start with 100 increment by 10), v text)");
        TableInfo g = storage.catalog().table("public", "g").orElseThrow();
        assertEquals(ColumnInfo.Identity.BY_DEFAULT, g.columns().get(0).identity());
        run("insert into g (v) values ('a'), ('b')");
        run("insert into g values (5, 'c')");
        assertEquals(List.of(List.of(5L), List.of(100L), List.of(110L)), run("select id from g order by id"));
        PgException notNull = assertThrows(PgException.class, () -> run("create table h (x text generated always as identity)"));
        assertEquals(SqlState.INVALID_PARAMETER_VALUE, notNull.sqlState());
    }

    @Test
    void a_taken_sequence_name_gets_a_number_as_in_postgres() {
        run("create table t5 (x int)");
        run("create table t5_id_seq (x int)");
        run("create table t6 (id serial)");
        run("create table if not exists t6 (id serial)");
        run("drop table t5");
        run("create table t5 (id serial, v int)");
        assertEquals("nextval('t5_id_seq1')",
                storage.catalog().table("public", "t5").orElseThrow().columns().get(0).defaultExpression());
        assertEquals("id", storage.catalog().sequence("public", "t5_id_seq1").orElseThrow().owner().column());
        assertEquals(List.of(List.of(1), List.of(2)), run("insert into t5 (v) values (1), (2) returning id"));
        assertEquals(List.of("t5_id_seq1", "t6_id_seq"),
                storage.catalog().sequences("public").stream().map(SequenceInfo::name).toList());
    }

    @Test
    void an_insert_refused_for_not_null_has_used_up_its_serial_value_as_in_postgres() {
        run("create table loans (id serial primary key, member text not null, note text)");
        PgException missing = assertThrows(PgException.class, () -> run("insert into loans (note) values ('x')"));
        assertEquals(SqlState.NOT_NULL_VIOLATION, missing.sqlState());
        assertEquals("null value in column \"member\" of relation \"loans\" violates not-null constraint",
                missing.getMessage());
        assertEquals("Failing row contains (1, null, x).", missing.detail());
        PgException explicitNull = assertThrows(PgException.class,
                () -> run("insert into loans (member) values (null)"));
        assertEquals("Failing row contains (2, null, null).", explicitNull.detail());
        assertEquals(List.of(List.of(3)), run("insert into loans (member) values ('mia') returning id"));
    }
}
