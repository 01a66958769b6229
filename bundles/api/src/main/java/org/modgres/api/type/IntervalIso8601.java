package org.modgres.api.type;

import static org.modgres.api.type.IntervalFields.BAD_FORMAT;
import static org.modgres.api.type.IntervalFields.OVERFLOW;

/** Reads an interval written as an ISO 8601 duration, which PostgreSQL tries when its own form fails. */
final class IntervalIso8601 {

    private IntervalIso8601() {
    }

    /** PostgreSQL's DecodeISO8601Interval, in its designator form: {@code P1Y2M3W4DT5H6M7.5S}. */
    static void decode(String text, IntervalFields result) throws IntervalFields.Failure {
        if (text.length() < 2 || text.charAt(0) != 'P') {
            throw BAD_FORMAT;
        }
        int i = 1;
        boolean datePart = true;
        int n = text.length();
        while (i < n) {
            if (text.charAt(i) == 'T') {
                datePart = false;
                i++;
                continue;
            }
            int start = i;
            char first = text.charAt(i);
            if (!(TextCharacters.isDigit(first) || first == '-' || first == '.')) {
                throw BAD_FORMAT;
            }
            if (first == '-') {
                i++;
            }
            while (i < n && TextCharacters.isDigit(text.charAt(i))) {
                i++;
            }
            if (i < n && text.charAt(i) == '.') {
                i++;
                while (i < n && TextCharacters.isDigit(text.charAt(i))) {
                    i++;
                }
            }
            String number = text.substring(start, i);
            if (number.equals("-") || number.equals(".") || number.equals("-.")) {
                throw BAD_FORMAT;
            }
            double value = Double.parseDouble(number);
            if (value < -1.0e15 || value > 1.0e15) {
                throw OVERFLOW;
            }
            long whole = value >= 0 ? (long) Math.floor(value) : (long) -Math.floor(-value);
            double fraction = value - whole;
            if (i >= n) {
                throw BAD_FORMAT;
            }
            char unit = text.charAt(i++);
            if (datePart) {
                switch (unit) {
                    case 'Y' -> {
                        result.addYears(whole, 1);
                        result.addFractionalYears(fraction, 1);
                    }
                    case 'M' -> {
                        result.addMonths(whole);
                        result.addFractionalDays(fraction, PgInterval.DAYS_PER_MONTH);
                    }
                    case 'W' -> {
                        result.addDays(whole, 7);
                        result.addFractionalDays(fraction, 7);
                    }
                    case 'D' -> {
                        result.addDays(whole, 1);
                        result.addFractionalMicros(fraction, PgInterval.MICROS_PER_DAY);
                    }
                    default -> throw BAD_FORMAT;
                }
            } else {
                switch (unit) {
                    case 'H' -> result.addMicros(whole, fraction, PgInterval.MICROS_PER_HOUR);
                    case 'M' -> result.addMicros(whole, fraction, PgInterval.MICROS_PER_MINUTE);
                    case 'S' -> result.addMicros(whole, fraction, PgInterval.MICROS_PER_SECOND);
                    default -> throw BAD_FORMAT;
                }
            }
        }
    }
}
