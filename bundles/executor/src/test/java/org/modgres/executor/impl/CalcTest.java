package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;

import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.rules.CoreRules;
import org.junit.jupiter.api.Test;
import org.modgres.api.plan.RelationalPlan;

/** Plans that other planners make: Calc nodes instead of Filter and Project. */
class CalcTest {

    @Test
    void runsCalcPrograms() {
        SqlHarness sql = new SqlHarness();
        sql.update("create table t (x integer, y text)");
        sql.update("insert into t values (1, 'a'), (2, 'b'), (3, 'c')");
        RelationalPlan logical = sql.relationalPlan("select y || '!', x * 10 from t where x >= 2");
        HepPlanner hep = new HepPlanner(new HepProgramBuilder()
                .addRuleInstance(CoreRules.FILTER_TO_CALC)
                .addRuleInstance(CoreRules.PROJECT_TO_CALC)
                .addRuleInstance(CoreRules.CALC_MERGE).build());
        hep.setRoot(logical.root());
        RelationalPlan plan = new RelationalPlan(logical.kind(), "test", hep.findBestExp(), List.of(), List.of(), 0);
        assertInstanceOf(Calc.class, plan.root());
        assertEquals(List.of(List.of("b!", 20), List.of("c!", 30)), sql.rows(plan));
    }
}
