package org.modgres.planner.calcite.impl;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql2rel.InitializerExpressionFactory;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableInfo;

/** A table of the catalog as Calcite sees it: a name and a row type. Its rows are the executor's business. */
final class CatalogTable extends AbstractTable {

    private final TableInfo info;

    CatalogTable(TableInfo info) {
        this.info = info;
    }

    TableInfo info() {
        return info;
    }

    /**
     * Every column is nullable here: NOT NULL is the storage's to enforce when a row is written, as
     * PostgreSQL does (23502, with the failing row, after a serial default has used up its value),
     * so Calcite's validator must not refuse a missing column or a NULL while planning.
     */
    @Override
    public RelDataType getRowType(RelDataTypeFactory factory) {
        RelDataTypeFactory.Builder builder = factory.builder();
        for (ColumnInfo column : info.columns()) {
            builder.add(column.name(), TypeMapping.toCalcite(factory, column.type(), true));
        }
        return builder.build();
    }

    /** Offers the columns' defaults to INSERT, as {@link InitializerExpressionFactory}. */
    @Override
    public <C> C unwrap(Class<C> type) {
        if (type == InitializerExpressionFactory.class) {
            return type.cast(new ColumnDefaults(info.columns()));
        }
        return super.unwrap(type);
    }
}
