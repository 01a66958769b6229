package org.modgres.executor.impl.operator;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.RepeatUnion;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.schema.TransientTable;
import org.modgres.executor.impl.value.PgErrors;

/**
 * The rows of a recursive query's last iteration, which the scans of its name in the recursive
 * term read (PostgreSQL's "working table"). The recursive union fills it before each iteration.
 */
final class WorkingTable {

    private List<Object[]> rows = List.of();

    List<Object[]> rows() {
        return rows;
    }

    void replace(List<Object[]> rows) {
        this.rows = rows;
    }

    /** Returns the name of the table a recursive union's terms write (through spools) and read. */
    static List<String> nameOf(RepeatUnion repeatUnion) {
        if (repeatUnion.getTransientTable() != null) {
            return repeatUnion.getTransientTable().getQualifiedName();
        }
        List<List<String>> names = new ArrayList<>();
        new RelVisitor() {
            @Override
            public void visit(RelNode node, int ordinal, RelNode parent) {
                if (node instanceof TableScan scan && scan.getTable().unwrap(TransientTable.class) != null) {
                    names.add(scan.getTable().getQualifiedName());
                }
                super.visit(node, ordinal, parent);
            }
        }.go(repeatUnion.getIterativeRel());
        if (names.isEmpty()) {
            throw PgErrors.notSupported("a recursive union whose recursive term reads no working table");
        }
        return names.getFirst();
    }
}
