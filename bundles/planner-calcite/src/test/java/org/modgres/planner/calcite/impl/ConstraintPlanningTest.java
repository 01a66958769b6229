package org.modgres.planner.calcite.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.modgres.api.error.PgException;
import org.modgres.api.plan.CreateTablePlan;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableConstraint.Action;
import org.modgres.api.storage.Transaction;
import org.modgres.parser.impl.PostgresSqlParser;
import org.modgres.shmem.impl.SharedStorageImpl;

/** UNIQUE, CHECK and FOREIGN KEY in CREATE TABLE, and the checks of INSERT and UPDATE plans. */
class ConstraintPlanningTest {

    private static final PostgresSqlParser PARSER = new PostgresSqlParser();

    private final SharedStorage storage = new SharedStorageImpl();
    private final CalcitePlanner planner = new CalcitePlanner();

    @BeforeEach
    void createReferencedTable() {
        create("create table p (id int primary key, code text unique, a int, b int, unique (a, b))");
    }

    private Object plan(String sql) {
        PlannableStatement statement = (PlannableStatement) PARSER.parse(sql).getFirst();
        return planner.plan(statement, new PlanningContext(storage.catalog(), List.of()));
    }

    private List<TableConstraint> constraints(String createTable) {
        return ((CreateTablePlan) plan(createTable)).definition().constraints();
    }

    private void create(String createTable) {
        Transaction t = storage.begin();
        t.createTable(((CreateTablePlan) plan(createTable)).definition());
        t.commit();
    }

    @Test
    void namesAsPostgresChoosesThem() {
        List<TableConstraint> constraints = constraints("create table n (a int unique, b int check (a > 0), "
                + "c int check (1 > 0), d int, check (d > c), check (2>1), constraint named check (a < 5), "
                + "unique (a, b), unique (a), constraint n_x_key unique (c), p_id int references p, "
                + "foreign key (d) references p (id) on delete cascade on update set null)");
        assertEquals(List.of("n_a_key", "n_a_b_key", "n_x_key", "n_a_check", "n_check", "n_check1", "n_check2",
                "named", "n_p_id_fkey", "n_d_fkey"), constraints.stream().map(TableConstraint::name).toList());
        assertEquals(new TableConstraint.Unique("n_a_b_key", List.of(0, 1)), constraints.get(1));
        assertEquals(new TableConstraint.Check("n_check", "1 > 0"), constraints.get(4));
        assertEquals(new TableConstraint.ForeignKey("n_p_id_fkey", List.of(4), "public", "p", List.of(0),
                Action.NO_ACTION, Action.NO_ACTION), constraints.get(8));
        assertEquals(new TableConstraint.ForeignKey("n_d_fkey", List.of(3), "public", "p", List.of(0),
                Action.CASCADE, Action.SET_NULL), constraints.get(9));
    }

    @Test
    void takenNamesGetANumber() {
        List<TableConstraint> constraints = constraints(
                "create table p2 (a int, unique (a), constraint p2_a_key check (a > 0), code text unique)");
        assertEquals(List.of("p2_a_key1", "p_code_key".replace("p_", "p2_"), "p2_a_key"),
                constraints.stream().map(TableConstraint::name).toList());
        assertEquals("t234567890123456789012345678901234567890123456789012345_a_check", constraints(
                "create table t234567890123456789012345678901234567890123456789012345678901 (a int check (a > 0))")
                .getFirst().name());
    }

    @Test
    void aUniqueKeyLikeThePrimaryKeyOrAnotherIsLeftOut() {
        assertEquals(List.of("u_b_key"), constraints("create table u (a int primary key unique, b int unique, "
                + "unique (b))").stream().map(TableConstraint::name).toList());
    }

    @Test
    void checksKeepTheirTextOrAStandardOne() {
        List<TableConstraint> constraints = constraints("create table k (a int check (a>0 and a < 10), "
                + "w text check (w <> 'x'::text))");
        assertEquals("a>0 and a < 10", ((TableConstraint.Check) constraints.get(0)).expression());
        assertTrue(((TableConstraint.Check) constraints.get(1)).expression().startsWith("w <> CAST('x' AS VARCHAR"));
    }

