package org.modgres.executor.impl.window;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.Function;

import org.apache.calcite.rex.RexWindowExclusion;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.executor.impl.expr.RangeOffsets;
import org.modgres.executor.impl.value.Comparisons;

/**
 * A window frame: for each row of a partition, the positions of the first and last rows its
 * functions cover, and the rows of that span its EXCLUDE clause leaves out. ROWS counts rows,
 * GROUPS counts peer groups, and RANGE takes the rows whose ORDER BY key lies within an offset
 * of the current row's (with a NULL key, its NULL peers); CURRENT ROW takes the current row's
 * peers along in RANGE and GROUPS.
 */
final class Frame {

    enum Mode { ROWS, RANGE, GROUPS }

    enum Kind { UNBOUNDED, CURRENT_ROW, PRECEDING, FOLLOWING }

    /**
     * One end of the frame.
     *
     * @param offset the distance of a PRECEDING or FOLLOWING bound, read from a row (a constant
     *               the planner may have projected into each row); {@code null} for the others
     */
    record Bound(Kind kind, Function<Object[], Object> offset) {
    }

    /** The single ORDER BY key a RANGE frame with an offset measures, in the window's order. */
    record RangeKey(int field, boolean descending, boolean nullsFirst) {
    }

    private final Mode mode;
    private final Bound lower;
    private final Bound upper;
    private final RexWindowExclusion exclusion;
    private final RangeKey key;
    private long lowerOffset;
    private long upperOffset;
    private Object lowerDistance;
    private Object upperDistance;

    /** @param key the ORDER BY key, needed by RANGE with an offset only */
    Frame(Mode mode, Bound lower, Bound upper, RexWindowExclusion exclusion, RangeKey key) {
        this.mode = mode;
        this.lower = lower;
        this.upper = upper;
        this.exclusion = exclusion == null ? RexWindowExclusion.EXCLUDE_NO_OTHER : exclusion;
        this.key = key;
    }

    /** Returns whether every row's frame starts at the partition's first row and excludes nothing. */
    boolean growsFromFirstRow() {
        return lower.kind() == Kind.UNBOUNDED && !excludesAny();
    }

    /** Returns whether the frame leaves any row of its span out. */
    boolean excludesAny() {
        return exclusion != RexWindowExclusion.EXCLUDE_NO_OTHER;
    }

    /**
     * Reads the offsets for a partition (they are the same for every row) and checks them as
     * PostgreSQL does when a window starts.
     */
    void prepare(Partition partition) {
        if (partition.size() == 0) {
            return;
        }
        Object[] first = partition.row(0);
        lowerDistance = distance(lower, first, "starting");
        upperDistance = distance(upper, first, "ending");
        lowerOffset = lowerDistance instanceof Number n && mode != Mode.RANGE ? n.longValue() : 0;
        upperOffset = upperDistance instanceof Number n && mode != Mode.RANGE ? n.longValue() : 0;
    }

    private Object distance(Bound bound, Object[] row, String end) {
        if (bound.offset() == null) {
            return null;
        }
        Object value = bound.offset().apply(row);
        if (value == null) {
            throw new PgException(SqlState.NULL_VALUE_NOT_ALLOWED, "frame " + end + " offset must not be null");
        }
        if (RangeOffsets.isNegative(value)) {
            throw mode == Mode.RANGE
                    ? new PgException(SqlState.INVALID_PRECEDING_OR_FOLLOWING_SIZE,
                            "invalid preceding or following size in window function")
                    : new PgException(SqlState.INVALID_PRECEDING_OR_FOLLOWING_SIZE,
                            "frame " + end + " offset must not be negative");
        }
        return value;
    }

    /** Returns the position of the first row of row i's frame span, from 0 to the partition's size. */
    int start(Partition partition, int i) {
        int n = partition.size();
        return switch (lower.kind()) {
            case UNBOUNDED -> 0;
            case CURRENT_ROW -> mode == Mode.ROWS ? i : partition.firstPeer(i);
            case PRECEDING, FOLLOWING -> switch (mode) {
                case ROWS -> (int) clamp(lower.kind() == Kind.PRECEDING ? i - lowerOffset
                        : i + Math.min(lowerOffset, n), 0, n);
                case GROUPS -> {
                    long group = partition.peerGroup(i)
                            + (lower.kind() == Kind.PRECEDING ? -lowerOffset : Math.min(lowerOffset, n));
                    yield group < 0 ? 0 : group >= partition.peerGroupCount() ? n
                            : partition.peerGroupStart((int) group);
                }
                case RANGE -> firstReaching(partition, rangeBound(partition.row(i), lower.kind(), lowerDistance));
            };
        };
    }

    /** Returns the position of the last row of row i's frame span, from -1 to the partition's last. */
    int end(Partition partition, int i) {
        int n = partition.size();
        return switch (upper.kind()) {
            case UNBOUNDED -> n - 1;
            case CURRENT_ROW -> mode == Mode.ROWS ? i : partition.lastPeer(i);
            case PRECEDING, FOLLOWING -> switch (mode) {
                case ROWS -> (int) clamp(upper.kind() == Kind.PRECEDING ? i - upperOffset
                        : i + Math.min(upperOffset, n), -1, n - 1);
                case GROUPS -> {
                    long group = partition.peerGroup(i)
                            + (upper.kind() == Kind.PRECEDING ? -upperOffset : Math.min(upperOffset, n));
                    int last = partition.peerGroupCount() - 1;
                    yield group < 0 ? -1 : group >= last ? n - 1
                            : partition.lastPeer(partition.peerGroupStart((int) group));
                }
                case RANGE -> lastWithin(partition, rangeBound(partition.row(i), upper.kind(), upperDistance));
            };
        };
    }

    /** Returns whether EXCLUDE leaves row j out of row i's frame. */
    boolean excludes(Partition partition, int i, int j) {
        return switch (exclusion) {
            case EXCLUDE_NO_OTHER -> false;
            case EXCLUDE_CURRENT_ROW -> j == i;
            case EXCLUDE_GROUP -> partition.peerGroup(j) == partition.peerGroup(i);
            case EXCLUDE_TIES -> j != i && partition.peerGroup(j) == partition.peerGroup(i);
        };
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }

    /** The key value an offset bound reaches from a row: NULL for a NULL key, whose frame is its NULL peers. */
    private Object rangeBound(Object[] row, Kind kind, Object distance) {
        Object value = row[key.field()];
        if (value == null) {
            return null;
        }
        boolean towardsSmaller = (kind == Kind.PRECEDING) != key.descending();
        return RangeOffsets.move(value, distance, towardsSmaller);
    }

    /** The first position whose key is not before {@code bound} in the window's order. */
    private int firstReaching(Partition partition, Object bound) {
        int low = 0;
        int high = partition.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (compareToBound(partition.row(middle)[key.field()], bound) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The last position whose key is not after {@code bound} in the window's order. */
    private int lastWithin(Partition partition, Object bound) {
        int low = 0;
        int high = partition.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (compareToBound(partition.row(middle)[key.field()], bound) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low - 1;
    }

    /** Compares a key with a bound in the window's order, where NULLs sort as the ORDER BY places them. */
    private int compareToBound(Object value, Object bound) {
        if (value == null || bound == null) {
            if (value == bound) {
                return 0;
            }
            return (value == null) == key.nullsFirst() ? -1 : 1;
        }
        Object left = value instanceof LocalDate date && bound instanceof LocalDateTime ? date.atStartOfDay() : value;
        int c = Comparisons.compare(left, bound);
        return key.descending() ? -c : c;
    }
}
