package org.modgres.executor.impl.expr;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * to_timestamp(text, format) and to_date(text, format): read the fields the template patterns
 * name from the text, skipping what stands between them, as PostgreSQL does for the common
 * patterns (year, month number or name, day, hours, minutes, seconds, fractions, AM/PM).
 */
final class DateTimeParsing {

    private static final Map<String, Integer> WIDTHS = Map.ofEntries(Map.entry("YYYY", 4), Map.entry("YYY", 3),
            Map.entry("YY", 2), Map.entry("Y", 1), Map.entry("MM", 2), Map.entry("DD", 2), Map.entry("DDD", 3),
            Map.entry("HH", 2), Map.entry("HH12", 2), Map.entry("HH24", 2), Map.entry("MI", 2), Map.entry("SS", 2),
            Map.entry("MS", 3), Map.entry("US", 6), Map.entry("J", 7), Map.entry("IYYY", 4), Map.entry("IW", 2),
            Map.entry("D", 1), Map.entry("ID", 1), Map.entry("Q", 1), Map.entry("CC", 2), Map.entry("W", 1),
            Map.entry("WW", 2));

    private DateTimeParsing() {
    }

    static OffsetDateTime toTimestamp(Object[] args) {
        return parse(StringFunctions.text(args[0]), StringFunctions.text(args[1])).atZone(DateTimeFunctions.zone())
                .toOffsetDateTime();
    }

    static LocalDate toDate(Object[] args) {
        return parse(StringFunctions.text(args[0]), StringFunctions.text(args[1])).toLocalDate();
    }

    private static LocalDateTime parse(String text, String format) {
        int year = 1;
        int month = 1;
        int day = 1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        int micros = 0;
        Boolean pm = null;
        int in = 0;
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c == '"') {
                int end = format.indexOf('"', i + 1);
                int length = (end < 0 ? format.length() : end) - i - 1;
                in = Math.min(text.length(), in + length);
                i = end < 0 ? format.length() : end + 1;
                continue;
            }
            boolean fill = format.regionMatches(true, i, "FM", 0, 2);
            int at = fill ? i + 2 : i;
            String pattern = DateTimeFormat.match(format, at);
            if (pattern == null) {
                if (Character.isWhitespace(c)) {
                    while (in < text.length() && Character.isWhitespace(text.charAt(in))) {
                        in++;
                    }
                } else if (in < text.length() && !Character.isLetterOrDigit(text.charAt(in))) {
                    in++;
                }
                i++;
                continue;
            }
            i = at + pattern.length();
            while (in < text.length() && Character.isWhitespace(text.charAt(in))) {
                in++;
            }
            String upper = pattern.toUpperCase(Locale.ROOT);
            if (upper.startsWith("MON") || upper.startsWith("DAY") || upper.equals("DY")) {
                int end = in;
                while (end < text.length() && Character.isLetter(text.charAt(end))) {
                    end++;
                }
                String word = text.substring(in, end);
                if (upper.startsWith("MON")) {
                    month = monthNumber(word, pattern);
                }
                in = end;
                continue;
            }
            if (upper.endsWith("M") && (upper.startsWith("A") || upper.startsWith("P"))
                    || upper.endsWith("M.")) {
                String rest = text.substring(in).toUpperCase(Locale.ROOT);
                pm = rest.startsWith("P");
                in += rest.startsWith("A.M.") || rest.startsWith("P.M.") ? 4 : Math.min(2, rest.length());
                continue;
            }
            Integer width = WIDTHS.get(upper);
            if (width == null) {
                continue;
            }
            int end = in;
            boolean negative = in < text.length() && text.charAt(in) == '-' && upper.startsWith("Y");
            if (negative) {
                end++;
            }
            while (end < text.length() && end - in < width + (negative ? 1 : 0) && Character.isDigit(text.charAt(end))) {
                end++;
            }
            if (end == in || negative && end == in + 1) {
                String rest = text.substring(in);
                throw new PgException(SqlState.INVALID_DATETIME_FORMAT, "invalid value \""
                        + rest.substring(0, Math.min(rest.length(), width)) + "\" for \"" + pattern + "\"")
                        .withDetail("Value must be an integer.");
            }
            int value = Integer.parseInt(text, in, end, 10);
            in = end;
            switch (upper) {
                case "YYYY", "IYYY" -> year = value;
                case "YYY" -> year = value + 1000 * (value < 100 ? 2 : 1);
                case "YY" -> year = value < 70 ? 2000 + value : 1900 + value;
                case "Y" -> year = 2000 + value;
                case "MM" -> month = value;
                case "DD" -> day = value;
                case "HH", "HH12", "HH24" -> hour = value;
                case "MI" -> minute = value;
                case "SS" -> second = value;
                case "MS" -> micros = value * 1000;
                case "US" -> micros = value;
                default -> {
                    // the other numeric fields are read past but do not set the value
                }
            }
        }
        if (pm != null) {
            if (hour < 1 || hour > 12) {
                throw new PgException(SqlState.INVALID_DATETIME_FORMAT, "hour \"" + hour
                        + "\" is invalid for the 12-hour clock").withHint("Use the 24-hour clock, or give an hour "
                        + "between 1 and 12.");
            }
            hour = hour % 12 + (pm ? 12 : 0);
        }
        try {
            return LocalDateTime.of(LocalDate.of(year, month, day), LocalTime.of(hour, minute, second, micros * 1000));
        } catch (DateTimeException e) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \""
                    + text + "\"");
        }
    }

    private static int monthNumber(String word, String pattern) {
        for (Month month : Month.values()) {
            String name = pattern.length() == 3 ? month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                    : month.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            if (name.equalsIgnoreCase(word)) {
                return month.getValue();
            }
        }
        throw new PgException(SqlState.INVALID_DATETIME_FORMAT, "invalid value \"" + word + "\" for \"" + pattern
                + "\"").withDetail("The given value did not match any of the allowed values for this field.");
    }
}
