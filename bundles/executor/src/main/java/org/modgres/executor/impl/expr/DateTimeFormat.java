package org.modgres.executor.impl.expr;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.JulianFields;
import java.util.List;
import java.util.Locale;

/**
 * to_char(timestamp, format): PostgreSQL's template patterns (YYYY, MM, DD, HH24, MI, SS, MS, US,
 * AM, Month, Day, IW, TZ, ...), the FM prefix that drops padding, and quoted literal text.
 */
final class DateTimeFormat {

    /** Patterns whose letter case selects the output's case; matched exactly, longest first. */
    static final List<String> CASED = List.of("MONTH", "Month", "month", "MON", "Mon", "mon", "DAY", "Day", "day",
            "DY", "Dy", "dy", "A.M.", "P.M.", "a.m.", "p.m.", "AM", "PM", "am", "pm", "B.C.", "A.D.", "b.c.",
            "a.d.", "BC", "AD", "bc", "ad", "TZ", "tz", "OF");

    /** Numeric patterns, matched in any case, longest first. */
    static final List<String> NUMERIC = List.of("HH24", "HH12", "HH", "MI", "MS", "US", "SSSS", "SS", "Y,YYY",
            "YYYY", "YYY", "YY", "Y", "IYYY", "IYY", "IDDD", "ID", "IW", "IY", "I", "DDD", "DD", "D", "WW", "W",
            "MM", "Q", "J", "CC");

    private DateTimeFormat() {
    }

