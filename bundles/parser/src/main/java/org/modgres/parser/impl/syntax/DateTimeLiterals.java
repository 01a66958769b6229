package org.modgres.parser.impl.syntax;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of {@code DATE '...'}, {@code TIME '...'} and {@code TIMESTAMP '...'} in the shape
 * Calcite's literals require (yyyy-MM-dd, HH:mm:ss), from the shorter forms PostgreSQL also reads:
 * {@code '2024-1-5'}, {@code '10:00'}, {@code '2024-01-31 10:00'}, {@code '2024-01-31T10:00:00'}.
 * Other text stays as written, for Calcite to accept or refuse.
 */
public final class DateTimeLiterals {

    private static final String DATE = "(\\d{4})-(\\d{1,2})-(\\d{1,2})";
    private static final String TIME = "(\\d{1,2}):(\\d{2})(?::(\\d{2})(\\.\\d+)?)?";
    private static final Pattern DATE_TEXT = Pattern.compile("\\s*" + DATE + "\\s*");
    private static final Pattern TIME_TEXT = Pattern.compile("\\s*" + TIME + "\\s*");
    private static final Pattern TIMESTAMP_TEXT = Pattern.compile("\\s*" + DATE + "(?:[ T]+" + TIME + ")?\\s*");

    private DateTimeLiterals() {
    }

    /** @param type DATE, TIME or TIMESTAMP */
    public static String normalized(String type, String text) {
        Matcher m = switch (type) {
            case "DATE" -> DATE_TEXT.matcher(text);
            case "TIME" -> TIME_TEXT.matcher(text);
            default -> TIMESTAMP_TEXT.matcher(text);
        };
        if (!m.matches()) {
            return text;
        }
        return switch (type) {
            case "DATE" -> date(m, 1);
            case "TIME" -> time(m, 1);
            default -> m.group(4) == null ? date(m, 1) + " 00:00:00" : date(m, 1) + " " + time(m, 4);
        };
    }

    private static String date(Matcher m, int first) {
        return m.group(first) + "-" + twoDigits(m.group(first + 1)) + "-" + twoDigits(m.group(first + 2));
    }

    private static String time(Matcher m, int first) {
        String seconds = m.group(first + 2) == null ? "00" : m.group(first + 2);
        String fraction = m.group(first + 3) == null ? "" : m.group(first + 3);
        return twoDigits(m.group(first)) + ":" + m.group(first + 1) + ":" + seconds + fraction;
    }

    private static String twoDigits(String digits) {
        return digits.length() == 1 ? "0" + digits : digits;
    }
}
