package org.modgres.executor.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.schema.TransientTable;
import org.modgres.api.catalog.SystemRelation;
import org.modgres.api.plan.DataModifyingWith;
import org.modgres.api.storage.RowScan;
import org.modgres.executor.impl.operator.TableNames;

/**
 * The rows of the tables a statement's data-modifying WITH queries change, read before any of them
 * runs. In PostgreSQL the WITH queries and the main query all run with the statement's snapshot:
 * none sees the others' changes in the tables, only through RETURNING. The transaction's scans see
 * its own changes at once, so the scans of those tables read these rows instead.
 */
final class TablesAsOfStart {

    private TablesAsOfStart() {
    }

    /** Returns the rows of each table a WITH query changes and some part of the statement reads. */
    static Map<TableNames, List<Object[]>> read(DataModifyingWith with, StatementResources resources) {
        Set<TableNames> changed = new HashSet<>();
        Set<TableNames> scanned = new HashSet<>();
        for (DataModifyingWith.Step step : with.steps()) {
            if (step.plan().root() instanceof TableModify modify) {
                changed.add(TableNames.of(modify.getTable()));
            }
            collectScans(step.plan().root(), scanned);
        }
        collectScans(with.main(), scanned);
        scanned.retainAll(changed);
        Map<TableNames, List<Object[]>> rows = new HashMap<>();
        for (TableNames table : scanned) {
            List<Object[]> tableRows = new ArrayList<>();
            try (RowScan scan = resources.transaction().table(table.schema(), table.table()).scan()) {
                while (scan.next()) {
                    resources.interrupts().tick();
                    // the storage never changes the arrays it hands out
                    tableRows.add(scan.row());
                }
            }
            rows.put(table, tableRows);
        }
        return rows;
    }

    /** Adds the stored tables a plan scans, also in its sub-queries. */
    private static void collectScans(RelNode plan, Set<TableNames> tables) {
        RexShuttle subQueries = new RexShuttle() {
            @Override
            public org.apache.calcite.rex.RexNode visitSubQuery(RexSubQuery subQuery) {
                collectScans(subQuery.rel, tables);
                return subQuery;
            }
        };
        new RelVisitor() {
            @Override
            public void visit(RelNode node, int ordinal, RelNode parent) {
                if (node instanceof TableScan scan && scan.getTable().unwrap(SystemRelation.class) == null
                        && scan.getTable().unwrap(TransientTable.class) == null) {
                    tables.add(TableNames.of(scan.getTable()));
                }
                node.accept(subQueries);
                super.visit(node, ordinal, parent);
            }
        }.go(plan);
    }
}
