package org.modgres.api.type;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Prints dates and times as PostgreSQL does with {@code DateStyle = ISO, MDY}: years of at least
 * four digits with {@code BC} after everything else, seconds always shown, the fraction trimmed of
 * trailing zeros, and the UTC offset as {@code +hh}, {@code +hh:mm} or {@code +hh:mm:ss}.
 */
final class DateTimeText {
    private DateTimeText() {
    }

    static String date(LocalDate d) {
        if (PgDateTimes.isInfinite(d)) {
            return d.equals(LocalDate.MAX) ? "infinity" : "-infinity";
        }
        StringBuilder s = new StringBuilder(16);
        appendDate(s, d);
        return appendEra(s, d).toString();
    }

    static String time(LocalTime t) {
        long micros = PgDateTimes.microsOfDay(t);
        StringBuilder s = new StringBuilder(16);
        appendTime(s, micros);
        return s.toString();
    }

    static String timestamp(LocalDateTime t) {
        if (PgDateTimes.isInfinite(t)) {
            return t.equals(LocalDateTime.MAX) ? "infinity" : "-infinity";
        }
        LocalDateTime rounded = PgDateTimes.roundToMicros(t);
        StringBuilder s = new StringBuilder(32);
        appendDate(s, rounded.toLocalDate());
        s.append(' ');
        appendTime(s, rounded.toLocalTime().toNanoOfDay() / 1000);
        return appendEra(s, rounded.toLocalDate()).toString();
    }

    static String timestamptz(OffsetDateTime t, ZoneId sessionZone) {
        if (PgDateTimes.isInfinite(t)) {
            return t.equals(OffsetDateTime.MAX) ? "infinity" : "-infinity";
        }
        ZonedDateTime local = PgDateTimes.roundToMicros(t).atZoneSameInstant(sessionZone);
        StringBuilder s = new StringBuilder(40);
        appendDate(s, local.toLocalDate());
        s.append(' ');
        appendTime(s, local.toLocalTime().toNanoOfDay() / 1000);
        appendOffset(s, local.getOffset().getTotalSeconds());
        return appendEra(s, local.toLocalDate()).toString();
    }

    private static void appendDate(StringBuilder s, LocalDate d) {
        int year = d.getYear() > 0 ? d.getYear() : 1 - d.getYear();
        pad(s, year, 4).append('-');
        pad(s, d.getMonthValue(), 2).append('-');
        pad(s, d.getDayOfMonth(), 2);
    }

    private static StringBuilder appendEra(StringBuilder s, LocalDate d) {
        return d.getYear() > 0 ? s : s.append(" BC");
    }

    private static void appendTime(StringBuilder s, long micros) {
        long seconds = micros / 1_000_000;
        int fraction = (int) (micros % 1_000_000);
        pad(s, seconds / 3600, 2).append(':');
        pad(s, seconds / 60 % 60, 2).append(':');
        pad(s, seconds % 60, 2);
        if (fraction != 0) {
            int length = 6;
            while (fraction % 10 == 0) {
                fraction /= 10;
                length--;
            }
            s.append('.');
            pad(s, fraction, length);
        }
    }

    private static void appendOffset(StringBuilder s, int totalSeconds) {
        s.append(totalSeconds < 0 ? '-' : '+');
        int abs = Math.abs(totalSeconds);
        pad(s, abs / 3600, 2);
        if (abs % 3600 != 0) {
            s.append(':');
            pad(s, abs / 60 % 60, 2);
            if (abs % 60 != 0) {
                s.append(':');
                pad(s, abs % 60, 2);
            }
        }
    }

    private static StringBuilder pad(StringBuilder s, long value, int width) {
        String digits = Long.toString(value);
        return s.repeat('0', Math.max(0, width - digits.length())).append(digits);
    }
}
