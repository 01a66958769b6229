package org.modgres.api.type;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * The text forms of {@code float4} and {@code float8} as PostgreSQL 12 and later print them with
 * the default {@code extra_float_digits = 1}: the shortest decimal that reads back as the same
 * value (Ryu), in fixed notation when the decimal exponent is in [-4, 15) for float8 or [-4, 6)
 * for float4, otherwise as {@code 1.5e+20}.
 */
final class FloatText {
    private static final int FLOAT8_FIXED_LIMIT = 15;
    private static final int FLOAT4_FIXED_LIMIT = 6;
    /** From here on doubles are integers whose neighbours are 2 or more apart; see {@link Digits#shortestInside}. */
    private static final double DOUBLE_EXACT_INTEGERS = 0x1p53;
    private static final float FLOAT_EXACT_INTEGERS = 0x1p24f;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private FloatText() {
    }

    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value == 0) {
            return special(value);
        }
        double abs = Math.abs(value);
        Digits digits = Digits.of(Double.toString(abs));
        if (digits.digits.length() == 2 || abs >= DOUBLE_EXACT_INTEGERS) {
            digits = Digits.shortestInside(abs, Math.nextDown(abs), Math.nextUp(abs));
        }
        return (value < 0 ? "-" : "") + digits.render(FLOAT8_FIXED_LIMIT);
    }

    static String format(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value) || value == 0) {
            return special(value);
        }
        float abs = Math.abs(value);
        Digits digits = Digits.of(Float.toString(abs));
        if (digits.digits.length() == 2 || abs >= FLOAT_EXACT_INTEGERS) {
            digits = Digits.shortestInside(abs, Math.nextDown(abs), Math.nextUp(abs));
        }
        return (value < 0 ? "-" : "") + digits.render(FLOAT4_FIXED_LIMIT);
    }

    /** Reads a float8 as {@code float8in} does, with its errors. */
    static double parseDouble(String text) {
        String number = text.strip();
        Double special = parseSpecial(number);
        if (special != null) {
            return special;
        }
        if (!NUMBER.matcher(number).matches()) {
            throw new PgException(SqlState.INVALID_TEXT_REPRESENTATION,
                    "invalid input syntax for type double precision: \"" + text + "\"");
        }
        double value = Double.parseDouble(number);
        if (Double.isInfinite(value) || (value == 0 && hasNonZeroDigit(number))) {
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "\"" + number + "\" is out of range for type double precision");
        }
        return value;
    }

    /** Reads a float4 as {@code float4in} does, with its errors; subnormal values are accepted. */
    static float parseFloat(String text) {
        String number = text.strip();
        Double special = parseSpecial(number);
        if (special != null) {
            return special.floatValue();
        }
        if (!NUMBER.matcher(number).matches()) {
            throw new PgException(SqlState.INVALID_TEXT_REPRESENTATION,
                    "invalid input syntax for type real: \"" + text + "\"");
        }
        float value = Float.parseFloat(number);
        if (Float.isInfinite(value) || (value == 0 && hasNonZeroDigit(number))) {
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "\"" + number + "\" is out of range for type real");
        }
        return value;
    }

    private static String special(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return 1 / value < 0 ? "-0" : "0";
    }

    private static Double parseSpecial(String number) {
        return switch (number.toLowerCase(java.util.Locale.ROOT)) {
            case "nan", "+nan", "-nan" -> Double.NaN;
            case "infinity", "+infinity", "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-infinity", "-inf" -> Double.NEGATIVE_INFINITY;
            default -> null;
        };
    }

    private static boolean hasNonZeroDigit(String number) {
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** Significant digits without leading or trailing zeros, and the decimal exponent of the first. */
    private record Digits(String digits, int exponent) {

        /** Takes apart Java's {@code 123.45}, {@code 0.001} or {@code 1.0E20}. */
        static Digits of(String javaText) {
            int e = javaText.indexOf('E');
            int exponent = e < 0 ? 0 : Integer.parseInt(javaText.substring(e + 1));
            String mantissa = e < 0 ? javaText : javaText.substring(0, e);
            int dot = mantissa.indexOf('.');
            String all = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
            int lead = 0;
            while (all.charAt(lead) == '0') {
                lead++;
            }
            int end = all.length();
            while (all.charAt(end - 1) == '0') {
                end--;
            }
            return new Digits(all.substring(lead, end), dot + exponent - 1 - lead);
        }

        /**
         * Returns the shortest decimal strictly between the midpoints to the neighbours {@code below}
         * and {@code above}, the closest to {@code value} if several. Java's {@code toString} differs
         * from PostgreSQL's Ryu in two cases this settles: Java prints at least two digits
         * ({@code 4.9E-324} where Ryu gives {@code 5e-324}), and Java may print a decimal lying exactly
         * on a midpoint, which reads back right under round-half-even but which Ryu never chooses
         * ({@code 3.887798040492298E16} where PostgreSQL prints {@code 3.8877980404922976e+16}).
         * Midpoints have short decimal forms only for large integers, hence the two triggers.
         */
        static Digits shortestInside(double value, double below, double above) {
            BigDecimal exact = new BigDecimal(value);
            BigDecimal two = BigDecimal.valueOf(2);
            BigDecimal low = exact.add(new BigDecimal(below)).divide(two);
            BigDecimal high = Double.isInfinite(above)
                    ? exact.add(exact.subtract(new BigDecimal(below)).divide(two))
                    : exact.add(new BigDecimal(above)).divide(two);
            for (int n = 1; ; n++) {
                BigDecimal down = exact.round(new MathContext(n, RoundingMode.DOWN));
                BigDecimal up = exact.round(new MathContext(n, RoundingMode.UP));
                boolean downInside = down.compareTo(low) > 0;
                boolean upInside = up.compareTo(high) < 0;
                if (downInside && upInside) {
                    return of(exact.round(new MathContext(n, RoundingMode.HALF_EVEN)));
                }
                if (downInside || upInside) {
                    return of(downInside ? down : up);
                }
            }
        }

        private static Digits of(BigDecimal decimal) {
            BigDecimal stripped = decimal.stripTrailingZeros();
            String digits = stripped.unscaledValue().toString();
            return new Digits(digits, digits.length() - stripped.scale() - 1);
        }

        String render(int fixedLimit) {
            StringBuilder s = new StringBuilder(digits.length() + 8);
            if (exponent < -4 || exponent >= fixedLimit) {
                s.append(digits.charAt(0));
                if (digits.length() > 1) {
                    s.append('.').append(digits, 1, digits.length());
                }
                int abs = Math.abs(exponent);
                s.append('e').append(exponent < 0 ? '-' : '+').append(abs < 10 ? "0" : "").append(abs);
            } else if (exponent < 0) {
                s.append("0.").repeat('0', -exponent - 1).append(digits);
            } else if (digits.length() <= exponent + 1) {
                s.append(digits).repeat('0', exponent + 1 - digits.length());
            } else {
                s.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
            }
            return s.toString();
        }
    }
}
