package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.hint.HintPredicates;
import org.apache.calcite.rel.hint.HintStrategyTable;
import org.apache.calcite.rel.hint.RelHint;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.modgres.api.storage.ViewInfo;

/**
 * A view as Calcite sees it: its columns, and its query put in its place when a statement reads
 * it, as PostgreSQL's rewriter does. The scans of the tables the query reads carry a
 * {@value #VIEW_HINT} hint naming the view (and the views around it, innermost first), so that
 * privileges on them are checked for the view's owner, as PostgreSQL does.
 */
final class ViewTable extends AbstractTable implements TranslatableTable {

    /** The hint on a scan read through a view; its options are the view's schema, name and OID. */
    static final String VIEW_HINT = "modgres_view";

    /** Lets rules see scans with the hint: Calcite's rules look every hint's strategy up. */
    static final HintStrategyTable HINT_STRATEGIES = HintStrategyTable.builder()
            .hintStrategy(VIEW_HINT, HintPredicates.TABLE_SCAN).build();

    private final ViewInfo info;

    ViewTable(ViewInfo info) {
        this.info = info;
    }

    ViewInfo info() {
        return info;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory factory) {
        return TypeMapping.rowType(factory, info.columns());
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        RelNode query = ViewExpansions.expanding(info.oid(), () -> context.expandView(relOptTable.getRowType(),
                info.definition(), info.searchPath(), List.of(info.schema(), info.name())).project());
        RelNode shaped = RelOptUtil.createCastRel(query, relOptTable.getRowType(), true);
        RelHint hint = RelHint.builder(VIEW_HINT)
                .hintOptions(List.of(info.schema(), info.name(), Long.toString(info.oid()))).build();
        return shaped.accept(new RelShuttleImpl() {
            @Override
            public RelNode visit(TableScan scan) {
                if (scan instanceof LogicalTableScan logical) {
                    List<RelHint> hints = new ArrayList<>(logical.getHints());
                    hints.add(hint);
                    return logical.withHints(hints);
                }
                return scan;
            }
        });
    }
}
