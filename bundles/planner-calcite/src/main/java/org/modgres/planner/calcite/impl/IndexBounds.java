package org.modgres.planner.calcite.impl;

import java.util.List;
import java.util.Set;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.type.PgType;

/**
 * What a filter over a table says of each column that an index scan can use: the value an
 * equality pins it to, and its lowest and highest value, each a literal or a parameter (possibly
 * cast) compared with the column itself or with a cast of it that keeps every value
 * ({@code CAST(int4_column AS bigint)}, numeric to a numeric of larger scale). Of several
 * comparisons of one column the first counts: the filter still checks them all.
 */
final class IndexBounds {

    /**
     * Column types whose B-tree order is the order the executor sorts by (ascending values,
     * strings by code point), so that an index can give a sort's order and bound a comparison.
     * Floats (-0 and NaN), character(n) (padding), uuid (the storage's signed order) and
     * timestamptz (offsets) are left to scans and sorts.
     */
    static final Set<PgType> ORDERED_TYPES = Set.of(PgType.INT2, PgType.INT4, PgType.INT8, PgType.NUMERIC,
            PgType.TEXT, PgType.VARCHAR, PgType.DATE, PgType.TIMESTAMP, PgType.TIME);

    /** Key types of the executor's equality lookups (its {@code KeyLookups}), which serve a pinned key best. */
    private static final Set<PgType> LOOKUP_KEY_TYPES = Set.of(PgType.INT2, PgType.INT4, PgType.INT8, PgType.TEXT,
            PgType.VARCHAR, PgType.UUID, PgType.BOOL, PgType.DATE);

    /** The bounds of one column; null where the filter has none. */
    static final class Column {
        RexNode equal;
        boolean equalOnColumnItself;
        RexNode lower;
        boolean lowerInclusive;
        RexNode upper;
        boolean upperInclusive;
    }

    private final Column[] columns;

    private IndexBounds(Column[] columns) {
        this.columns = columns;
    }

    /** The bounds a filter condition over the table's columns sets; null condition for none. */
    static IndexBounds of(RexNode condition, TableInfo info, RexBuilder rexBuilder) {
        Column[] columns = new Column[info.columns().size()];
        if (condition != null) {
            for (RexNode conjunct : RelOptUtil.conjunctions(RexUtil.expandSearch(rexBuilder, null, condition))) {
                if (conjunct instanceof RexCall call && isComparison(call.getKind())) {
                    RexNode left = call.getOperands().get(0);
                    RexNode right = call.getOperands().get(1);
                    if (!record(left, call.getKind(), right, info, columns)) {
                        record(right, call.getKind().reverse(), left, info, columns);
                    }
                }
            }
        }
        return new IndexBounds(columns);
    }

    /** The bounds of a column, or null. */
    Column column(int position) {
        return columns[position];
    }

    /** Whether equalities pin every column of the key, which the executor's key lookup reads best. */
    boolean pinsForLookup(List<Integer> key, TableInfo info) {
        for (int column : key) {
            Column bounds = columns[column];
            if (bounds == null || bounds.equal == null || !bounds.equalOnColumnItself
                    || !LOOKUP_KEY_TYPES.contains(info.columns().get(column).type().type())) {
                return false;
            }
        }
        return !key.isEmpty();
    }

    /** Whether a column's bounds serve a range scan or, for the key lookup's types, tell an equality lookup from it. */
    private static boolean usable(PgType type) {
        return ORDERED_TYPES.contains(type) || LOOKUP_KEY_TYPES.contains(type);
    }

    private static boolean isComparison(SqlKind kind) {
        return kind == SqlKind.EQUALS || kind == SqlKind.LESS_THAN || kind == SqlKind.LESS_THAN_OR_EQUAL
                || kind == SqlKind.GREATER_THAN || kind == SqlKind.GREATER_THAN_OR_EQUAL;
    }

    /** Records {@code columnSide kind valueSide} if it compares a column with a value known before the scan. */
    private static boolean record(RexNode columnSide, SqlKind kind, RexNode valueSide, TableInfo info,
                                  Column[] columns) {
        RexInputRef ref = columnOf(columnSide);
        if (ref == null || ref.getIndex() >= columns.length || !isKnownBeforeScan(valueSide)
                || !usable(info.columns().get(ref.getIndex()).type().type())
                || !SqlTypeUtil.inSameFamily(columnSide.getType(), valueSide.getType())) {
            return false;
        }
        Column bounds = columns[ref.getIndex()];
        if (bounds == null) {
            bounds = new Column();
            columns[ref.getIndex()] = bounds;
        }
        switch (kind) {
            case EQUALS -> {
                if (bounds.equal == null) {
                    bounds.equal = valueSide;
                    bounds.equalOnColumnItself = columnSide instanceof RexInputRef;
                }
            }
            case GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                if (bounds.lower == null) {
                    bounds.lower = valueSide;
                    bounds.lowerInclusive = kind == SqlKind.GREATER_THAN_OR_EQUAL;
                }
            }
            default -> {
                if (bounds.upper == null) {
                    bounds.upper = valueSide;
                    bounds.upperInclusive = kind == SqlKind.LESS_THAN_OR_EQUAL;
                }
            }
        }
        return true;
    }

    /** The column compared: the column itself, or a cast of it that keeps every value and its order. */
    private static RexInputRef columnOf(RexNode node) {
        if (node instanceof RexInputRef ref) {
            return ref;
        }
        if (node.getKind() == SqlKind.CAST && ((RexCall) node).getOperands().get(0) instanceof RexInputRef ref
                && keepsValues(ref.getType(), node.getType())) {
            return ref;
        }
        return null;
    }

    private static boolean keepsValues(RelDataType from, RelDataType to) {
        if (SqlTypeUtil.isIntType(from)) {
            return SqlTypeUtil.isIntType(to) && rank(to.getSqlTypeName()) >= rank(from.getSqlTypeName())
                    || SqlTypeUtil.isDecimal(to) && to.getPrecision() - to.getScale() >= 19;
        }
        if (SqlTypeUtil.isDecimal(from) && SqlTypeUtil.isDecimal(to)) {
            return to.getScale() >= from.getScale()
                    && to.getPrecision() - to.getScale() >= from.getPrecision() - from.getScale();
        }
        return false;
    }

    private static int rank(SqlTypeName name) {
        return switch (name) {
            case TINYINT -> 0;
            case SMALLINT -> 1;
            case INTEGER -> 2;
            default -> 3;
        };
    }

    private static boolean isKnownBeforeScan(RexNode value) {
        if (value instanceof RexLiteral literal) {
            return !literal.isNull();
        }
        if (value instanceof RexDynamicParam) {
            return true;
        }
        return value.getKind() == SqlKind.CAST && isKnownBeforeScan(((RexCall) value).getOperands().get(0));
    }
}
