package org.modgres.executor.impl.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.type.SqlTypeName;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.type.PgType;
import org.modgres.executor.impl.value.Comparisons;
import org.modgres.executor.impl.value.PgErrors;
import org.modgres.executor.impl.value.SessionTimeZone;
import org.modgres.executor.impl.value.TextFormat;
import org.modgres.executor.impl.value.ValueType;

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

    /**
     * {@code a[lower:upper]}: the elements from lower to upper, both included, the bounds clamped
     * to the array; an empty array when none is left.
     */
    static Object slice(Object[] args) {
        List<?> array = (List<?>) args[0];
        long lower = Math.max(((Number) args[1]).longValue(), 1);
        long upper = Math.min(((Number) args[2]).longValue(), array.size());
        if (lower > upper) {
            return List.of();
        }
        return Collections.unmodifiableList(new ArrayList<>(array.subList((int) lower - 1, (int) upper)));
    }

    /**
     * UPDATE's {@code SET a[i] = v} on a one-dimensional array: element i replaced, or the array
     * extended with NULLs up to it. A NULL array counts as empty. Subscripts below 1, or any but 1
     * on an empty array, would give the array another lower bound, which Modgres arrays do not have.
     */
    static List<Object> assign(Object array, Object subscript, Object element) {
        if (subscript == null) {
            throw new PgException(SqlState.NULL_VALUE_NOT_ALLOWED, "array subscript in assignment must not be null");
        }
        long index = ((Number) subscript).longValue();
        List<?> elements = array == null ? List.of() : (List<?>) array;
        if (index < 1 || elements.isEmpty() && index != 1) {
            throw PgErrors.notSupported("assigning to array subscript " + index + ", which would give the array a lower bound other than 1");
        }
        List<Object> out = new ArrayList<>(elements);
        while (out.size() < index) {
            out.add(null);
        }
        out.set((int) index - 1, element);
        return Collections.unmodifiableList(out);
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

    /**
     * The array functions evaluated by name: cardinality, array_append, array_prepend, array_cat,
     * array_remove, array_replace and array_positions; null for any other name.
     */
    static Evaluator byName(String name, Evaluator[] args) {
        return switch (name) {
            case "CARDINALITY" -> new FunctionCall(a -> ((List<?>) a[0]).size(), args);
            case "ARRAY_APPEND" -> row -> concat(args[0].evaluate(row), true, args[1].evaluate(row), false);
            case "ARRAY_PREPEND" -> row -> concat(args[0].evaluate(row), false, args[1].evaluate(row), true);
            case "ARRAY_CAT" -> row -> concat(args[0].evaluate(row), true, args[1].evaluate(row), true);
            case "ARRAY_REMOVE" -> row -> replace(args[0].evaluate(row), args[1].evaluate(row), null, true);
            case "ARRAY_REPLACE" -> row -> replace(args[0].evaluate(row), args[1].evaluate(row),
                    args[2].evaluate(row), false);
            case "ARRAY_POSITIONS" -> row -> positions(args[0].evaluate(row), args[1].evaluate(row));
            default -> null;
        };
    }

    /** Returns whether two elements are not distinct, as array_remove and array_position compare them. */
    private static boolean same(Object a, Object b) {
        return a == null ? b == null : b != null && Comparisons.compare(a, b) == 0;
    }

    /** {@code array_remove(a, e)} and {@code array_replace(a, e, r)}: every element not distinct from e. */
    private static List<Object> replace(Object array, Object element, Object replacement, boolean remove) {
        if (array == null) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (Object candidate : (List<?>) array) {
            if (!same(candidate, element)) {
                out.add(candidate);
            } else if (!remove) {
                out.add(replacement);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** {@code array_positions(a, e)}: the subscripts of every element not distinct from e. */
    private static List<Object> positions(Object array, Object element) {
        if (array == null) {
            return null;
        }
        List<?> elements = (List<?>) array;
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            if (same(elements.get(i), element)) {
                out.add(i + 1);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Returns whether a call is {@code @>}, {@code <@} or {@code &&} of arrays. */
    static boolean isArrayOperator(String name, RexCall call) {
        return (name.equals("@>") || name.equals("<@") || name.equals("&&")) && call.getOperands().size() == 2
                && call.getOperands().stream().anyMatch(o -> o.getType().getSqlTypeName() == SqlTypeName.ARRAY);
    }

    /**
     * {@code a @> b} (every element of b is in a), {@code a <@ b} and {@code a && b} (an element in
     * common); NULL elements match nothing. A quoted literal is read as the other side's array type.
     */
    static Evaluator operator(String name, RexCall call, Evaluator[] args) {
        RelDataType array = call.getOperands().get(0).getType().getSqlTypeName() == SqlTypeName.ARRAY
                ? call.getOperands().get(0).getType() : call.getOperands().get(1).getType();
        PgType type = ArrayCast.arrayTypeOf(ValueType.of(array.getComponentType()));
        return new FunctionCall(a -> {
            List<?> left = asArray(a[0], type);
            List<?> right = asArray(a[1], type);
            return switch (name) {
                case "@>" -> containsAll(left, right);
                case "<@" -> containsAll(right, left);
                default -> right.stream().anyMatch(e -> e != null && contains(left, e));
            };
        }, args);
    }

    private static List<?> asArray(Object value, PgType type) {
        if (value instanceof String text && type != null) {
            return (List<?>) org.modgres.api.type.TextFormat.parse(type, text, SessionTimeZone.current());
        }
        return (List<?>) value;
    }

    private static boolean containsAll(List<?> container, List<?> elements) {
        for (Object element : elements) {
            if (element == null || !contains(container, element)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(List<?> container, Object element) {
        for (Object candidate : container) {
            if (candidate != null && Comparisons.equal(candidate, element)) {
                return true;
            }
        }
        return false;
    }
}