    static String toChar(Object[] args) {
        Object value = args[0];
        String format = StringFunctions.text(args[1]);
        ZonedDateTime zoned = switch (value) {
            case OffsetDateTime t -> t.atZoneSameInstant(DateTimeFunctions.zone());
            case LocalDate d -> d.atStartOfDay(DateTimeFunctions.zone());
            default -> ((LocalDateTime) value).atZone(DateTimeFunctions.zone());
        };
        boolean withZone = value instanceof OffsetDateTime;
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c == '"') {
                int end = i + 1;
                while (end < format.length() && format.charAt(end) != '"') {
                    if (format.charAt(end) == '\\' && end + 1 < format.length()) {
                        end++;
                    }
                    out.append(format.charAt(end++));
                }
                i = end + 1;
                continue;
            }
            if (c == '\\' && i + 1 < format.length()) {
                out.append(format.charAt(i + 1));
                i += 2;
                continue;
            }
            boolean fill = format.regionMatches(true, i, "FM", 0, 2);
            int at = fill ? i + 2 : i;
            String pattern = match(format, at);
            if (pattern == null) {
                out.append(c);
                i++;
                continue;
            }
            out.append(field(pattern, zoned, withZone, fill));
            i = at + pattern.length();
        }
        return out.toString();
    }

    /** Returns the pattern at a position, as it is listed, or null. */
    static String match(String format, int at) {
        for (String pattern : CASED) {
            if (format.startsWith(pattern, at)) {
                return pattern;
            }
        }
        for (String pattern : NUMERIC) {
            if (format.regionMatches(true, at, pattern, 0, pattern.length())) {
                return pattern;
            }
        }
        return null;
    }

    private static String field(String pattern, ZonedDateTime t, boolean withZone, boolean fill) {
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        boolean pm = t.getHour() >= 12;
        int year = t.getYear() > 0 ? t.getYear() : 1 - t.getYear();
        return switch (pattern) {
            case "HH24" -> number(t.getHour(), 2, fill);
            case "HH12", "HH" -> number(hour12, 2, fill);
            case "MI" -> number(t.getMinute(), 2, fill);
            case "SS" -> number(t.getSecond(), 2, fill);
            case "SSSS" -> Integer.toString(t.toLocalTime().toSecondOfDay());
            case "MS" -> number(t.getNano() / 1_000_000, 3, fill);
            case "US" -> number(t.getNano() / 1000, 6, fill);
            case "Y,YYY" -> String.format("%d,%03d", year / 1000, year % 1000);
            case "YYYY" -> number(year, 4, fill);
            case "YYY" -> number(year % 1000, 3, fill);
            case "YY" -> number(year % 100, 2, fill);
            case "Y" -> Integer.toString(year % 10);
            case "IYYY" -> number(t.get(IsoFields.WEEK_BASED_YEAR), 4, fill);
            case "IYY" -> number(t.get(IsoFields.WEEK_BASED_YEAR) % 1000, 3, fill);
            case "IY" -> number(t.get(IsoFields.WEEK_BASED_YEAR) % 100, 2, fill);
            case "I" -> Integer.toString(t.get(IsoFields.WEEK_BASED_YEAR) % 10);
            case "MM" -> number(t.getMonthValue(), 2, fill);
            case "DDD" -> number(t.getDayOfYear(), 3, fill);
            case "IDDD" -> number((t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) - 1) * 7
                    + t.getDayOfWeek().getValue(), 3, fill);
            case "DD" -> number(t.getDayOfMonth(), 2, fill);
            case "D" -> Integer.toString(t.getDayOfWeek().getValue() % 7 + 1);
            case "ID" -> Integer.toString(t.getDayOfWeek().getValue());
            case "IW" -> number(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, fill);
            case "WW" -> number((t.getDayOfYear() - 1) / 7 + 1, 2, fill);
            case "W" -> Integer.toString((t.getDayOfMonth() - 1) / 7 + 1);
            case "Q" -> Integer.toString((t.getMonthValue() - 1) / 3 + 1);
            case "J" -> Long.toString(t.toLocalDate().getLong(JulianFields.JULIAN_DAY));
            case "CC" -> number((t.getYear() + 99) / 100, 2, fill);
            case "MONTH", "Month", "month" -> name(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                    pattern, fill);
            case "MON", "Mon", "mon" -> name(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), pattern,
                    true);
            case "DAY", "Day", "day" -> name(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                    pattern, fill);
            case "DY", "Dy", "dy" -> name(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
                    pattern, true);
            case "AM", "PM" -> pm ? "PM" : "AM";
            case "am", "pm" -> pm ? "pm" : "am";
            case "A.M.", "P.M." -> pm ? "P.M." : "A.M.";
            case "a.m.", "p.m." -> pm ? "p.m." : "a.m.";
            case "BC", "AD" -> t.getYear() > 0 ? "AD" : "BC";
            case "bc", "ad" -> t.getYear() > 0 ? "ad" : "bc";
            case "B.C.", "A.D." -> t.getYear() > 0 ? "A.D." : "B.C.";
            case "b.c.", "a.d." -> t.getYear() > 0 ? "a.d." : "b.c.";
            case "TZ" -> withZone ? zoneAbbreviation(t) : "";
            case "tz" -> withZone ? zoneAbbreviation(t).toLowerCase(Locale.ROOT) : "";
            case "OF" -> withZone ? offset(t.getOffset().getTotalSeconds()) : "";
            default -> pattern;
        };
    }

    private static String zoneAbbreviation(ZonedDateTime t) {
        String name = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(t);
        return name.startsWith("GMT") && t.getOffset().getTotalSeconds() != 0 ? offset(t.getOffset().getTotalSeconds())
                : name;
    }

    private static String offset(int totalSeconds) {
        int minutes = Math.abs(totalSeconds) / 60;
        String text = (totalSeconds < 0 ? "-" : "+") + String.format("%02d", minutes / 60);
        return minutes % 60 == 0 ? text : text + ":" + String.format("%02d", minutes % 60);
    }

    private static String number(int value, int width, boolean fill) {
        String digits = Integer.toString(value);
        return fill || digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** A month or day name in the pattern's case, padded to 9 characters unless FM or abbreviated. */
    private static String name(String name, String pattern, boolean unpadded) {
        String cased = Character.isLowerCase(pattern.charAt(0)) ? name.toLowerCase(Locale.ROOT)
                : Character.isUpperCase(pattern.charAt(1)) ? name.toUpperCase(Locale.ROOT) : name;
        return unpadded ? cased : String.format("%-9s", cased);
    }
}
