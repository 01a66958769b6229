package org.modgres.executor.impl.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.modgres.executor.impl.value.Comparisons;
import org.modgres.executor.impl.value.TextFormat;

/**
 * PostgreSQL's functions on one-dimensional arrays, whose values are {@link List}s with lower
 * bound 1: subscripts, bounds, searching and joining into text.
 */
final class ArrayFunctions {

    private ArrayFunctions() {
    }

    /** {@code ARRAY[a, b, ...]}: the values in order, NULLs included. */
    static List<Object> construct(Evaluator[] elements, Object[] row) {
        Object[] values = new Object[elements.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = elements[i].evaluate(row);
        }
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /**
     * {@code a || b} where a, b or both are arrays: array_cat, array_prepend or array_append. A
     * NULL array counts as empty, and a NULL element is appended; the result is NULL only when
     * both sides are NULL arrays.
     */
    static List<Object> concat(Object left, boolean leftArray, Object right, boolean rightArray) {
        if (leftArray && rightArray && left == null && right == null) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        addAll(out, left, leftArray);
        addAll(out, right, rightArray);
        return Collections.unmodifiableList(out);
    }

    private static void addAll(List<Object> out, Object value, boolean array) {
        if (!array) {
            out.add(value);
        } else if (value != null) {
            out.addAll((List<?>) value);
        }
    }

    /** {@code a[i]}: NULL for a subscript outside the array. */
    static Object item(Object[] args) {
        List<?> array = (List<?>) args[0];
        long index = ((Number) args[1]).longValue();
        return index >= 1 && index <= array.size() ? array.get((int) index - 1) : null;
    }

    /** {@code array_position(a, e)}: the first subscript whose element is not distinct from e, or NULL. */
    static Object position(Object array, Object element) {
        if (array == null) {
            return null;
        }
        List<?> elements = (List<?>) array;
        for (int i = 0; i < elements.size(); i++) {
            Object candidate = elements.get(i);
            if (candidate == null ? element == null
                    : element != null && Comparisons.compare(candidate, element) == 0) {
                return i + 1;
            }
        }
        return null;
    }

    /** {@code array_upper(a, d)}, {@code array_lower(a, d)}, {@code array_length(a, d)} of dimension 1. */
    static Object bound(Object[] args, String which) {
        List<?> array = (List<?>) args[0];
        int dimension = ((Number) args[1]).intValue();
        if (dimension != 1 || array.isEmpty()) {
            return null;
        }
        return switch (which) {
            case "UPPER", "LENGTH" -> array.size();
            default -> 1;
        };
    }

    /** {@code array_to_string(a, delimiter [, null_string])}: NULL elements are skipped unless a null_string is given. */
    static String join(Object[] args) {
        List<?> array = (List<?>) args[0];
        String delimiter = TextFormat.format(args[1]);
        String nullString = args.length > 2 && args[2] != null ? TextFormat.format(args[2]) : null;
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (Object element : array) {
            if (element == null && nullString == null) {
                continue;
            }
            if (!first) {
                out.append(delimiter);
            }
            out.append(element == null ? nullString : TextFormat.format(element));
            first = false;
        }
        return out.toString();
    }
}
