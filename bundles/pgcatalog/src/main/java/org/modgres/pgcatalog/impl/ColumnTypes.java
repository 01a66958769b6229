package org.modgres.pgcatalog.impl;

import java.util.Map;

import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/** What the catalogs record of a column's type: its pg_type row, collation and default B-tree operator class. */
final class ColumnTypes {

    /** The default btree operator class of each type, for pg_index.indclass. */
    private static final Map<PgType, Long> BTREE_OPERATOR_CLASSES = Map.ofEntries(
            Map.entry(PgType.BOOL, 10003L), Map.entry(PgType.BYTEA, 10006L), Map.entry(PgType.CHAR, 10007L),
            Map.entry(PgType.NAME, 10028L), Map.entry(PgType.INT8, 3124L), Map.entry(PgType.INT2, 1979L),
            Map.entry(PgType.INT4, 1978L), Map.entry(PgType.TEXT, 3126L), Map.entry(PgType.OID, 1981L),
            Map.entry(PgType.FLOAT4, 10012L), Map.entry(PgType.FLOAT8, 3123L), Map.entry(PgType.BPCHAR, 10004L),
            Map.entry(PgType.VARCHAR, 3126L), Map.entry(PgType.DATE, 3122L), Map.entry(PgType.TIME, 10038L),
            Map.entry(PgType.TIMESTAMP, 3128L), Map.entry(PgType.TIMESTAMPTZ, 3127L), Map.entry(PgType.NUMERIC, 3125L),
            Map.entry(PgType.UUID, 10065L), Map.entry(PgType.INTERVAL, 10022L),
            Map.entry(PgType.JSONB, 10088L));

    private ColumnTypes() {
    }

    static BuiltinTypes.Type of(ColumnType type) {
        return BuiltinTypes.byOid(type.type().oid());
    }

    /** Returns the collation of a column of this type: its type's, 0 for types that have none. */
    static long collation(ColumnType type) {
        BuiltinTypes.Type row = of(type);
        return row == null ? 0 : row.collation();
    }

    static long operatorClass(ColumnType type) {
        return BTREE_OPERATOR_CLASSES.getOrDefault(type.type(), 0L);
    }
}
