package org.modgres.executor.impl.window;

import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.rex.RexWindowExclusion;
import org.modgres.executor.impl.value.PgErrors;

/**
 * A window frame: for each row of a partition, the positions of the first and last rows its
 * aggregate covers. ROWS counts rows; RANGE, with UNBOUNDED and CURRENT ROW bounds only so far,
 * takes a current row's peers along.
 */
final class Frame {

    private enum Kind { UNBOUNDED, CURRENT_ROW, PRECEDING, FOLLOWING }

    private final boolean rows;
    private final Kind lowerKind;
    private final long lowerOffset;
    private final Kind upperKind;
    private final long upperOffset;

    /**
     * @param lowerOffset the number of rows of a PRECEDING or FOLLOWING lower bound
     * @param upperOffset likewise for the upper bound
     */
    Frame(boolean rows, RexWindowBound lower, long lowerOffset, RexWindowBound upper, long upperOffset,
          RexWindowExclusion exclusion) {
        if (exclusion != null && exclusion != RexWindowExclusion.EXCLUDE_NO_OTHER) {
            throw PgErrors.notSupported("frame exclusion " + exclusion);
        }
        this.rows = rows;
        this.lowerKind = kind(lower);
        this.upperKind = kind(upper);
        if (!rows && (lowerKind == Kind.PRECEDING || lowerKind == Kind.FOLLOWING
                || upperKind == Kind.PRECEDING || upperKind == Kind.FOLLOWING)) {
            throw PgErrors.notSupported("RANGE with an offset");
        }
        this.lowerOffset = lowerOffset;
        this.upperOffset = upperOffset;
    }

    private static Kind kind(RexWindowBound bound) {
        if (bound.isUnbounded()) {
            return Kind.UNBOUNDED;
        }
        if (bound.isCurrentRow()) {
            return Kind.CURRENT_ROW;
        }
        return bound.isPreceding() ? Kind.PRECEDING : Kind.FOLLOWING;
    }

    /** Returns whether every row's frame starts at the partition's first row. */
    boolean startsAtFirstRow() {
        return lowerKind == Kind.UNBOUNDED;
    }

    /** Returns the position of the first row of row i's frame; may lie outside the partition. */
    long start(Partition partition, int i) {
        return switch (lowerKind) {
            case UNBOUNDED -> 0;
            case CURRENT_ROW -> rows ? i : partition.firstPeer(i);
            case PRECEDING -> i - lowerOffset;
            case FOLLOWING -> i + lowerOffset;
        };
    }

    /** Returns the position of the last row of row i's frame; may lie outside the partition. */
    long end(Partition partition, int i) {
        return switch (upperKind) {
            case UNBOUNDED -> partition.size() - 1;
            case CURRENT_ROW -> rows ? i : partition.lastPeer(i);
            case PRECEDING -> i - upperOffset;
            case FOLLOWING -> i + upperOffset;
        };
    }
}
