package org.modgres.executor.impl.agg;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.modgres.executor.impl.value.Numerics;

/**
 * {@code var_samp}, {@code var_pop}, {@code stddev_samp} and {@code stddev_pop} (variance and
 * stddev are the samples'), as PostgreSQL computes them: exactly in numeric for integers and
 * numerics, with the quotient's scale numeric division picks and the square root at that scale; in
 * double precision with the Youngs-Cramer updates for floating point.
 */
final class VarianceAccumulator implements Accumulator {

    private final int argument;
    private final boolean sample;
    private final boolean root;
    private final boolean approximate;
    private long count;
    private BigDecimal sum = BigDecimal.ZERO;
    private BigDecimal sumOfSquares = BigDecimal.ZERO;
    private double n;
    private double sumX;
    private double sumXX;

    /**
     * @param sample      divide by n - 1 rather than n
     * @param root        the standard deviation rather than the variance
     * @param approximate the argument is floating point
     */
    VarianceAccumulator(int argument, boolean sample, boolean root, boolean approximate) {
        this.argument = argument;
        this.sample = sample;
        this.root = root;
        this.approximate = approximate;
    }

    @Override
    public void add(Object[] row) {
        if (!(row[argument] instanceof Number number)) {
            return;
        }
        count++;
        if (approximate) {
            double x = number.doubleValue();
            double previous = n;
            n += 1.0;
            sumX += x;
            if (previous > 0.0) {
                double t = x * n - sumX;
                sumXX += t * t / (n * previous);
            } else {
                sumXX = 0.0;
            }
        } else {
            BigDecimal x = Numerics.toBigDecimal(number);
            sum = sum.add(x);
            sumOfSquares = sumOfSquares.add(x.multiply(x));
        }
    }

    @Override
    public Object result() {
        if (count == 0 || sample && count == 1) {
            return null;
        }
        if (approximate) {
            double variance = sumXX / (sample ? n - 1.0 : n);
            return root ? Math.sqrt(variance) : variance;
        }
        BigDecimal size = BigDecimal.valueOf(count);
        BigDecimal numerator = size.multiply(sumOfSquares).subtract(sum.multiply(sum));
        if (numerator.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal denominator = size.multiply(sample ? BigDecimal.valueOf(count - 1) : size);
        BigDecimal variance = Numerics.divide(numerator, denominator);
        if (!root) {
            return variance;
        }
        int scale = variance.scale();
        int integerDigits = Math.max(variance.precision() - scale, 1);
        return variance.sqrt(new MathContext(integerDigits + scale + 5)).setScale(scale, RoundingMode.HALF_UP);
    }
}
