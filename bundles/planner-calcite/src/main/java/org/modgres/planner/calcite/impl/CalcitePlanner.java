package org.modgres.planner.calcite.impl;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.Plan;
import org.modgres.api.plan.Planner;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.sql.PlannableStatement;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default planner: Apache Calcite's validator and relational algebra, against the live catalog. */
@Component(service = Planner.class, property = {"service.ranking:Integer=0", "modgres.planner=calcite"})
public final class CalcitePlanner implements Planner {

    static final String NAME = "calcite";

    private static final Logger LOG = LoggerFactory.getLogger(CalcitePlanner.class);

    private final QueryPlanner queries = new QueryPlanner(NAME);
    private final DdlPlanner ddl = new DdlPlanner(NAME);

    @Activate
    public CalcitePlanner() {
        LOG.info("planner {} active", NAME);
    }

    @Deactivate
    void deactivate() {
        LOG.info("planner {} stopped", NAME);
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
            case SELECT, VALUES, INSERT, UPDATE, DELETE -> queries.plan(statement, context, catalogVersion);
            case CREATE_TABLE -> ddl.createTable((SqlCreateTable) tree, catalogVersion);
            case DROP_TABLE -> ddl.dropTables((SqlNodeList) tree, catalogVersion);
            default -> throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    statement.kind() + " cannot be planned");
        };
    }
}
