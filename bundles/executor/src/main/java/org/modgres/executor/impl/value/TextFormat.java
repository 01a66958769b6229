package org.modgres.executor.impl.value;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/** Values as PostgreSQL's output functions print them, for casts to text and concatenation. */
public final class TextFormat {

    /** float8out switches to exponent notation from this decimal exponent on (DBL_DIG). */
    private static final int DOUBLE_PLAIN_LIMIT = 15;
    /** float4out's limit (FLT_DIG). */
    private static final int REAL_PLAIN_LIMIT = 6;

    private TextFormat() {
    }

    /** Returns a non-null value's text. */
    public static String format(Object value) {
        return switch (value) {
            case String s -> s;
            case Boolean b -> b ? "true" : "false";
            case BigDecimal d -> d.toPlainString();
            case Double d -> formatDouble(d);
            case Float f -> formatReal(f);
            case Number n -> n.toString();
            case LocalDate d -> formatDate(d);
            case LocalTime t -> formatTime(t);
            case LocalDateTime t -> formatDate(t.toLocalDate()) + " " + formatTime(t.toLocalTime());
            case OffsetDateTime t -> formatDate(t.toLocalDate()) + " " + formatTime(t.toLocalTime())
                    + formatOffset(t.getOffset().getTotalSeconds());
            case byte[] bytes -> "\\x" + HexFormat.of().formatHex(bytes);
            default -> value.toString();
        };
    }

    /** Prints a double as float8out does: shortest exact digits, exponent form outside 1e-4 .. 1e15. */
    public static String formatDouble(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return formatShortest(Double.toString(value), DOUBLE_PLAIN_LIMIT);
    }

    /** Prints a real as float4out does. */
    public static String formatReal(float value) {
        if (Float.isNaN(value)) {
            return "NaN";
        }
        if (Float.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return formatShortest(Float.toString(value), REAL_PLAIN_LIMIT);
    }

    private static String formatShortest(String javaText, int plainLimit) {
        if (javaText.equals("0.0")) {
            return "0";
        }
        if (javaText.equals("-0.0")) {
            return "-0";
        }
        BigDecimal exact = new BigDecimal(javaText).stripTrailingZeros();
        int exponent = exact.precision() - exact.scale() - 1;
        if (exponent < -4 || exponent >= plainLimit) {
            String digits = exact.unscaledValue().abs().toString();
            StringBuilder out = new StringBuilder();
            if (exact.signum() < 0) {
                out.append('-');
            }
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            int magnitude = Math.abs(exponent);
            if (magnitude < 10) {
                out.append('0');
            }
            return out.append(magnitude).toString();
        }
        return exact.scale() < 0 ? exact.setScale(0).toPlainString() : exact.toPlainString();
    }

    private static String formatDate(LocalDate date) {
        if (date.getYear() <= 0) {
            return LocalDate.of(1 - date.getYear(), date.getMonth(), date.getDayOfMonth()) + " BC";
        }
        return date.toString();
    }

    /** Prints HH:MM:SS with the fraction's significant digits only, as PostgreSQL does. */
    private static String formatTime(LocalTime time) {
        StringBuilder out = new StringBuilder(15);
        twoDigits(out, time.getHour()).append(':');
        twoDigits(out, time.getMinute()).append(':');
        twoDigits(out, time.getSecond());
        int micros = time.getNano() / 1000;
        if (micros != 0) {
            String fraction = String.format("%06d", micros);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(fraction, 0, end);
        }
        return out.toString();
    }

    private static String formatOffset(int totalSeconds) {
        StringBuilder out = new StringBuilder(totalSeconds < 0 ? "-" : "+");
        int seconds = Math.abs(totalSeconds);
        twoDigits(out, seconds / 3600);
        if (seconds % 3600 != 0) {
            out.append(':');
            twoDigits(out, seconds % 3600 / 60);
            if (seconds % 60 != 0) {
                out.append(':');
                twoDigits(out, seconds % 60);
            }
        }
        return out.toString();
    }

    private static StringBuilder twoDigits(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        return out.append(value);
    }
}
