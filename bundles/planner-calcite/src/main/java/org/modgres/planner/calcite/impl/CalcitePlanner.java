package org.modgres.planner.calcite.impl;

import org.modgres.api.plan.Planner;
import org.osgi.service.component.annotations.Component;

/**
 * The default planner: Calcite's heuristic rewrites only (sub-queries to joins, filters pushed
 * down, projections merged), which keeps planning short for OLTP statements. Joins run in the
 * order the statement writes them.
 */
@Component(service = Planner.class, property = {"service.ranking:Integer=0", "modgres.planner=calcite"})
public final class CalcitePlanner extends AbstractCalcitePlanner {

    static final String NAME = "calcite";

    public CalcitePlanner() {
        super(NAME, null);
    }
}
