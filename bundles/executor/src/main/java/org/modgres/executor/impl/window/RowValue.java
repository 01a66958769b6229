package org.modgres.executor.impl.window;

import org.apache.calcite.sql.SqlKind;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * The value of an argument at another row: LAG and LEAD, a number of rows before or after the
 * current one (or a default beyond the partition), FIRST_VALUE and LAST_VALUE, at the ends of
 * the current row's frame (NULL for an empty frame), and NTH_VALUE, at a position in the frame.
 */
final class RowValue implements WindowFunction {

    private final SqlKind kind;
    private final int argument;
    private final long offset;
    private final Object defaultValue;
    private final Frame frame;

    private RowValue(SqlKind kind, int argument, long offset, Object defaultValue, Frame frame) {
        this.kind = kind;
        this.argument = argument;
        this.offset = offset;
        this.defaultValue = defaultValue;
        this.frame = frame;
    }

    static RowValue lagOrLead(SqlKind kind, int argument, long offset, Object defaultValue) {
        return new RowValue(kind, argument, kind == SqlKind.LAG ? -offset : offset, defaultValue, null);
    }

    static RowValue frameEnd(SqlKind kind, int argument, Frame frame) {
        return new RowValue(kind, argument, 0, null, frame);
    }

    /** NTH_VALUE: the n-th row of the frame (from 1), NULL when the frame has fewer rows. */
    static RowValue nthOfFrame(int argument, long n, Frame frame) {
        if (n <= 0) {
            throw new PgException(SqlState.INVALID_ARGUMENT_FOR_NTH_VALUE, "argument of nth_value must be greater than zero");
        }
        return new RowValue(SqlKind.NTH_VALUE, argument, n, null, frame);
    }

    @Override
    public void evaluate(Partition partition, Object[] results) {
        int n = partition.size();
        if (frame != null) {
            frame.prepare(partition);
        }
        for (int i = 0; i < n; i++) {
            long at;
            Object otherwise = null;
            if (frame == null) {
                at = i + offset;
                otherwise = defaultValue;
            } else {
                at = positionInFrame(partition, i);
            }
            results[i] = at >= 0 && at < n ? partition.row((int) at)[argument] : otherwise;
        }
    }

    /** Returns the position of the frame row this function reads for row i, or -1 for none. */
    private int positionInFrame(Partition partition, int i) {
        int start = frame.start(partition, i);
        int end = frame.end(partition, i);
        if (!frame.excludesAny()) {
            return start > end ? -1
                    : kind == SqlKind.FIRST_VALUE ? start
                    : kind == SqlKind.NTH_VALUE ? (start + offset - 1 <= end ? (int) (start + offset - 1) : -1)
                    : end;
        }
        if (kind == SqlKind.LAST_VALUE) {
            for (int j = end; j >= start; j--) {
                if (!frame.excludes(partition, i, j)) {
                    return j;
                }
            }
            return -1;
        }
        long wanted = kind == SqlKind.NTH_VALUE ? offset : 1;
        for (int j = start; j <= end; j++) {
            if (!frame.excludes(partition, i, j) && --wanted == 0) {
                return j;
            }
        }
        return -1;
    }
}
