package org.modgres.api.storage;

import java.util.Objects;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.type.PgType;

/**
 * The options of a sequence, as {@code pg_sequence} holds them.
 *
 * @param type      the data type: {@link PgType#INT2}, {@link PgType#INT4} or {@link PgType#INT8}
 * @param start     the first value
 * @param increment the step, never 0
 * @param minValue  the lowest value
 * @param maxValue  the highest value
 * @param cache     how many values a session takes at once (kept for the catalog; each call takes one)
 * @param cycle     whether the sequence wraps around at its end instead of failing
 */
public record SequenceOptions(PgType type, long start, long increment, long minValue, long maxValue, long cache,
                              boolean cycle) {

    public SequenceOptions {
        Objects.requireNonNull(type, "type");
        if (increment == 0) {
            throw new IllegalArgumentException("increment must not be zero");
        }
    }

    /** A bigint sequence with PostgreSQL's defaults: 1, 2, 3, ... */
    public static SequenceOptions defaults(PgType type) {
        return resolve(null, type, null, null, null, null, null, null, false, false);
    }

    /**
     * Applies what CREATE SEQUENCE or ALTER SEQUENCE writes to {@code base} (null for CREATE) with
     * PostgreSQL's defaults and checks. A null argument is an option not written.
     *
     * @param noMinValue NO MINVALUE: the type's or direction's default bound
     * @param noMaxValue NO MAXVALUE
     * @throws PgException 22023 with PostgreSQL's messages for options that do not fit together
     */
    public static SequenceOptions resolve(SequenceOptions base, PgType type, Long increment, Long minValue,
                                          Long maxValue, Long start, Long cache, Boolean cycle,
                                          boolean noMinValue, boolean noMaxValue) {
        PgType resolvedType = type != null ? type : base != null ? base.type() : PgType.INT8;
        long typeMin;
        long typeMax;
        switch (resolvedType) {
            case INT2 -> {
                typeMin = Short.MIN_VALUE;
                typeMax = Short.MAX_VALUE;
            }
            case INT4 -> {
                typeMin = Integer.MIN_VALUE;
                typeMax = Integer.MAX_VALUE;
            }
            case INT8 -> {
                typeMin = Long.MIN_VALUE;
                typeMax = Long.MAX_VALUE;
            }
            default -> throw invalid("sequence type must be smallint, integer, or bigint");
        }
        long step = increment != null ? increment : base != null ? base.increment() : 1;
        if (step == 0) {
            throw invalid("INCREMENT must not be zero");
        }
        boolean ascending = step > 0;
        long max = maxValue != null ? maxValue
                : base != null && !noMaxValue ? base.maxValue() : ascending ? typeMax : -1;
        long min = minValue != null ? minValue
                : base != null && !noMinValue ? base.minValue() : ascending ? 1 : typeMin;
        String typeName = switch (resolvedType) {
            case INT2 -> "smallint";
            case INT4 -> "integer";
            default -> "bigint";
        };
        if (max < typeMin || max > typeMax) {
            throw invalid("MAXVALUE (" + max + ") is out of range for sequence data type " + typeName);
        }
        if (min < typeMin || min > typeMax) {
            throw invalid("MINVALUE (" + min + ") is out of range for sequence data type " + typeName);
        }
        if (min >= max) {
            throw invalid("MINVALUE (" + min + ") must be less than MAXVALUE (" + max + ")");
        }
        long first = start != null ? start : base != null ? base.start() : ascending ? min : max;
        if (first < min) {
            throw invalid("START value (" + first + ") cannot be less than MINVALUE (" + min + ")");
        }
        if (first > max) {
            throw invalid("START value (" + first + ") cannot be greater than MAXVALUE (" + max + ")");
        }
        long cached = cache != null ? cache : base != null ? base.cache() : 1;
        if (cached <= 0) {
            throw invalid("CACHE (" + cached + ") must be greater than zero");
        }
        boolean cycles = cycle != null ? cycle : base != null && base.cycle();
        return new SequenceOptions(resolvedType, first, step, min, max, cached, cycles);
    }

    private static PgException invalid(String message) {
        return new PgException(SqlState.INVALID_PARAMETER_VALUE, message);
    }
}
