package org.modgres.api.type;

import java.util.Locale;

/** Prints an interval as PostgreSQL does with {@code IntervalStyle = postgres}. */
final class IntervalFormat {

    private IntervalFormat() {
    }

    static String format(PgInterval interval) {
        int years = interval.months() / 12;
        int months = interval.months() % 12;
        int days = interval.days();
        long time = interval.microseconds();
        long hours = time / PgInterval.MICROS_PER_HOUR;
        time -= hours * PgInterval.MICROS_PER_HOUR;
        long minutes = time / PgInterval.MICROS_PER_MINUTE;
        time -= minutes * PgInterval.MICROS_PER_MINUTE;
        long seconds = time / PgInterval.MICROS_PER_SECOND;
        long fraction = time - seconds * PgInterval.MICROS_PER_SECOND;

        StringBuilder out = new StringBuilder();
        boolean[] state = {true, false}; // is_zero, is_before
        part(out, years, "year", state);
        part(out, months, "mon", state);
        part(out, days, "day", state);
        if (state[0] || hours != 0 || minutes != 0 || seconds != 0 || fraction != 0) {
            boolean minus = hours < 0 || minutes < 0 || seconds < 0 || fraction < 0;
            out.append(state[0] ? "" : " ").append(minus ? "-" : state[1] ? "+" : "");
            twoDigits(out, Math.abs(hours)).append(':');
            twoDigits(out, Math.abs(minutes)).append(':');
            twoDigits(out, Math.abs(seconds));
            if (fraction != 0) {
                String digits = String.format(Locale.ROOT, "%06d", Math.abs(fraction));
                int end = digits.length();
                while (digits.charAt(end - 1) == '0') {
                    end--;
                }
                out.append('.').append(digits, 0, end);
            }
        }
        return out.toString();
    }

    private static void part(StringBuilder out, int value, String unit, boolean[] state) {
        if (value == 0) {
            return;
        }
        out.append(state[0] ? "" : " ").append(state[1] && value > 0 ? "+" : "").append(value).append(' ')
                .append(unit).append(value != 1 ? "s" : "");
        state[1] = value < 0;
        state[0] = false;
    }

    private static StringBuilder twoDigits(StringBuilder out, long value) {
        if (value < 10) {
            out.append('0');
        }
        return out.append(value);
    }
}
