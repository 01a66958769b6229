package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.modgres.api.catalog.SystemFunction;
import org.modgres.api.catalog.SystemRelation;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.Plan;
import org.modgres.api.plan.Planner;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.type.PgType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default planner: Apache Calcite's validator and relational algebra, against the live catalog. */
@Component(service = Planner.class, property = {"service.ranking:Integer=0", "modgres.planner=calcite"})
public final class CalcitePlanner implements Planner {

    static final String NAME = "calcite";

    private static final Logger LOG = LoggerFactory.getLogger(CalcitePlanner.class);

    private final SystemCatalog system = new SystemCatalog();
    private final QueryPlanner queries = new QueryPlanner(NAME, system);
    private final DdlPlanner ddl = new DdlPlanner(NAME);
    private final SharedPlans shared = new SharedPlans();

    @Activate
    public CalcitePlanner() {
        LOG.info("planner {} active", NAME);
    }

    /** Offers a relation of the system catalogs to the statements planned from now on. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addSystemRelation(SystemRelation relation) {
        system.add(relation);
        shared.clear();
    }

    public void removeSystemRelation(SystemRelation relation) {
        system.remove(relation);
        shared.clear();
    }

    /** Offers a function of the system catalogs to the statements planned from now on. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addSystemFunction(SystemFunction function) {
        system.add(function);
        shared.clear();
    }

    public void removeSystemFunction(SystemFunction function) {
        system.remove(function);
        shared.clear();
    }

    @Deactivate
    void deactivate() {
        LOG.info("planner {} stopped", NAME);
    }

    /**
     * Plans a statement with its integer literals made parameters, or takes the plan another
     * statement of the same shape got; a statement with nothing to lift is planned as it is.
     */
    private Plan planSharingLiterals(PlannableStatement statement, PlanningContext context, long catalogVersion) {
        LiteralLifter.Lifted lifted = LiteralLifter.lift((SqlNode) statement.syntaxTree(), statement.text(),
                statement.parameterCount());
        if (lifted == null) {
            return queries.plan(statement, context, catalogVersion);
        }
        RelationalPlan known = shared.find(lifted.shapeKey(), context.declaredParameterTypes(), catalogVersion);
        if (known != null) {
            return known.withLiteralParameters(lifted.values());
        }
        List<PgType> types = new ArrayList<>();
        for (int i = 0; i < statement.parameterCount(); i++) {
            types.add(context.declaredType(i));
        }
        lifted.values().forEach(value -> types.add(PgType.INT4));
        PlannableStatement parameterised = new PlannableStatement(statement.text(), statement.kind(), lifted.tree(),
                statement.parameterCount() + lifted.values().size());
        RelationalPlan plan = queries.plan(parameterised,
                new PlanningContext(context.catalog(), types, true), catalogVersion);
        shared.keep(lifted.shapeKey(), context.declaredParameterTypes(), catalogVersion, plan);
        return plan.withLiteralParameters(lifted.values());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Plan plan(PlannableStatement statement, PlanningContext context) {
        long catalogVersion = context.catalog().version();
        SqlNode tree = (SqlNode) statement.syntaxTree();
        return switch (statement.kind()) {
            case SELECT, INSERT, UPDATE, DELETE -> context.sharesPlansAcrossLiterals()
                    ? planSharingLiterals(statement, context, catalogVersion)
                    : queries.plan(statement, context, catalogVersion);
            case VALUES -> queries.plan(statement, context, catalogVersion);
            case CREATE_TABLE -> ddl.createTable((SqlCreateTable) tree, catalogVersion);
            case DROP_TABLE -> ddl.dropTables((SqlNodeList) tree, catalogVersion);
            default -> throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    statement.kind() + " cannot be planned");
        };
    }
}
