package org.modgres.api.type;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * A value of PostgreSQL's {@code interval}: months, days and microseconds, kept apart as
 * PostgreSQL keeps them, because a month has no fixed number of days and a day (across a
 * daylight saving change) no fixed number of hours. The record's {@code equals} compares the
 * three fields; PostgreSQL's ordering and equality, where {@code '1 mon' = '30 days'}, are
 * {@link #compareTo}.
 *
 * @param months       whole months (a year is 12)
 * @param days         whole days
 * @param microseconds the time part, which may exceed a day
 */
public record PgInterval(int months, int days, long microseconds) implements Comparable<PgInterval> {

    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    public static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
    public static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;
    /** The days PostgreSQL counts in a month where it must compare or justify intervals. */
    public static final int DAYS_PER_MONTH = 30;

    public static final PgInterval ZERO = new PgInterval(0, 0, 0);

    /** Returns an interval of microseconds only. */
    public static PgInterval ofMicroseconds(long microseconds) {
        return new PgInterval(0, 0, microseconds);
    }

    /**
     * Compares as PostgreSQL does: by the whole span, with 30-day months and 24-hour days, so
     * {@code '1 mon'} equals {@code '30 days'} and {@code '1 day'} equals {@code '24 hours'}.
     */
    @Override
    public int compareTo(PgInterval other) {
        long[] mine = span();
        long[] theirs = other.span();
        int byDays = Long.compare(mine[0], theirs[0]);
        return byDays != 0 ? byDays : Long.compare(mine[1], theirs[1]);
    }

    /** Returns whether PostgreSQL's {@code =} holds, which {@link #equals} does not test. */
    public boolean sameSpan(PgInterval other) {
        return compareTo(other) == 0;
    }

    /** Returns a hash consistent with {@link #sameSpan}, for grouping as PostgreSQL groups. */
    public int spanHash() {
        long[] span = span();
        return Long.hashCode(span[0]) * 31 + Long.hashCode(span[1]);
    }

    /** The span as whole days and the microseconds left, 0 to a day; exact where a long of microseconds is not. */
    private long[] span() {
        long wholeDays = (long) months * DAYS_PER_MONTH + days + Math.floorDiv(microseconds, MICROS_PER_DAY);
        return new long[] {wholeDays, Math.floorMod(microseconds, MICROS_PER_DAY)};
    }

    /** Returns {@code this + other}. @throws PgException 22008 on overflow */
    public PgInterval plus(PgInterval other) {
        try {
            return new PgInterval(Math.addExact(months, other.months), Math.addExact(days, other.days),
                    Math.addExact(microseconds, other.microseconds));
        } catch (ArithmeticException e) {
            throw outOfRange();
        }
    }

    /** Returns {@code this - other}. @throws PgException 22008 on overflow */
    public PgInterval minus(PgInterval other) {
        try {
            return new PgInterval(Math.subtractExact(months, other.months), Math.subtractExact(days, other.days),
                    Math.subtractExact(microseconds, other.microseconds));
        } catch (ArithmeticException e) {
            throw outOfRange();
        }
    }

    /** Returns {@code -this}. @throws PgException 22008 on overflow */
    public PgInterval negate() {
        try {
            return new PgInterval(Math.negateExact(months), Math.negateExact(days), Math.negateExact(microseconds));
        } catch (ArithmeticException e) {
            throw outOfRange();
        }
    }

    /**
     * Returns {@code this * factor} as PostgreSQL's interval_mul computes it: the fractions of
     * months and days cascade down into days and seconds.
     */
    public PgInterval multiply(double factor) {
        double monthsResult = months * factor;
        double daysResult = days * factor;
        if (Double.isNaN(monthsResult) || monthsResult > Integer.MAX_VALUE || monthsResult < Integer.MIN_VALUE
                || Double.isNaN(daysResult) || daysResult > Integer.MAX_VALUE || daysResult < Integer.MIN_VALUE) {
            throw outOfRange();
        }
        return cascade((int) monthsResult, (int) daysResult, months * factor, days * factor, microseconds * factor);
    }

    /**
     * Returns {@code this / divisor} as PostgreSQL's interval_div computes it.
     *
     * @throws PgException 22012 when the divisor is zero
     */
    public PgInterval divide(double divisor) {
        if (divisor == 0.0) {
            throw new PgException(SqlState.DIVISION_BY_ZERO, "division by zero");
        }
        double monthsResult = months / divisor;
        double daysResult = days / divisor;
        if (Double.isNaN(monthsResult) || monthsResult > Integer.MAX_VALUE || monthsResult < Integer.MIN_VALUE
                || Double.isNaN(daysResult) || daysResult > Integer.MAX_VALUE || daysResult < Integer.MIN_VALUE) {
            throw outOfRange();
        }
        return cascade((int) monthsResult, (int) daysResult, months / divisor, days / divisor,
                microseconds / divisor);
    }

    private static PgInterval cascade(int wholeMonths, int wholeDays, double exactMonths, double exactDays,
                                      double exactMicros) {
        double monthRemainderDays = roundToMicros((exactMonths - wholeMonths) * DAYS_PER_MONTH);
        double secondRemainder = roundToMicros(
                (exactDays - wholeDays + monthRemainderDays - (int) monthRemainderDays) * 86_400);
        long resultDays = wholeDays;
        if (Math.abs(secondRemainder) >= 86_400) {
            resultDays += (int) (secondRemainder / 86_400);
            secondRemainder -= (int) (secondRemainder / 86_400) * 86_400.0;
        }
        resultDays += (int) monthRemainderDays;
        double micros = Math.rint(exactMicros + secondRemainder * MICROS_PER_SECOND);
        if (resultDays > Integer.MAX_VALUE || resultDays < Integer.MIN_VALUE || Double.isNaN(micros)
                || micros >= 0x1p63 || micros < -0x1p63) {
            throw outOfRange();
        }
        return new PgInterval(wholeMonths, (int) resultDays, (long) micros);
    }

    private static double roundToMicros(double value) {
        return Math.rint(value * 1_000_000.0) / 1_000_000.0;
    }

    /** PostgreSQL's justify_hours: whole days out of the time part, signs made to agree. */
    public PgInterval justifyHours() {
        long wholeDays = microseconds / MICROS_PER_DAY;
        long time = microseconds - wholeDays * MICROS_PER_DAY;
        long newDays = days + wholeDays;
        if (newDays > 0 && time < 0) {
            time += MICROS_PER_DAY;
            newDays--;
        } else if (newDays < 0 && time > 0) {
            time -= MICROS_PER_DAY;
            newDays++;
        }
        return new PgInterval(months, toInt(newDays), time);
    }

    /** PostgreSQL's justify_days: whole 30-day months out of the days, signs made to agree. */
    public PgInterval justifyDays() {
        int wholeMonths = days / DAYS_PER_MONTH;
        int newDays = days - wholeMonths * DAYS_PER_MONTH;
        long newMonths = (long) months + wholeMonths;
        if (newMonths > 0 && newDays < 0) {
            newDays += DAYS_PER_MONTH;
            newMonths--;
        } else if (newMonths < 0 && newDays > 0) {
            newDays -= DAYS_PER_MONTH;
            newMonths++;
        }
        return new PgInterval(toInt(newMonths), newDays, microseconds);
    }

    /** PostgreSQL's justify_interval: justify_days and justify_hours together, with one sign. */
    public PgInterval justifyInterval() {
        long newMonths = months;
        long newDays = days;
        long time = microseconds;
        if ((newDays > 0 && time > 0) || (newDays < 0 && time < 0)) {
            long wholeMonths = newDays / DAYS_PER_MONTH;
            newDays -= wholeMonths * DAYS_PER_MONTH;
            newMonths += wholeMonths;
        }
        long wholeDays = time / MICROS_PER_DAY;
        time -= wholeDays * MICROS_PER_DAY;
        newDays += wholeDays;
        long wholeMonths = newDays / DAYS_PER_MONTH;
        newDays -= wholeMonths * DAYS_PER_MONTH;
        newMonths += wholeMonths;
        if (newMonths > 0 && (newDays < 0 || (newDays == 0 && time < 0))) {
            newDays += DAYS_PER_MONTH;
            newMonths--;
        } else if (newMonths < 0 && (newDays > 0 || (newDays == 0 && time > 0))) {
            newDays -= DAYS_PER_MONTH;
            newMonths++;
        }
        if (newDays > 0 && time < 0) {
            time += MICROS_PER_DAY;
            newDays--;
        } else if (newDays < 0 && time > 0) {
            time -= MICROS_PER_DAY;
            newDays++;
        }
        return new PgInterval(toInt(newMonths), toInt(newDays), time);
    }

    private static int toInt(long value) {
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw outOfRange();
        }
        return (int) value;
    }

    /** PostgreSQL's 22008 {@code interval out of range}. */
    public static PgException outOfRange() {
        return new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "interval out of range");
    }

    /** Prints the value as PostgreSQL does with {@code IntervalStyle = postgres}. */
    @Override
    public String toString() {
        return IntervalText.format(this);
    }
}
