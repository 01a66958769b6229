package org.modgres.planner.calcite.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;
import org.modgres.parser.impl.PostgresSqlParser;
import org.modgres.shmem.impl.SharedStorageImpl;

/** The SQLSTATEs and messages PostgreSQL gives for statements its parse analysis refuses, and the types it resolves. */
class PostgresErrorsPlanningTest {

    private static final PostgresSqlParser PARSER = new PostgresSqlParser();

    private final SharedStorage storage = new SharedStorageImpl();
    private final CalcitePlanner planner = new CalcitePlanner();

    @BeforeEach
    void createTables() {
        Transaction t = storage.begin();
        t.createTable(new TableDefinition("public", "item",
                List.of(new ColumnInfo("id", ColumnType.of(PgType.INT4), true),
                        new ColumnInfo("name", ColumnType.of(PgType.TEXT), true),
                        new ColumnInfo("price", ColumnType.numeric(5, 2), false),
                        new ColumnInfo("added", ColumnType.of(PgType.DATE), false)),
                List.of(0)));
        t.createTable(new TableDefinition("public", "ident",
                List.of(new ColumnInfo("id", ColumnType.of(PgType.INT4), true, null, ColumnInfo.Identity.ALWAYS),
                        new ColumnInfo("v", ColumnType.of(PgType.TEXT), false)),
                List.of()));
        t.commit();
    }

    private RelationalPlan plan(String sql) {
        PlannableStatement statement = (PlannableStatement) PARSER.parse(sql).getFirst();
        return (RelationalPlan) planner.plan(statement, new PlanningContext(storage.catalog(), List.of()));
    }

    private PgException error(SqlState expected, String sql) {
        PgException e = assertThrows(PgException.class, () -> plan(sql));
        assertEquals(expected, e.sqlState(), e.getMessage());
        return e;
    }

    @Test
    void calcitesValidationErrorsBecomePostgresqls() {
        error(SqlState.SYNTAX_ERROR, "select * from item join item i2");
        assertEquals("each UNION query must have the same number of columns",
                error(SqlState.SYNTAX_ERROR, "select 1, 2 union select 1").getMessage());
        error(SqlState.INVALID_COLUMN_REFERENCE, "select distinct name from item order by price");
        assertEquals("ORDER BY position 5 is not in select list",
                error(SqlState.INVALID_COLUMN_REFERENCE, "select id from item order by 5").getMessage());
        error(SqlState.GROUPING_ERROR, "select sum(count(*)) from item");
        assertEquals("window functions are not allowed in WHERE",
                error(SqlState.WINDOWING_ERROR, "select id from item where row_number() over () > 1").getMessage());
        assertEquals("window \"nowin\" does not exist",
                error(SqlState.UNDEFINED_OBJECT, "select sum(id) over nowin from item").getMessage());
        assertEquals("type \"nosuchtype\" does not exist", error(SqlState.UNDEFINED_OBJECT, "select 1::nosuchtype").getMessage());
        error(SqlState.DATATYPE_MISMATCH, "select * from item where 1");
        assertEquals("table name \"a\" specified more than once",
                error(SqlState.DUPLICATE_ALIAS, "select * from item a, item a").getMessage());
        assertEquals("subquery must return only one column",
                error(SqlState.SYNTAX_ERROR, "select (select id, name from item where id = 1)").getMessage());
        assertEquals("cannot cast type integer to date",
                error(SqlState.CANNOT_COERCE, "select 1::date").getMessage());
        assertEquals("multiple assignments to same column \"id\"",
                error(SqlState.SYNTAX_ERROR, "update item set id = 1, id = 2").getMessage());
    }

    @Test
    void windowFrameErrorsAreWindowingErrors() {
        assertEquals("RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column",
                error(SqlState.WINDOWING_ERROR, "select sum(id) over (order by id, name range between 1 preceding "
                        + "and current row) from item").getMessage());
        assertEquals("frame start cannot be UNBOUNDED FOLLOWING", error(SqlState.WINDOWING_ERROR,
                "select sum(id) over (order by id rows between unbounded following and current row) from item")
                .getMessage());
        assertEquals("frame starting from current row cannot have preceding rows", error(SqlState.WINDOWING_ERROR,
                "select sum(id) over (order by id rows between current row and 1 preceding) from item").getMessage());
        assertEquals("frame starting offset must not be negative",
                error(SqlState.INVALID_PRECEDING_OR_FOLLOWING_SIZE,
                        "select sum(id) over (order by id rows between -1 preceding and current row) from item")
                        .getMessage());
        error(SqlState.FEATURE_NOT_SUPPORTED, "select sum(id) over (order by name range between 1 preceding and "
                + "current row) from item");
    }