    @Test
    void foreignKeysToUniqueKeysAndToTheTableItself() {
        List<TableConstraint> constraints = constraints("create table f (id int primary key, x int, y int, "
                + "parent int references f, foreign key (y, x) references p (b, a), c text references p (code))");
        assertEquals(new TableConstraint.ForeignKey("f_parent_fkey", List.of(3), "public", "f", List.of(0),
                Action.NO_ACTION, Action.NO_ACTION), constraints.get(0));
        assertEquals(new TableConstraint.ForeignKey("f_y_x_fkey", List.of(2, 1), "public", "p", List.of(3, 2),
                Action.NO_ACTION, Action.NO_ACTION), constraints.get(1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            create table e (x int references nothere)                         | 42P01 | relation "nothere" does not exist
            create table e (x int references p (zz))                          | 42703 | column "zz" referenced in foreign key constraint does not exist
            create table e (x int, foreign key (zz) references p)             | 42703 | column "zz" referenced in foreign key constraint does not exist
            create table e (x int references p (a))                           | 42830 | there is no unique constraint matching given keys for referenced table "p"
            create table e (x text references p)                              | 42804 | foreign key constraint "e_x_fkey" cannot be implemented
            create table e (x numeric references p)                           | 42804 | foreign key constraint "e_x_fkey" cannot be implemented
            create table e (x int, y int, foreign key (x, y) references p)    | 42830 | number of referencing and referenced columns for foreign key disagree
            create table e (x int, y int, foreign key (x, y) references p (a, a)) | 42830 | foreign key referenced-columns list must not contain duplicates
            create table e (x int references e)                               | 42830 | there is no primary key for referenced table "e"
            create table e (x int, unique (zz))                               | 42703 | column "zz" named in key does not exist
            create table e (x int, unique (x, x))                             | 42701 | column "x" appears twice in unique constraint
            create table e (x int check (x > (select 1)))                     | 0A000 | cannot use subquery in check constraint
            create table e (x int check (exists (select 1 from p)))           | 0A000 | cannot use subquery in check constraint
            create table e (x int check (x > zz))                             | 42703 | column "zz" does not exist
            create table e (x int check (x + 1))                              | 42804 | argument of CHECK must be type boolean, not type integer
            create table e (x int check (count(*) > 1))                       | 42803 | aggregate functions are not allowed in check constraints
            create table e (x int, constraint k check (x > 0), constraint k check (x > 1)) | 42710 | check constraint "k" already exists
            create table e (x int, constraint k check (x > 0), constraint k unique (x))    | 42710 | constraint "k" for relation "e" already exists
            create table e (x int, constraint k unique (x), constraint k unique (x))       | 42P07 | relation "k" already exists
            """)
    void errorsAsInPostgres(String sql, String sqlState, String message) {
        PgException e = assertThrows(PgException.class, () -> plan(sql));
        assertEquals(sqlState, e.sqlState().code(), e.getMessage());
        assertEquals(message, e.getMessage());
    }

    @Test
    void incompatibleKeyTypesAreDetailed() {
        PgException e = assertThrows(PgException.class, () -> plan("create table e (x text references p)"));
        assertEquals("Key columns \"x\" and \"id\" are of incompatible types: text and integer.", e.detail());
    }

    @Test
    void insertsAndUpdatesCarryTheChecksInNameOrder() {
        create("create table c (id int, v int check (v > 0), w text, constraint a_first check (w <> '' and v < 100))");
        RelationalPlan insert = (RelationalPlan) plan("insert into c values (1, 2, 'x')");
        Project checks = assertInstanceOf(Project.class, insert.checks());
        assertInstanceOf(TableScan.class, checks.getInput());
        assertEquals(List.of("a_first", "c_v_check"), checks.getRowType().getFieldNames());
        assertInstanceOf(Project.class, ((RelationalPlan) plan("update c set v = v + 1")).checks());
        assertInstanceOf(Project.class, ((RelationalPlan) plan(
                "insert into c values (1, 2, 'x') on conflict do nothing")).checks());
        assertNull(((RelationalPlan) plan("delete from c")).checks());
        assertNull(((RelationalPlan) plan("insert into p (id) values (1)")).checks());
    }
}
