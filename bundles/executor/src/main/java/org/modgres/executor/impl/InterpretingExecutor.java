package org.modgres.executor.impl;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.modgres.api.exec.ExecutionContext;
import org.modgres.api.exec.Executor;
import org.modgres.api.exec.RowCursor;
import org.modgres.api.plan.CreateTablePlan;
import org.modgres.api.plan.DropTablePlan;
import org.modgres.api.plan.Plan;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.plan.ResultColumn;
import org.modgres.executor.impl.catalog.StatementCatalogContext;
import org.modgres.executor.impl.dml.DmlRunner;
import org.modgres.executor.impl.dml.RowPipeline;
import org.modgres.executor.impl.expr.ExpressionCompiler;
import org.modgres.executor.impl.operator.Interrupts;
import org.modgres.executor.impl.operator.MemoryBudget;
import org.modgres.executor.impl.operator.Operator;
import org.modgres.executor.impl.operator.OperatorBuilder;
import org.modgres.executor.impl.value.ValueType;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs plans by interpreting Calcite's logical relational algebra directly: one pull-based
 * operator per RelNode, one small evaluator per RexNode, no generated code. DDL and DML run
 * to completion in {@link #execute}; a query's rows, and the rows DML returns, are computed as
 * the session pulls them.
 */
@Component(service = Executor.class, property = "service.ranking:Integer=0")
public final class InterpretingExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(InterpretingExecutor.class);

    @Override
    public String name() {
        return "interpreter";
    }

    @Override
    public RowCursor execute(Plan plan, ExecutionContext context) {
        return switch (plan) {
            case CreateTablePlan create -> {
                DdlRunner.createTable(create, context);
                yield new CountCursor(0);
            }
            case DropTablePlan drop -> {
                DdlRunner.dropTables(drop, context);
                yield new CountCursor(0);
            }
            case RelationalPlan relational -> run(relational, context);
        };
    }

    private RowCursor run(RelationalPlan plan, ExecutionContext context) {
        RelNode root = plan.root();
        ExpressionCompiler compiler = new ExpressionCompiler(parameters(plan, context),
                root.getCluster().getRexBuilder(), OffsetDateTime.now(), new StatementCatalogContext(context));
        Interrupts interrupts = new Interrupts(context);
        OperatorBuilder builder = new OperatorBuilder(context.transaction(), compiler, interrupts,
                MemoryBudget.of(context.settings()));
        if (root instanceof TableModify modify) {
            DmlRunner runner = new DmlRunner(context.transaction(), builder, compiler, interrupts);
            if (plan.returning() == null) {
                long count = runner.run(modify, plan.onConflict(), null);
                LOG.debug("{} changed {} rows", modify.getOperation(), count);
                return new CountCursor(count);
            }
            RowPipeline returning = RowPipeline.compile(plan.returning(), compiler);
            List<Object[]> changed = new ArrayList<>();
            long count = runner.run(modify, plan.onConflict(), changed::add);
            LOG.debug("{} changed {} rows, returning them", modify.getOperation(), count);
            return new ReturningCursor(changed, returning, count, columnTypes(plan.columns(), plan.returning()));
        }
        Operator operator = builder.build(root);
        return new QueryCursor(operator, columnTypes(plan.columns(), root));
    }

    /** Returns the client's parameters followed by those the planner made of the statement's literals. */
    private static List<Object> parameters(RelationalPlan plan, ExecutionContext context) {
        if (plan.literalParameters().isEmpty()) {
            return context.parameters();
        }
        List<Object> all = new ArrayList<>(context.parameters());
        all.addAll(plan.literalParameters());
        return all;
    }

    /** Returns the types the session encodes each column as: the plan's columns, else the RelNode's. */
    private static ValueType[] columnTypes(List<ResultColumn> columns, RelNode rel) {
        List<RelDataTypeField> fields = rel.getRowType().getFieldList();
        ValueType[] types = new ValueType[fields.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = columns.size() == types.length
                    ? ValueType.of(columns.get(i).type().type())
                    : ValueType.of(fields.get(i).getType());
        }
        return types;
    }
}
