package org.modgres.executor.impl.operator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;

/**
 * The memory one statement may fill with the rows it holds at once: sorts, hash tables of joins,
 * groups, window partitions, set operations. The executor has nowhere to spill them, so a
 * statement that needs more fails with 53200 instead of taking the heap every backend shares.
 * Sizes are estimates of the rows' Java objects, counted as they are kept and never given back
 * before the statement ends.
 */
public final class MemoryBudget {

    /** The setting that bounds a statement's rows in memory, in PostgreSQL's memory units (default kB). */
    public static final String SETTING = "modgres.statement_memory";

    private final long limit;
    private long used;

    MemoryBudget(long limit) {
        this.limit = limit;
    }

    /**
     * Returns the budget for a statement run with these settings: the setting's value, or else a
     * quarter of the largest heap the JVM may take.
     */
    public static MemoryBudget of(Map<String, String> settings) {
        String value = settings.get(SETTING);
        return new MemoryBudget(value == null || value.isBlank() ? Runtime.getRuntime().maxMemory() / 4
                : parseBytes(value));
    }

    /** Counts a row the statement keeps. */
    public void keep(Object[] row) {
        reserve(RowSizes.of(row));
    }

    /** Counts memory the statement keeps, failing once the budget is spent. */
    public void reserve(long bytes) {
        used += bytes;
        if (used > limit) {
            throw new PgException(SqlState.OUT_OF_MEMORY, Severity.ERROR, "out of memory",
                    "The statement needed more than " + limit / 1024 + " kB for the rows it holds at once"
                            + " (sorts, hash tables, groups).",
                    "Raise " + SETTING + ", or have the query hold fewer rows.", 0, null);
        }
    }

    /** Reads a memory setting as PostgreSQL does: a number of kB, or a number with kB, MB, GB or TB. */
    static long parseBytes(String value) {
        String text = value.strip().toUpperCase(Locale.ROOT);
        int unitStart = 0;
        while (unitStart < text.length() && Character.isDigit(text.charAt(unitStart))) {
            unitStart++;
        }
        long multiplier = switch (text.substring(unitStart).strip()) {
            case "", "KB" -> 1024L;
            case "B" -> 1L;
            case "MB" -> 1024L * 1024;
            case "GB" -> 1024L * 1024 * 1024;
            case "TB" -> 1024L * 1024 * 1024 * 1024;
            default -> throw invalid(value);
        };
        if (unitStart == 0) {
            throw invalid(value);
        }
        try {
            return Math.multiplyExact(Long.parseLong(text.substring(0, unitStart)), multiplier);
        } catch (ArithmeticException | NumberFormatException e) {
            throw invalid(value);
        }
    }

    private static PgException invalid(String value) {
        return new PgException(SqlState.INVALID_PARAMETER_VALUE, Severity.ERROR,
                "invalid value for parameter \"" + SETTING + "\": \"" + value + "\"", null,
                "Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\".", 0, null);
    }

    /** Estimates of the heap taken by rows and the values in them. */
    static final class RowSizes {

        private static final long ARRAY_HEADER = 16;
        private static final long REFERENCE = 4;

        private RowSizes() {
        }

        static long of(Object[] row) {
            long size = ARRAY_HEADER + REFERENCE * row.length;
            for (Object value : row) {
                size += value(value);
            }
            return size;
        }

        static long value(Object value) {
            return switch (value) {
                case null -> 0;
                case Integer i -> 16;
                case Long l -> 24;
                case Double d -> 24;
                case Boolean b -> 0;
                case String s -> 40 + s.length();
                case byte[] bytes -> ARRAY_HEADER + bytes.length;
                case BigDecimal decimal -> 40 + decimal.unscaledValue().bitLength() / 8;
                case List<?> list -> ARRAY_HEADER + list.stream().mapToLong(RowSizes::value).sum()
                        + REFERENCE * list.size();
                case Object[] nested -> of(nested);
                default -> 32;
            };
        }
    }
}
