package org.modgres.parser.impl;

import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/** Finds the highest {@code $n} in a parse tree. */
final class ParameterCounter extends SqlBasicVisitor<Void> {

    private int count;

    private ParameterCounter() {
    }

    /** Returns the highest n of the {@code $n} in {@code tree}, or 0 when there is none. */
    static int count(SqlNode tree) {
        final ParameterCounter counter = new ParameterCounter();
        tree.accept(counter);
        return counter.count;
    }

    @Override
    public Void visit(SqlDynamicParam param) {
        count = Math.max(count, param.getIndex() + 1);
        return null;
    }
}
