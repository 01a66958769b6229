package org.modgres.api.type;

/**
 * The fields an interval's text accumulates before it becomes a {@link PgInterval} (PostgreSQL's
 * struct pg_itm_in), with the overflow checks of each step; a reading that fails says why with a
 * {@link Failure}.
 */
final class IntervalFields {

    /** Why a reading failed, as PostgreSQL's DTERR codes tell it. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean overflow;

        Failure(boolean overflow) {
            super(null, null, false, false);
            this.overflow = overflow;
        }
    }

    static final Failure BAD_FORMAT = new Failure(false);
    static final Failure OVERFLOW = new Failure(true);

    int years;
    int months;
    int days;
    long micros;

    void addMicros(long value, double fraction, long scale) throws Failure {
        try {
            micros = Math.addExact(micros, Math.multiplyExact(value, scale));
        } catch (ArithmeticException e) {
            throw OVERFLOW;
        }
        double f = fraction * scale;
        if (Double.isNaN(f) || f < -0x1p63 || f >= 0x1p63) {
            throw OVERFLOW;
        }
        addMicrosExact((long) Math.rint(f));
    }

    void addFractionalMicros(double fraction, long scale) throws Failure {
        if (fraction == 0) {
            return;
        }
        double f = fraction * scale;
        if (Double.isNaN(f) || f < -0x1p63 || f >= 0x1p63) {
            throw OVERFLOW;
        }
        long usec = (long) f;
        f -= usec;
        if (f > 0.5) {
            usec++;
        } else if (f < -0.5) {
            usec--;
        }
        addMicrosExact(usec);
    }

    private void addMicrosExact(long value) throws Failure {
        try {
            micros = Math.addExact(micros, value);
        } catch (ArithmeticException e) {
            throw OVERFLOW;
        }
    }

    void addDays(long value, int scale) throws Failure {
        days = addInt(days, multiplyInt(toInt(value), scale));
    }

    void addFractionalDays(double fraction, int scale) throws Failure {
        if (fraction == 0) {
            return;
        }
        double f = fraction * scale;
        int extraDays = (int) f;
        days = addInt(days, extraDays);
        addFractionalMicros(f - extraDays, PgInterval.MICROS_PER_DAY);
    }

    void addMonths(long value) throws Failure {
        months = addInt(months, toInt(value));
    }

    void addYears(long value, int scale) throws Failure {
        years = addInt(years, multiplyInt(toInt(value), scale));
    }

    void addFractionalYears(double fraction, int scale) throws Failure {
        if (fraction == 0) {
            return;
        }
        months = addInt(months, (int) Math.rint(fraction * scale * 12));
    }

    void negate() throws Failure {
        if (micros == Long.MIN_VALUE || days == Integer.MIN_VALUE || months == Integer.MIN_VALUE
                || years == Integer.MIN_VALUE) {
            throw OVERFLOW;
        }
        micros = -micros;
        days = -days;
        months = -months;
        years = -years;
    }

    PgInterval toInterval() {
        long totalMonths = (long) years * 12 + months;
        if (totalMonths > Integer.MAX_VALUE || totalMonths < Integer.MIN_VALUE) {
            throw PgInterval.outOfRange();
        }
        return new PgInterval((int) totalMonths, days, micros);
    }

    static int toInt(long value) throws Failure {
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw OVERFLOW;
        }
        return (int) value;
    }

    static int addInt(int a, int b) throws Failure {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw OVERFLOW;
        }
    }

    static int multiplyInt(int a, int b) throws Failure {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw OVERFLOW;
        }
    }
}
