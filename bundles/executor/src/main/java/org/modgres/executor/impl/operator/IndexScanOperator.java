package org.modgres.executor.impl.operator;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;

import org.modgres.api.storage.KeyRange;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.PgType;
import org.modgres.executor.impl.expr.Evaluator;
import org.modgres.executor.impl.expr.ExpressionCompiler;

/**
 * Reads a table's rows through an index: those whose leading index columns lie in a range whose
 * bounds (literals and parameters) are known when the statement runs, in index order. The filter
 * the bounds came from stays above, so a bound only has to take in every row the filter passes. A
 * value an integer column cannot hold ({@code int4_column > 3000000000}, {@code > 2.5}) is rounded
 * or bounds the prefix before it instead. A NULL bound lets no row through.
 */
final class IndexScanOperator extends StoredRowsOperator {

    private static final Object[] NO_COLUMNS = new Object[0];

    private final Transaction transaction;
    private final TableNames table;
    private final IndexScanTerms terms;
    private final Evaluator[] lower;
    private final Evaluator[] upper;

    /** @param tracker receives each row's id, or null when nobody needs it */
    IndexScanOperator(Transaction transaction, TableNames table, IndexScanTerms terms, ExpressionCompiler compiler,
                      Interrupts interrupts, RowIdTracker tracker) {
        super(interrupts, tracker);
        this.transaction = transaction;
        this.table = table;
        this.terms = terms;
        this.lower = terms.lower().stream().map(compiler::compile).toArray(Evaluator[]::new);
        this.upper = terms.upper().stream().map(compiler::compile).toArray(Evaluator[]::new);
    }

    @Override
    public void open() {
        TableAccess access = transaction.table(table.schema(), table.table());
        Bound low = bound(lower, terms.lowerInclusive(), true, access.info());
        Bound high = bound(upper, terms.upperInclusive(), false, access.info());
        if (low == null || high == null) {
            // a comparison with NULL is never true, nor one beyond every value of the column
            return;
        }
        reading(access.scanIndex(terms.columns(), new KeyRange(low.values(), low.inclusive(), high.values(),
                high.inclusive()), terms.descending()));
    }

    /** A bound's values in the columns' classes, or null values for none. */
    private record Bound(Object[] values, boolean inclusive) {

        /** The bound on the first {@code length} values, or none. */
        static Bound prefix(Object[] values, int length, boolean inclusive) {
            return length == 0 ? new Bound(null, true) : new Bound(Arrays.copyOf(values, length), inclusive);
        }
    }

    /**
     * Evaluates a bound; null when no key can lie on its side: one of its values is NULL, or the
     * first lies beyond every value of its integer column.
     */
    private Bound bound(Evaluator[] evaluators, boolean inclusive, boolean isLower, TableInfo info) {
        Object[] values = new Object[evaluators.length];
        for (int i = 0; i < values.length; i++) {
            Object value = evaluators[i].evaluate(NO_COLUMNS);
            if (value == null) {
                return null;
            }
            PgType type = info.columns().get(terms.columns().get(i)).type().type();
            values[i] = inColumnClass(value, type);
            if (values[i] == null) {
                return integerBound(values, i, value, type, isLower);
            }
        }
        return values.length == 0 ? new Bound(null, true) : new Bound(values, inclusive);
    }

    /**
     * The bound whose value at {@code i} an integer column cannot hold: a fraction rounds inwards
     * ({@code > 2.5} is {@code >= 3}), a value beyond the column's range bounds the prefix before
     * it; for other columns, the prefix before it takes in every key the range does.
     */
    private static Bound integerBound(Object[] values, int i, Object value, PgType type, boolean isLower) {
        long min;
        long max;
        switch (type) {
            case INT2 -> {
                min = Short.MIN_VALUE;
                max = Short.MAX_VALUE;
            }
            case INT4 -> {
                min = Integer.MIN_VALUE;
                max = Integer.MAX_VALUE;
            }
            case INT8 -> {
                min = Long.MIN_VALUE;
                max = Long.MAX_VALUE;
            }
            default -> {
                return Bound.prefix(values, i, true);
            }
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.toString());
        } catch (NumberFormatException notANumber) {
            return Bound.prefix(values, i, true);
        }
        BigDecimal whole = number.setScale(0, isLower ? RoundingMode.CEILING : RoundingMode.FLOOR);
        if (whole.compareTo(BigDecimal.valueOf(max)) > 0) {
            // a lower bound above every value: only keys past the prefix; an upper one: the whole prefix
            return isLower && i == 0 ? null : Bound.prefix(values, i, !isLower);
        }
        if (whole.compareTo(BigDecimal.valueOf(min)) < 0) {
            return !isLower && i == 0 ? null : Bound.prefix(values, i, isLower);
        }
        values[i] = inColumnClass(whole, type);
        return new Bound(Arrays.copyOf(values, i + 1), true);
    }

    /** The value in the Java class of a column of this type, or null when that class cannot hold it exactly. */
    static Object inColumnClass(Object value, PgType type) {
        return switch (type) {
            case INT2 -> integral(value, Short.MIN_VALUE, Short.MAX_VALUE) instanceof Long whole ? whole.shortValue()
                    : null;
            case INT4 -> integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE) instanceof Long whole ? whole.intValue()
                    : null;
            case INT8 -> integral(value, Long.MIN_VALUE, Long.MAX_VALUE);
            case NUMERIC -> switch (value) {
                case BigDecimal decimal -> decimal;
                case Long l -> BigDecimal.valueOf(l);
                case Integer i -> BigDecimal.valueOf(i);
                case Short s -> BigDecimal.valueOf(s);
                default -> null;
            };
            case TEXT, VARCHAR -> value instanceof String ? value : null;
            case DATE -> value instanceof LocalDate ? value : null;
            case TIMESTAMP -> value instanceof LocalDateTime ? value : null;
            case TIME -> value instanceof LocalTime ? value : null;
            default -> null;
        };
    }

    private static Long integral(Object value, long min, long max) {
        BigInteger whole;
        switch (value) {
            case Long l -> whole = BigInteger.valueOf(l);
            case Integer i -> whole = BigInteger.valueOf(i);
            case Short s -> whole = BigInteger.valueOf(s);
            case BigDecimal decimal -> {
                try {
                    whole = decimal.toBigIntegerExact();
                } catch (ArithmeticException fraction) {
                    return null;
                }
            }
            default -> {
                return null;
            }
        }
        if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
            return null;
        }
        return whole.longValue();
    }
}
