package org.modgres.executor.impl.expr;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.type.PgInterval;
import org.modgres.executor.impl.value.Comparisons;
import org.modgres.executor.impl.value.SessionTimeZone;

/**
 * {@code generate_series(start, stop, step)} over timestamps (LocalDateTime) or timestamps with
 * time zone (OffsetDateTime, stepped in the session's calendar): start, start + step, ... while
 * not past stop; a NULL argument gives no rows.
 */
public final class DateTimeSeries implements Iterator<Object[]> {

    private final Object stop;
    private final PgInterval step;
    private final boolean descending;
    private Object next;

    /** @param start, stop the bounds, of one class; step an interval */
    public DateTimeSeries(Object start, Object stop, Object step) {
        if (step instanceof PgInterval interval && interval.compareTo(PgInterval.ZERO) == 0) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "step size cannot equal zero");
        }
        this.stop = stop;
        this.step = (PgInterval) step;
        this.descending = step != null && this.step.compareTo(PgInterval.ZERO) < 0;
        this.next = start == null || stop == null || step == null ? null : start;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            return false;
        }
        int c = Comparisons.compare(next, stop);
        return descending ? c >= 0 : c <= 0;
    }

    @Override
    public Object[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Object value = next;
        next = switch (value) {
            case LocalDateTime t -> DateTimeArithmetic.plus(t, step);
            case OffsetDateTime t -> DateTimeArithmetic.plus(t, step, SessionTimeZone.current());
            default -> throw new IllegalStateException(value.getClass().getName());
        };
        return new Object[] {value};
    }
}
