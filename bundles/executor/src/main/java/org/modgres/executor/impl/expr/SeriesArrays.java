package org.modgres.executor.impl.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.executor.impl.value.Casts;
import org.modgres.executor.impl.value.ValueType;

/**
 * The planner's {@code generate_series$array(start, stop [, step])}: the values of generate_series
 * as one array, which a select list with several set-returning functions unnests beside the others.
 */
final class SeriesArrays {

    static final String NAME = "GENERATE_SERIES$ARRAY";

    private SeriesArrays() {
    }

    /** Returns the series, integers or bigints; it ends before a value would overflow, as generate_series does. */
    static Object values(Object[] arguments, boolean bigint) {
        long start = (Long) Casts.toClass(arguments[0], ValueType.BIGINT);
        long stop = (Long) Casts.toClass(arguments[1], ValueType.BIGINT);
        long step = arguments.length > 2 ? (Long) Casts.toClass(arguments[2], ValueType.BIGINT) : 1;
        if (step == 0) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "step size cannot equal zero");
        }
        List<Object> values = new ArrayList<>();
        long next = start;
        while (step > 0 ? next <= stop : next >= stop) {
            values.add(bigint ? (Object) next : (Object) (int) next);
            long following = next + step;
            boolean overflow = bigint ? ((next ^ following) & (step ^ following)) < 0
                    : following > Integer.MAX_VALUE || following < Integer.MIN_VALUE;
            if (overflow) {
                break;
            }
            next = following;
        }
        return Collections.unmodifiableList(values);
    }
}
