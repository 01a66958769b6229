package org.modgres.api.type;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * The text format of values (format code 0): what PostgreSQL 15's output functions print, with
 * {@code DateStyle = 'ISO, MDY'}, {@code IntervalStyle = postgres}, {@code extra_float_digits = 1}
 * and {@code bytea_output = hex}, and what its input functions accept, with their SQLSTATEs and
 * messages. Values have the Java classes {@link PgType} names; {@code null} is SQL NULL both ways.
 *
 * <p>Conventions beyond PgType: {@code infinity}/{@code -infinity} are the MAX/MIN constants of
 * {@link LocalDate}, {@link LocalDateTime} and {@link java.time.OffsetDateTime}, and
 * {@code time '24:00:00'} is {@link LocalTime#MAX}. {@code numeric} NaN and infinity have no
 * {@link BigDecimal} form and are refused with 0A000.
 */
public final class TextFormat {
    /** PostgreSQL's numeric holds up to 131072 digits before the decimal point and 16383 after. */
    private static final int MAX_NUMERIC_INTEGER_DIGITS = 131_072;
    private static final int MAX_NUMERIC_SCALE = 16_383;

    private TextFormat() {
    }

    /** Prints a value, rendering timestamptz values in UTC. */
    public static String format(PgType type, Object value) {
        return format(type, value, ZoneOffset.UTC);
    }

    /**
     * Prints a value as PostgreSQL does; timestamptz values are shown in the session's time zone.
     *
     * @throws IllegalArgumentException when the value is not of the type's Java class
     */
    public static String format(PgType type, Object value, ZoneId sessionTimeZone) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case BOOL -> JavaValues.as(type, Boolean.class, value) ? "t" : "f";
            case INT2, INT4, INT8, OID -> Long.toString(JavaValues.asIntegral(type, value));
            case NUMERIC -> JavaValues.asBigDecimal(value).toPlainString();
            case FLOAT4 -> FloatText.format((float) JavaValues.asDouble(type, value));
            case FLOAT8 -> FloatText.format(JavaValues.asDouble(type, value));
            case TEXT, VARCHAR, BPCHAR, NAME, UNKNOWN, CHAR -> JavaValues.as(type, String.class, value);
            case BYTEA -> ByteaText.format(JavaValues.as(type, byte[].class, value));
            case DATE -> DateTimeText.date(JavaValues.as(type, LocalDate.class, value));
            case TIME -> DateTimeText.time(JavaValues.as(type, LocalTime.class, value));
            case TIMESTAMP -> DateTimeText.timestamp(JavaValues.as(type, LocalDateTime.class, value));
            case TIMESTAMPTZ -> DateTimeText.timestamptz(JavaValues.asOffsetDateTime(value), sessionTimeZone);
            case INTERVAL -> IntervalText.format(JavaValues.as(type, PgInterval.class, value));
            case UUID -> JavaValues.as(type, UUID.class, value).toString();
            case JSON, JSONB -> value.toString();
            case BOOL_ARRAY, BYTEA_ARRAY, BPCHAR_ARRAY, VARCHAR_ARRAY, FLOAT4_ARRAY, FLOAT8_ARRAY, TIMESTAMP_ARRAY,
                 DATE_ARRAY, TIME_ARRAY, TIMESTAMPTZ_ARRAY, INTERVAL_ARRAY, NUMERIC_ARRAY, UUID_ARRAY, JSON_ARRAY,
                 JSONB_ARRAY ->
                    ArrayText.format(type, JavaValues.as(type, List.class, value), sessionTimeZone);
            case VOID -> "";
            case INT2VECTOR, OIDVECTOR, CHAR_ARRAY, NAME_ARRAY, INT2_ARRAY, INT4_ARRAY, INT8_ARRAY, TEXT_ARRAY,
                 OID_ARRAY ->
                    ArrayText.format(type, JavaValues.as(type, List.class, value), sessionTimeZone);
        };
    }

    /** Reads a value; a timestamptz without a zone is taken as UTC. */
    public static Object parse(PgType type, String text) {
        return parse(type, text, ZoneOffset.UTC);
    }

    /**
     * Reads a value as PostgreSQL's input function for the type does.
     *
     * @param sessionTimeZone the zone of a timestamptz given without one, and of now/today
     * @throws PgException with PostgreSQL's SQLSTATE and message when the text is not valid input
     */
    public static Object parse(PgType type, String text, ZoneId sessionTimeZone) {
        if (text == null) {
            return null;
        }
        return switch (type) {
            case BOOL -> parseBool(text);
            case INT2 -> (short) parseInteger(text, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
            case INT4 -> (int) parseInteger(text, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
            case INT8 -> parseInteger(text, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
            case OID -> parseOid(text);
            case NUMERIC -> parseNumeric(text);
            case FLOAT4 -> FloatText.parseFloat(text);
            case FLOAT8 -> FloatText.parseDouble(text);
            case TEXT, VARCHAR, BPCHAR, NAME, UNKNOWN -> text;
            case CHAR -> parseChar(text);
            case BYTEA -> ByteaText.parse(text);
            case DATE -> DateTimeParser.date(text, sessionTimeZone);
            case TIME -> DateTimeParser.time(text, sessionTimeZone);
            case TIMESTAMP -> DateTimeParser.timestamp(text, sessionTimeZone);
            case TIMESTAMPTZ -> DateTimeParser.timestamptz(text, sessionTimeZone);
            case INTERVAL -> IntervalText.parse(text);
            case UUID -> parseUuid(text);
            case JSON -> PgJson.parse(text);
            case JSONB -> PgJsonb.parse(text);
            case BOOL_ARRAY, BYTEA_ARRAY, BPCHAR_ARRAY, VARCHAR_ARRAY, FLOAT4_ARRAY, FLOAT8_ARRAY, TIMESTAMP_ARRAY,
                 DATE_ARRAY, TIME_ARRAY, TIMESTAMPTZ_ARRAY, INTERVAL_ARRAY, NUMERIC_ARRAY, UUID_ARRAY, JSON_ARRAY,
                 JSONB_ARRAY ->
                    ArrayText.parse(type, text, sessionTimeZone);
            case VOID -> null;
            case INT2VECTOR, OIDVECTOR, CHAR_ARRAY, NAME_ARRAY, INT2_ARRAY, INT4_ARRAY, INT8_ARRAY, TEXT_ARRAY,
                 OID_ARRAY ->
                    ArrayText.parse(type, text, sessionTimeZone);
        };
    }

    /** Reads a {@code "char"}: its first character, or the byte a {@code \ooo} octal escape names. */
    private static String parseChar(String text) {
        if (text.length() == 4 && text.charAt(0) == '\\' && text.substring(1).matches("[0-3][0-7][0-7]")) {
            return String.valueOf((char) Integer.parseInt(text.substring(1), 8));
        }
        return text.isEmpty() ? "" : text.substring(0, text.offsetByCodePoints(0, 1));
    }

    /** Accepts any unique prefix of true/false/yes/no, on/off, 1/0, without regard to case. */
    private static Boolean parseBool(String text) {
        String s = stripSpaces(text).toLowerCase(Locale.ROOT);
        if (!s.isEmpty()) {
            if ("true".startsWith(s) || "yes".startsWith(s) || s.equals("on") || s.equals("1")) {
                return Boolean.TRUE;
            }
            if ("false".startsWith(s) || "no".startsWith(s) || (s.length() >= 2 && "off".startsWith(s))
                    || s.equals("0")) {
                return Boolean.FALSE;
            }
        }
        throw new PgException(SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type boolean: \"" + text + "\"");
    }

    /** Reads an optionally signed decimal integer between spaces, as PostgreSQL 15's pg_strtoint does. */
    private static long parseInteger(String text, long min, long max, String typeName) {
        String s = stripSpaces(text);
        int i = 0;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            i++;
        }
        if (i == s.length()) {
            throw integerSyntax(text, typeName);
        }
        // Accumulate negatively so that the minimum value, whose magnitude exceeds the maximum, fits.
        long value = 0;
        long limit = negative ? min : -max;
        for (; i < s.length(); i++) {
            int digit = s.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                throw integerSyntax(text, typeName);
            }
            if (value < (limit + digit) / 10) {
                throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                        "value \"" + text + "\" is out of range for type " + typeName);
            }
            value = value * 10 - digit;
        }
        return negative ? value : -value;
    }

    private static PgException integerSyntax(String text, String typeName) {
        return new PgException(SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type " + typeName + ": \"" + text + "\"");
    }

    /** Reads an OID; like PostgreSQL, accepts negative values down to -2^31 and wraps them. */
    private static Long parseOid(String text) {
        long value;
        try {
            value = parseInteger(text, Long.MIN_VALUE, Long.MAX_VALUE, "oid");
        } catch (PgException e) {
            if (e.sqlState() == SqlState.NUMERIC_VALUE_OUT_OF_RANGE) {
                throw oidOutOfRange(text);
            }
            throw e;
        }
        if (value >= 0 && value <= 0xffff_ffffL) {
            return value;
        }
        if (value < 0 && value >= Integer.MIN_VALUE) {
            return value & 0xffff_ffffL;
        }
        throw oidOutOfRange(text);
    }

    private static PgException oidOutOfRange(String text) {
        return new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value \"" + text + "\" is out of range for type oid");
    }

    private static BigDecimal parseNumeric(String text) {
        String s = stripSpaces(text);
        String word = s.toLowerCase(Locale.ROOT);
        if (word.equals("nan") || word.matches("[+-]?(inf|infinity)")) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "numeric value \"" + s + "\" is not supported");
        }
        if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw new PgException(SqlState.INVALID_TEXT_REPRESENTATION,
                    "invalid input syntax for type numeric: \"" + text + "\"");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw numericOverflow();
        }
        // Checked before setScale, which would otherwise build 10^n for an exponent such as 1e999999999.
        if ((long) value.precision() - value.scale() > MAX_NUMERIC_INTEGER_DIGITS || value.scale() > MAX_NUMERIC_SCALE) {
            throw numericOverflow();
        }
        // PostgreSQL's display scale is never negative: 1e5 is 100000, not 1E+5.
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    private static PgException numericOverflow() {
        return new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
    }

    /** Reads 32 hex digits, optionally in braces, with a hyphen allowed after any group of four. */
    private static UUID parseUuid(String text) {
        int i = 0;
        int end = text.length();
        boolean braces = end > 0 && text.charAt(0) == '{';
        if (braces) {
            if (text.charAt(end - 1) != '}') {
                throw uuidSyntax(text);
            }
            i = 1;
            end--;
        }
        long high = 0;
        long low = 0;
        for (int digits = 0; digits < 32; digits++) {
            if (i >= end) {
                throw uuidSyntax(text);
            }
            int d = Character.digit(text.charAt(i++), 16);
            if (d < 0 || text.charAt(i - 1) > 'f') {
                throw uuidSyntax(text);
            }
            if (digits < 16) {
                high = (high << 4) | d;
            } else {
                low = (low << 4) | d;
            }
            if (digits % 4 == 3 && digits < 31 && i < end && text.charAt(i) == '-') {
                i++;
            }
        }
        if (i != end) {
            throw uuidSyntax(text);
        }
        return new UUID(high, low);
    }

    private static PgException uuidSyntax(String text) {
        return new PgException(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type uuid: \"" + text + "\"");
    }

    /** Strips what C's isspace() calls space, as PostgreSQL's input functions do. */
    private static String stripSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000b' || c == '\f';
    }
}
