package org.modgres.planner.calcite.impl;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;
import org.modgres.api.catalog.SystemRelation;

/**
 * A system relation as Calcite sees it. Its scan's table unwraps to the relation, which is how an
 * executor finds the rows (see {@code org.modgres.api.catalog}).
 */
final class SystemTable extends AbstractTable {

    private final SystemRelation relation;

    SystemTable(SystemRelation relation) {
        this.relation = relation;
    }

    SystemRelation relation() {
        return relation;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory factory) {
        return TypeMapping.rowType(factory, relation.columns());
    }

    @Override
    public <C> C unwrap(Class<C> type) {
        if (type.isInstance(relation)) {
            return type.cast(relation);
        }
        return type.isInstance(this) ? type.cast(this) : null;
    }
}
