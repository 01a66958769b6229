package org.modgres.planner.calcite.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.StatementKind;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;
import org.modgres.shmem.impl.SharedStorageImpl;

/** Simple-protocol statements that differ only in integer literals share one plan. */
class SharedPlansTest {

    private final SharedStorage storage = new SharedStorageImpl();
    private final CalcitePlanner planner = new CalcitePlanner();

    @BeforeEach
    void createTable() {
        Transaction t = storage.begin();
        t.createTable(new TableDefinition("public", "accounts",
                List.of(new ColumnInfo("aid", ColumnType.of(PgType.INT4), true),
                        new ColumnInfo("abalance", ColumnType.of(PgType.INT4), false),
                        new ColumnInfo("note", ColumnType.of(PgType.TEXT), false)),
                List.of(0)));
        t.commit();
    }

    private RelationalPlan plan(String sql, StatementKind kind, boolean share) throws SqlParseException {
        SqlParser parser = SqlParser.create(sql,
                SqlParser.config().withUnquotedCasing(Casing.TO_LOWER).withCaseSensitive(true));
        PlannableStatement statement = new PlannableStatement(sql, kind, parser.parseStmt(), 0);
        return (RelationalPlan) planner.plan(statement, new PlanningContext(storage.catalog(), List.of(), share));
    }

    @Test
    void statements_differing_in_integer_literals_share_a_plan_with_their_own_values() throws Exception {
        RelationalPlan first = plan("UPDATE accounts SET abalance = abalance + -3313 WHERE aid = 8920", StatementKind.UPDATE,
                true);
        RelationalPlan second = plan("UPDATE accounts SET abalance = abalance + -12 WHERE aid = 7", StatementKind.UPDATE,
                true);
        assertSame(first.root(), second.root(), "one plan for both");
        assertEquals(List.of(PgType.INT4, PgType.INT4), second.parameterTypes());
        assertEquals(2, second.literalParameters().size());
        assertTrue(second.literalParameters().contains(7));
        assertEquals(List.of(), plan("select abalance from accounts where aid = 1", StatementKind.SELECT, false)
                .literalParameters(), "the extended protocol keeps literals");
    }

    @Test
    void literals_that_shape_the_plan_or_the_result_stay_literals() throws Exception {
        for (String sql : List.of("select abalance, 1 from accounts where aid = 2 order by 1",
                "select abalance from accounts where aid = 2 limit 5",
                "select abalance from accounts where note = '12' and aid = 3",
                "select abalance from accounts where aid = 3000000000",
                "select abalance from accounts where aid = 1.5",
                "select 1")) {
            RelationalPlan plan = plan(sql, StatementKind.SELECT, true);
            assertEquals(List.of(), plan.literalParameters(), sql);
            assertEquals(List.of(), plan.parameterTypes(), sql);
        }
    }

    @Test
    void a_statement_of_a_known_shape_is_planned_again_after_ddl() throws Exception {
        RelationalPlan before = plan("select abalance from accounts where aid = 1", StatementKind.SELECT, true);
        Transaction ddl = storage.begin();
        ddl.createTable(new TableDefinition("public", "other", List.of(new ColumnInfo("x", ColumnType.of(PgType.INT4),
                false)), List.of()));
        ddl.commit();
        RelationalPlan after = plan("select abalance from accounts where aid = 2", StatementKind.SELECT, true);
        assertTrue(after.catalogVersion() > before.catalogVersion());
        assertEquals(List.of(2), after.literalParameters());
    }

    private RelationalPlan planShared(String text) {
        return (RelationalPlan) planner.planShared(text, new PlanningContext(storage.catalog(), List.of(), true));
    }

    @Test
    void a_text_of_a_known_shape_gets_its_plan_without_parsing() throws Exception {
        assertNull(planShared("UPDATE accounts SET abalance = abalance + -5 WHERE aid = 6;"), "nothing known yet");
        RelationalPlan parsed = plan("UPDATE accounts SET abalance = abalance + -3313 WHERE aid = 8920",
                StatementKind.UPDATE, true);
        RelationalPlan shared = planShared("UPDATE accounts SET abalance = abalance + -12 WHERE aid = 7; ");
        assertSame(parsed.root(), shared.root());
        assertEquals(List.of(-12, 7), shared.literalParameters(), "the sign written before a run is the planner's");
        assertEquals(StatementKind.UPDATE, shared.kind());
        assertNull(planShared("UPDATE accounts SET abalance = abalance + -12 WHERE aid = 3000000000"),
                "a value past integer is planned from its tree");
        assertNull(planShared("UPDATE accounts SET abalance = abalance + -12 WHERE aid = 7 OR aid = 8"));
        assertNull((RelationalPlan) planner.planShared("UPDATE accounts SET abalance = abalance + -12 WHERE aid = 7",
                new PlanningContext(storage.catalog(), List.of(), false)), "the extended protocol keeps its literals");
    }

    @Test
    void only_texts_whose_every_digit_run_was_a_literal_share_by_text() throws Exception {
        plan("select abalance from accounts where note = '12' and aid = 2", StatementKind.SELECT, true);
        assertNull(planShared("select abalance from accounts where note = '13' and aid = 3"),
                "a digit run in a string was not lifted, so the shape is not shared");
        plan("select abalance from accounts where aid = 2", StatementKind.SELECT, true);
        assertEquals(List.of(3), planShared("select abalance from accounts where aid = 3").literalParameters());
    }

    @Test
    void a_text_without_digits_is_its_own_shape_and_its_plan_is_kept() throws Exception {
        assertNull(planShared("select count(*) from accounts"), "nothing known yet");
        RelationalPlan parsed = plan("select count(*) from accounts", StatementKind.SELECT, true);
        RelationalPlan shared = planShared("select count(*) from accounts;");
        assertSame(parsed.root(), shared.root());
        assertEquals(List.of(), shared.literalParameters());
        assertNull(planShared("select count(*) from accounts where aid = 1"), "another text");
        assertNull((RelationalPlan) planner.planShared("select count(*) from accounts",
                new PlanningContext(storage.catalog(), List.of(), false)), "not for the extended protocol");
    }

    @Test
    void a_text_whose_own_hash_sign_matches_a_masked_shape_gets_no_plan() throws Exception {
        plan("select abalance from accounts where aid = 5", StatementKind.SELECT, true);
        assertNull(planShared("select abalance from accounts where aid = #"),
                "the masked shape's literal has no value in this text");
    }
}
