package org.modgres.executor.impl.value;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.type.PgType;
import org.modgres.api.type.TextFormat;

/** Text read as values of other types, as PostgreSQL's input functions read it. */
public final class TextInput {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern DATE = Pattern.compile("(\\d{4,})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4,}-\\d{1,2}-\\d{1,2})(?:[ T](\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?))?"
                    + "\\s*(Z|z|[+-]\\d{1,2}(?::?\\d{2})?)?");
    private static final Pattern UUID_TEXT = Pattern.compile("\\{?([0-9a-fA-F]{8})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{4})"
            + "-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{12})}?");

    private TextInput() {
    }

    /** Reads an integer of a type, 22P02 when it is not one, 22003 when out of the type's range. */
    public static long parseIntegral(String text, ValueType type) {
        String trimmed = text.strip();
        if (!INTEGER.matcher(trimmed).matches()) {
            throw PgErrors.invalidInput(type.sqlName(), text);
        }
        long value;
        try {
            value = Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            throw PgErrors.textOutOfRange(type.sqlName(), text);
        }
        try {
            Numerics.narrow(value, type);
        } catch (PgException e) {
            throw PgErrors.textOutOfRange(type.sqlName(), text);
        }
        return value;
    }

    /** Reads a numeric. */
    public static BigDecimal parseNumeric(String text) {
        String trimmed = text.strip();
        if (!DECIMAL.matcher(trimmed).matches()) {
            throw PgErrors.invalidInput("numeric", text);
        }
        BigDecimal value = new BigDecimal(trimmed);
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** Reads a double precision or real value, with NaN and the infinities. */
    public static double parseDouble(String text, ValueType type) {
        String trimmed = text.strip();
        switch (trimmed.toLowerCase(Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "infinity", "+infinity", "inf", "+inf":
                return Double.POSITIVE_INFINITY;
            case "-infinity", "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (!DECIMAL.matcher(trimmed).matches()) {
            throw PgErrors.invalidInput(type.sqlName(), text);
        }
        double value = Double.parseDouble(trimmed);
        boolean outOfRange = Double.isInfinite(value)
                || type == ValueType.REAL && Float.isInfinite((float) value);
        if (outOfRange) {
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "\"" + trimmed + "\" is out of range for type " + type.sqlName());
        }
        return value;
    }

    /** Reads a boolean as boolin does: any prefix of true/false/yes/no, on/off, 1/0. */
    public static boolean parseBoolean(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (!value.isEmpty()) {
            if ("true".startsWith(value) || "yes".startsWith(value) || value.equals("1")
                    || value.length() >= 2 && value.equals("on")) {
                return true;
            }
            if ("false".startsWith(value) || "no".startsWith(value) || value.equals("0")
                    || value.length() >= 2 && "off".startsWith(value)) {
                return false;
            }
        }
        throw PgErrors.invalidInput("boolean", text);
    }

    /** Reads an ISO date, {@code yyyy-mm-dd}. */
    public static LocalDate parseDate(String text) {
        Matcher m = DATE.matcher(text.strip());
        if (!m.matches()) {
            throw PgErrors.invalidDatetime("date", text);
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw fieldOutOfRange(text);
        }
    }

    /** Reads a time, {@code hh:mm[:ss[.fraction]]}. */
    public static LocalTime parseTime(String text) {
        Matcher m = TIME.matcher(text.strip());
        if (!m.matches()) {
            throw PgErrors.invalidDatetime("time", text);
        }
        return time(m.group(0), text);
    }

    /** Reads a timestamp; a date alone is its midnight, an offset is dropped. */
    public static LocalDateTime parseTimestamp(String text) {
        Matcher m = TIMESTAMP.matcher(text.strip());
        if (!m.matches()) {
            throw PgErrors.invalidDatetime("timestamp", text);
        }
        LocalDate date = parseDate(m.group(1));
        LocalTime time = m.group(2) == null ? LocalTime.MIDNIGHT : time(m.group(2), text);
        return LocalDateTime.of(date, time);
    }

    /** Reads a timestamp with time zone; without an offset the value is in the JVM's zone. */
    public static OffsetDateTime parseTimestampTz(String text) {
        Matcher m = TIMESTAMP.matcher(text.strip());
        if (!m.matches()) {
            throw PgErrors.invalidDatetime("timestamp with time zone", text);
        }
        LocalDate date = parseDate(m.group(1));
        LocalTime time = m.group(2) == null ? LocalTime.MIDNIGHT : time(m.group(2), text);
        LocalDateTime local = LocalDateTime.of(date, time);
        if (m.group(3) == null) {
            return local.atZone(SessionTimeZone.current()).toOffsetDateTime();
        }
        return local.atOffset(offset(m.group(3), text));
    }

    private static ZoneOffset offset(String text, String original) {
        if (text.equalsIgnoreCase("z")) {
            return ZoneOffset.UTC;
        }
        String digits = text.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.length() <= 2 ? digits : digits.substring(0, digits.length() - 2));
        int minutes = digits.length() <= 2 ? 0 : Integer.parseInt(digits.substring(digits.length() - 2));
        try {
            int sign = text.charAt(0) == '-' ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } catch (DateTimeException e) {
            throw fieldOutOfRange(original);
        }
    }

    private static LocalTime time(String text, String original) {
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            throw PgErrors.invalidDatetime("time", original);
        }
        try {
            int nanos = 0;
            if (m.group(4) != null) {
                String fraction = (m.group(4) + "000000000").substring(0, 9);
                nanos = Integer.parseInt(fraction);
            }
            int seconds = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), seconds, nanos);
        } catch (DateTimeException e) {
            throw fieldOutOfRange(original);
        }
    }

    private static PgException fieldOutOfRange(String text) {
        return new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"");
    }

    /** Reads a uuid, with or without hyphens and braces. */
    public static UUID parseUuid(String text) {
        Matcher m = UUID_TEXT.matcher(text.strip());
        if (!m.matches()) {
            throw PgErrors.invalidInput("uuid", text);
        }
        String hex = m.group(1) + m.group(2) + m.group(3) + m.group(4) + m.group(5);
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }

    /** Reads bytea text: {@code \x} followed by hex digits, or the escape format. */
    public static byte[] parseBytea(String text) {
        if (text.startsWith("\\x")) {
            // 22023 for a digit that is not hex or an odd number of digits, as in PostgreSQL
            return (byte[]) TextFormat.parse(PgType.BYTEA, text);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] != '\\') {
                out.write(utf8[i]);
            } else if (i + 1 < utf8.length && utf8[i + 1] == '\\') {
                out.write('\\');
                i++;
            } else if (i + 3 < utf8.length && isOctal(utf8[i + 1]) && isOctal(utf8[i + 2]) && isOctal(utf8[i + 3])) {
                out.write((utf8[i + 1] - '0') * 64 + (utf8[i + 2] - '0') * 8 + (utf8[i + 3] - '0'));
                i += 3;
            } else {
                throw PgErrors.invalidInput("bytea", text);
            }
        }
        return out.toByteArray();
    }

    private static boolean isOctal(byte b) {
        return b >= '0' && b <= '7';
    }
}