    @Test
    void anAssignmentOfTheWrongTypeNamesBothTypes() {
        PgException e = error(SqlState.DATATYPE_MISMATCH, "insert into item (id, name, added) values (2, 'x', 1)");
        assertEquals("column \"added\" is of type date but expression is of type integer", e.getMessage());
        assertEquals("You will need to rewrite or cast the expression.", e.hint());
    }

    @Test
    void notNullIsLeftToTheStorage() {
        plan("insert into item (id) values (1)");
        plan("insert into item (id, name) values (1, null)");
        plan("insert into item default values");
    }

    @Test
    void aGeneratedAlwaysIdentityColumnTakesOnlyDefault() {
        PgException e = error(SqlState.GENERATED_ALWAYS, "insert into ident (id, v) values (5, 'z')");
        assertEquals("cannot insert a non-DEFAULT value into column \"id\"", e.getMessage());
        assertEquals("Column \"id\" is an identity column defined as GENERATED ALWAYS.", e.detail());
        assertEquals("Use OVERRIDING SYSTEM VALUE to override.", e.hint());
        error(SqlState.GENERATED_ALWAYS, "insert into ident values (5, 'z')");
        error(SqlState.GENERATED_ALWAYS, "insert into ident (id, v) select 1, 'x'");
        assertEquals("column \"id\" can only be updated to DEFAULT",
                error(SqlState.GENERATED_ALWAYS, "update ident set id = 3").getMessage());
        plan("insert into ident (id, v) values (default, 'z')");
        plan("insert into ident (v) values ('z')");
        plan("insert into ident (id, v) overriding system value values (5, 'z')");
    }

    @Test
    void aWithClauseNamesEachQueryOnce() {
        assertEquals("WITH query name \"a\" specified more than once",
                error(SqlState.DUPLICATE_ALIAS, "with a as (select 1), a as (select 2) select * from a").getMessage());
    }

    @Test
    void stringsAndNumbersMeetAsInPostgresql() {
        error(SqlState.DATATYPE_MISMATCH, "select case when true then 1 else 'a'::text end");
        error(SqlState.DATATYPE_MISMATCH, "select 1 union select 'a'::text");
        assertEquals("invalid input syntax for type integer: \"x\"",
                error(SqlState.INVALID_TEXT_REPRESENTATION, "select coalesce(1, 'x')").getMessage());
        assertEquals(PgType.INT4, plan("select coalesce(1, '2')").columns().getFirst().type().type());
        assertEquals("operator is not unique: unknown + unknown",
                error(SqlState.AMBIGUOUS_FUNCTION, "select '1' + '1'").getMessage());
        error(SqlState.UNDEFINED_FUNCTION, "select abs(name) from item");
        error(SqlState.UNDEFINED_FUNCTION, "select sum(name) from item");
        plan("select abs('-3')");
    }

    @Test
    void integersAndNumericsMeetInANumericWithoutScale() {
        assertEquals(ColumnType.of(PgType.NUMERIC), plan("select case when true then 1 else 2.5 end").columns().getFirst().type());
        assertEquals(ColumnType.of(PgType.NUMERIC), plan("select coalesce(price, 0) from item").columns().getFirst().type());
        assertEquals(ColumnType.of(PgType.NUMERIC), plan("select 1 union select 2.5").columns().getFirst().type());
        assertEquals(ColumnType.numeric(5, 2), plan("select coalesce(price, price) from item").columns().getFirst().type());
    }

    private PgType typeOf(String sql, int column) {
        return plan(sql).columns().get(column).type().type();
    }

    @Test
    void operatorsFunctionsAndCastsTypeAsInPostgresql() {
        String sql = "select 2 ^ 10, 2.0 ^ 3, 'x' || 'y', name || 'y', gcd(12, 18), lcm(4::bigint, 6),"
                + " scale(1.5), to_hex(255), sha256('abc'::bytea), true::int4, 1::bool from item";
        List<PgType> expected = List.of(PgType.FLOAT8, PgType.NUMERIC, PgType.TEXT, PgType.TEXT, PgType.INT4,
                PgType.INT8, PgType.INT4, PgType.TEXT, PgType.BYTEA, PgType.INT4, PgType.BOOL);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), typeOf(sql, i), "column " + (i + 1));
        }
    }
}
