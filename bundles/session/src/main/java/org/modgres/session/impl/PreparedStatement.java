package org.modgres.session.impl;

import java.util.List;

import org.modgres.api.plan.Plan;
import org.modgres.api.plan.Planner;
import org.modgres.api.sql.Statement;
import org.modgres.api.type.PgType;

/**
 * A statement prepared by Parse (or the one statement being run by a simple Query), with the
 * plan cached for it. The plan is remade when the catalog changed, another planner took over, or
 * the planner's rules or functions changed.
 */
final class PreparedStatement {

    final String name;
    final String sql;
    /** The parsed statement, or null for an empty query string. */
    final Statement statement;
    final List<PgType> declaredTypes;
    /** Whether one plan may serve this statement and others that differ only in literals (simple queries). */
    final boolean sharesPlansAcrossLiterals;
    private Plan plan;
    private Planner plannedBy;
    private long plannerGeneration;
    private List<String> plannedSearchPath;
    private boolean treeUsed;

    PreparedStatement(String name, String sql, Statement statement, List<PgType> declaredTypes) {
        this(name, sql, statement, declaredTypes, false);
    }

    PreparedStatement(String name, String sql, Statement statement, List<PgType> declaredTypes,
                      boolean sharesPlansAcrossLiterals) {
        this.name = name;
        this.sql = sql;
        this.statement = statement;
        this.declaredTypes = declaredTypes;
        this.sharesPlansAcrossLiterals = sharesPlansAcrossLiterals;
    }

    /**
     * Returns the cached plan if this planner, as it is now, made it against this catalog version
     * and search path.
     */
    Plan cachedPlan(Planner planner, long catalogVersion, List<String> searchPath) {
        return plan != null && plannedBy == planner && plan.catalogVersion() == catalogVersion
                && plannerGeneration == planner.generation() && searchPath.equals(plannedSearchPath) ? plan : null;
    }

    /** Keeps a plan; the generation is the planner's when planning started, so a change meanwhile replans. */
    void cache(Plan newPlan, Planner planner, long generation, List<String> searchPath) {
        this.plan = newPlan;
        this.plannedBy = planner;
        this.plannerGeneration = generation;
        this.plannedSearchPath = searchPath;
    }

    /** Returns the last plan made, for Describe; null before the first planning. */
    Plan lastPlan() {
        return plan;
    }

    /**
     * Returns true the first time: the parse tree may be planned once, later plans need a fresh
     * parse because planners may change the tree.
     */
    boolean takeTree() {
        boolean first = !treeUsed;
        treeUsed = true;
        return first;
    }
}
