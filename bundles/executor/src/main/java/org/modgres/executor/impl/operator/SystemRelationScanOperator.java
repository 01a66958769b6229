package org.modgres.executor.impl.operator;

import java.util.Iterator;

import org.modgres.api.catalog.SystemRelation;
import org.modgres.api.catalog.SystemRelationContext;

/** Reads the rows of a system relation, computed when the scan opens. */
final class SystemRelationScanOperator implements Operator {

    private final SystemRelation relation;
    private final SystemRelationContext context;
    private final Interrupts interrupts;
    private Iterator<Object[]> rows;

    SystemRelationScanOperator(SystemRelation relation, SystemRelationContext context, Interrupts interrupts) {
        this.relation = relation;
        this.context = context;
        this.interrupts = interrupts;
    }

    @Override
    public void open() {
        rows = relation.rows(context);
    }

    @Override
    public Object[] next() {
        if (rows == null || !rows.hasNext()) {
            return null;
        }
        interrupts.tick();
        return rows.next();
    }

    @Override
    public void close() {
        rows = null;
    }
}
