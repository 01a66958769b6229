package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.modgres.api.catalog.SystemFunction;
import org.modgres.api.catalog.SystemRelation;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.Plan;
import org.modgres.api.plan.Planner;
import org.modgres.api.plan.PlannerRuleProvider;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.type.PgType;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Planning with Apache Calcite's validator and relational algebra against the live catalog, with
 * the system relations, functions and planner rules that bundles register. The planner components
 * differ in their name and in the optimisation they run after the common rewrites; their bundles
 * build this class in with {@code -dsannotations-options: inherit}, so the references below are
 * each component's own.
 */
public abstract class AbstractCalcitePlanner implements Planner {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractCalcitePlanner.class);

    private final String name;
    private final SystemCatalog system = new SystemCatalog();
    private final QueryPlanner queries;
    private final DdlPlanner ddl;
    private final AlterTablePlanner alterTable;
    private final SharedPlans shared = new SharedPlans();
    private final AtomicLong generation = new AtomicLong();

    /**
     * @param name         the planner's name, recorded in its plans
     * @param optimization rules run after the common rewrites and before the rules of rule
     *                     bundles; null for none
     */
    protected AbstractCalcitePlanner(String name, HepProgram optimization) {
        this.name = name;
        this.queries = new QueryPlanner(name, system, optimization);
        this.ddl = new DdlPlanner(name, system);
        this.alterTable = new AlterTablePlanner(name, system);
        LOG.info("planner {} active", name);
    }

    /** Offers a relation of the system catalogs to the statements planned from now on. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addSystemRelation(SystemRelation relation) {
        system.add(relation);
        extensionsChanged();
    }

    public void removeSystemRelation(SystemRelation relation) {
        system.remove(relation);
        extensionsChanged();
    }

    /** Offers a function of the system catalogs to the statements planned from now on. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addSystemFunction(SystemFunction function) {
        system.add(function);
        extensionsChanged();
    }

    public void removeSystemFunction(SystemFunction function) {
        system.remove(function);
        extensionsChanged();
    }

    /** Runs a bundle's planner rules over the statements planned from now on. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addRuleProvider(PlannerRuleProvider provider) {
        system.add(provider);
        extensionsChanged();
        LOG.info("planner {} runs the rules of {}", name, provider.name());
    }

    public void removeRuleProvider(PlannerRuleProvider provider) {
        system.remove(provider);
        extensionsChanged();
        LOG.info("planner {} no longer runs the rules of {}", name, provider.name());
    }

    /** Plans made before a relation, function or rule came or went are made again. */
    private void extensionsChanged() {
        generation.incrementAndGet();
        shared.clear();
    }

    @Deactivate
    protected void deactivate() {
        LOG.info("planner {} stopped", name);
    }

    /**
     * Plans a statement with its integer literals made parameters, or takes the plan another
     * statement of the same shape got; a statement with nothing to lift is planned as it is.
     */
    private Plan planSharingLiterals(PlannableStatement statement, PlanningContext context, long catalogVersion) {
        LiteralLifter.Lifted lifted = LiteralLifter.lift((SqlNode) statement.syntaxTree(), statement.text(),
                statement.parameterCount());
        if (lifted == null) {
            return planWithoutLiterals(statement, context, catalogVersion);
        }
        RelationalPlan known = shared.find(lifted.shapeKey(), context.declaredParameterTypes(), catalogVersion,
                context.searchPath());
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
                new PlanningContext(context.catalog(), types, true, context.searchPath(), context.parser()),
                catalogVersion);
        shared.keep(lifted.shapeKey(), context.declaredParameterTypes(), catalogVersion, context.searchPath(), plan,
                lifted.signs());
        return plan.withLiteralParameters(lifted.values());
    }

    /**
     * Plans a statement of the simple protocol whose literals were not lifted. One with no digit
     * run at all ({@code SELECT count(*) FROM t}, {@code SELECT now()}) is its own shape, and its
     * plan is kept like a lifted one, so that sending it again skips the parser and the planner.
     */
    private Plan planWithoutLiterals(PlannableStatement statement, PlanningContext context, long catalogVersion) {
        LiteralShape shape = LiteralShape.of(statement.text());
        if (!shape.runs().isEmpty() || statement.parameterCount() > 0 || !context.declaredParameterTypes().isEmpty()) {
            return queries.plan(statement, context, catalogVersion);
        }
        RelationalPlan known = shared.find(shape.key(), List.of(), catalogVersion, context.searchPath());
        if (known != null) {
            return known;
        }
        RelationalPlan plan = queries.plan(statement, context, catalogVersion);
        shared.keep(shape.key(), List.of(), catalogVersion, context.searchPath(), plan, new int[0]);
        return plan;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Plan planShared(String text, PlanningContext context) {
        if (!context.sharesPlansAcrossLiterals() || !context.declaredParameterTypes().isEmpty()) {
            return null;
        }
        return shared.findForText(LiteralShape.of(text), context.catalog().version(), context.searchPath());
    }

    @Override
    public long generation() {
        return generation.get();
    }

    @Override
    public List<String> explain(Plan plan) {
        if (!(plan instanceof RelationalPlan relational)) {
            return Planner.super.explain(plan);
        }
        List<String> lines = new ArrayList<>(lines(relational.root()));
        if (relational.returning() != null) {
            lines.add("Returning:");
            lines(relational.returning()).forEach(line -> lines.add("  " + line));
        }
        return lines;
    }

    private static List<String> lines(RelNode rel) {
        return RelOptUtil.toString(rel).lines().map(String::stripTrailing).filter(line -> !line.isEmpty()).toList();
    }

    @Override
    public Plan plan(PlannableStatement statement, PlanningContext context) {
        return new SearchPath(context.catalog(), context.searchPath(), context.parser()).during(() -> planInPath(statement, context));
    }

    private Plan planInPath(PlannableStatement statement, PlanningContext context) {
        long catalogVersion = context.catalog().version();
        SqlNode tree = (SqlNode) statement.syntaxTree();
        if (RowLockingPlans.isMarker(tree)) {
            RowLockingPlans.checkQuery(tree);
            PlannableStatement query = new PlannableStatement(statement.text(), statement.kind(),
                    RowLockingPlans.query(tree), statement.parameterCount());
            return RowLockingPlans.lock(queries.plan(query, context, catalogVersion), tree, statement.text());
        }
        return switch (statement.kind()) {
            case SELECT, INSERT, UPDATE, DELETE -> context.sharesPlansAcrossLiterals()
                    ? planSharingLiterals(statement, context, catalogVersion)
                    : queries.plan(statement, context, catalogVersion);
            case VALUES -> queries.plan(statement, context, catalogVersion);
            case CREATE_TABLE -> ddl.createTable((SqlCreateTable) tree, context.catalog(), statement.text(),
                    catalogVersion);
            case DROP_TABLE -> ddl.dropTables((SqlNodeList) tree, catalogVersion);
            case ALTER_TABLE -> alterTable.plan((SqlCall) tree, context.catalog(), statement.text(), catalogVersion);
            default -> throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    statement.kind() + " cannot be planned");
        };
    }
}
