package org.modgres.executor.impl.expr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * sqrt, exp, ln, log and power on numeric, with the result scales PostgreSQL chooses: at least
 * 16 significant digits and no fewer decimals than the arguments show.
 */
final class NumericMath {

    private static final int MIN_SIGNIFICANT_DIGITS = 16;
    private static final int MAX_DISPLAY_SCALE = 1000;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private NumericMath() {
    }

    static BigDecimal sqrt(BigDecimal x) {
        if (x.signum() < 0) {
            throw new PgException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "cannot take square root of a negative number");
        }
        // PostgreSQL's weight counts groups of four decimal digits
        int groupWeight = Math.floorDiv(decimalWeight(x), 4);
        int scale = clamp(Math.max(MIN_SIGNIFICANT_DIGITS - ((groupWeight + 1) * 4 / 2 - 1), x.scale()));
        if (x.signum() == 0) {
            return BigDecimal.ZERO.setScale(scale);
        }
        return x.sqrt(new MathContext(scale + decimalWeight(x) / 2 + 10)).setScale(scale, RoundingMode.HALF_UP);
    }

    static BigDecimal exp(BigDecimal x) {
        double weight = Math.max(Math.min(x.doubleValue() * 0.434294481903252, 2000), -2000);
        int scale = clamp(Math.max(MIN_SIGNIFICANT_DIGITS - (int) weight, x.scale()));
        return exp(x, scale);
    }

    static BigDecimal ln(BigDecimal x) {
        checkLogarithm(x);
        int scale = clamp(Math.max(MIN_SIGNIFICANT_DIGITS - lnWeight(x), x.scale()));
        return ln(x, scale + 5).setScale(scale, RoundingMode.HALF_UP);
    }

    /** log(base, x), and log(x) with base 10. */
    static BigDecimal log(BigDecimal base, BigDecimal x) {
        checkLogarithm(base);
        checkLogarithm(x);
        int scale = clamp(Math.max(Math.max(MIN_SIGNIFICANT_DIGITS - (lnWeight(x) - lnWeight(base)), base.scale()),
                x.scale()));
        int work = scale + 10 + Math.abs(lnWeight(x) - lnWeight(base));
        BigDecimal lnBase = ln(base, work);
        if (lnBase.signum() == 0) {
            throw new PgException(SqlState.DIVISION_BY_ZERO, "division by zero");
        }
        return ln(x, work).divide(lnBase, new MathContext(work + 5)).setScale(scale, RoundingMode.HALF_UP);
    }

    static BigDecimal power(BigDecimal base, BigDecimal exponent) {
        if (base.signum() == 0 && exponent.signum() < 0) {
            throw new PgException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "zero raised to a negative power is undefined");
        }
        boolean integral = exponent.stripTrailingZeros().scale() <= 0;
        if (base.signum() < 0 && !integral) {
            throw new PgException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "a negative number raised to a non-integer power yields a complex result");
        }
        if (integral && exponent.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
            int scale = clamp(Math.max(MIN_SIGNIFICANT_DIGITS, base.scale()));
            int n = exponent.intValueExact();
            if (n == 0) {
                return BigDecimal.ONE.setScale(scale);
            }
            BigDecimal magnitude = base.pow(Math.abs(n), new MathContext(scale + Math.abs(n) * 4 + 20));
            BigDecimal result = n > 0 ? magnitude : BigDecimal.ONE.divide(magnitude, new MathContext(scale + 20));
            return result.setScale(scale, RoundingMode.HALF_UP);
        }
        if (base.signum() == 0) {
            return BigDecimal.ZERO.setScale(clamp(Math.max(MIN_SIGNIFICANT_DIGITS, base.scale())));
        }
        double weight = exponent.doubleValue() * Math.log(base.doubleValue()) * 0.434294481903252;
        int scale = clamp(Math.max(Math.max(MIN_SIGNIFICANT_DIGITS - (int) weight, base.scale()), exponent.scale()));
        BigDecimal lnBase = ln(base, scale + 20 + (int) Math.abs(weight));
        return exp(lnBase.multiply(exponent), scale);
    }

    private static void checkLogarithm(BigDecimal x) {
        if (x.signum() == 0) {
            throw new PgException(SqlState.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of zero");
        }
        if (x.signum() < 0) {
            throw new PgException(SqlState.INVALID_ARGUMENT_FOR_LOGARITHM,
                    "cannot take logarithm of a negative number");
        }
    }

    /** The decimal weight of ln(x), as PostgreSQL estimates it to choose a scale. */
    private static int lnWeight(BigDecimal x) {
        if (x.compareTo(new BigDecimal("0.9")) >= 0 && x.compareTo(new BigDecimal("1.1")) <= 0) {
            BigDecimal difference = x.subtract(BigDecimal.ONE);
            return difference.signum() == 0 ? 0 : decimalWeight(difference);
        }
        double ln = Math.log(x.doubleValue());
        if (Double.isInfinite(ln)) {
            ln = (x.precision() - x.scale() - 1) * Math.log(10);
        }
        return (int) Math.log10(Math.abs(ln));
    }

    /** The power of ten of x's first significant digit. */
    private static int decimalWeight(BigDecimal x) {
        return x.precision() - x.scale() - 1;
    }

    private static int clamp(int scale) {
        return Math.min(Math.max(scale, 0), MAX_DISPLAY_SCALE);
    }

    /** e^x rounded to a scale: halves x until it is small, sums the series, then squares back. */
    private static BigDecimal exp(BigDecimal x, int scale) {
        int halvings = 0;
        BigDecimal reduced = x;
        while (reduced.abs().compareTo(new BigDecimal("0.01")) > 0) {
            reduced = reduced.divide(TWO);
            halvings++;
        }
        int integerDigits = Math.max(0, (int) (x.doubleValue() * 0.4343)) + 1;
        MathContext context = new MathContext(integerDigits + scale + 10 + halvings);
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(context.getPrecision() + 2);
        for (int n = 1; term.abs().compareTo(epsilon) > 0; n++) {
            term = term.multiply(reduced, context).divide(BigDecimal.valueOf(n), context);
            sum = sum.add(term, context);
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, context);
        }
        return sum.setScale(scale, RoundingMode.HALF_UP);
    }

    /** ln(x) to a scale: ln of the mantissa plus the power of ten times ln(10). */
    private static BigDecimal ln(BigDecimal x, int scale) {
        int exponent = x.precision() - x.scale() - 1;
        BigDecimal y = newtonLn(x.movePointLeft(exponent), scale + 5);
        if (exponent != 0) {
            y = y.add(newtonLn(BigDecimal.TEN, scale + 10).multiply(BigDecimal.valueOf(exponent)));
        }
        return y.setScale(scale, RoundingMode.HALF_UP);
    }

    /** ln(x) for a moderate x, by Newton's method on e^y = x from the double estimate. */
    private static BigDecimal newtonLn(BigDecimal x, int scale) {
        BigDecimal y = new BigDecimal(Math.log(x.doubleValue()));
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(scale + 3);
        MathContext context = new MathContext(scale + 15);
        for (int i = 0; i < 100; i++) {
            BigDecimal e = exp(y, scale + 10);
            BigDecimal step = TWO.multiply(x.subtract(e)).divide(x.add(e), context);
            y = y.add(step);
            if (step.abs().compareTo(epsilon) < 0) {
                break;
            }
        }
        return y;
    }
}
