package org.modgres.executor.impl.expr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import org.modgres.executor.impl.value.Numerics;

/**
 * to_char(number, format) for the common template patterns: 9 (digit), 0 (digit, zero-padded),
 * {@code .}, {@code ,}, FM (no padding, no trailing fraction zeros), S (explicit sign) and PR
 * (angle brackets for negatives). Numbers too wide for the format print as #.
 */
final class NumberFormat {

    private NumberFormat() {
    }

    static String toChar(Object[] args) {
        Number number = (Number) args[0];
        String format = StringFunctions.text(args[1]);
        boolean fillMode = false;
        boolean explicitSign = false;
        boolean brackets = false;
        StringBuilder integerPattern = new StringBuilder();
        StringBuilder fractionPattern = new StringBuilder();
        boolean point = false;
        String upper = format.toUpperCase(Locale.ROOT);
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (upper.startsWith("FM", i)) {
                fillMode = true;
                i++;
            } else if (upper.startsWith("PR", i)) {
                brackets = true;
                i++;
            } else if (c == 'S') {
                explicitSign = true;
            } else if (c == '.' || c == 'D') {
                point = true;
            } else if (c == '9' || c == '0' || c == ',' || c == 'G') {
                (point ? fractionPattern : integerPattern).append(c == 'G' ? ',' : c);
            }
        }
        int fractionDigits = (int) fractionPattern.chars().filter(ch -> ch != ',').count();
        BigDecimal value = number instanceof Double || number instanceof Float
                ? new BigDecimal(number.toString()) : Numerics.toBigDecimal(number);
        value = value.setScale(fractionDigits, RoundingMode.HALF_UP);
        boolean negative = value.signum() < 0;
        String digits = value.abs().toPlainString();
        String integerDigits = fractionDigits > 0 ? digits.substring(0, digits.indexOf('.')) : digits;
        String fraction = fractionDigits > 0 ? digits.substring(digits.indexOf('.') + 1) : "";
        if (integerDigits.equals("0") && point) {
            integerDigits = "";
        }
        int positions = (int) integerPattern.chars().filter(ch -> ch != ',').count();
        StringBuilder body = new StringBuilder();
        if (integerDigits.length() > positions) {
            body.append(integerPattern.toString().replace('9', '#').replace('0', '#'));
            if (point) {
                body.append('.').append("#".repeat(fractionDigits));
            }
        } else {
            body.append(integerPart(integerPattern.toString(), integerDigits));
            if (point) {
                body.append('.');
                String fractionText = fraction;
                if (fillMode) {
                    int keep = fractionText.length();
                    while (keep > 0 && fractionText.charAt(keep - 1) == '0'
                            && fractionPattern.charAt(keep - 1) == '9') {
                        keep--;
                    }
                    fractionText = fractionText.substring(0, keep);
                }
                body.append(fractionText);
            }
        }
        int first = 0;
        while (first < body.length() && body.charAt(first) == ' ') {
            first++;
        }
        String sign = brackets ? (negative ? "<" : " ") : negative ? "-" : explicitSign ? "+" : " ";
        String result = body.substring(0, first) + sign + body.substring(first) + (brackets ? (negative ? ">" : " ") : "");
        return fillMode ? result.strip() : result;
    }

    /** The integer digits right-aligned in the pattern: blank before them, or zeros from the first 0 on. */
    private static String integerPart(String pattern, String digits) {
        int zerosFrom = pattern.indexOf('0');
        char[] out = new char[pattern.length()];
        int next = digits.length() - 1;
        for (int i = pattern.length() - 1; i >= 0; i--) {
            char p = pattern.charAt(i);
            boolean zeroFill = zerosFrom >= 0 && i >= zerosFrom;
            if (p == ',') {
                out[i] = next >= 0 || zeroFill ? ',' : ' ';
                continue;
            }
            if (next >= 0) {
                out[i] = digits.charAt(next--);
            } else {
                out[i] = zeroFill ? '0' : ' ';
            }
        }
        return new String(out);
    }
}
