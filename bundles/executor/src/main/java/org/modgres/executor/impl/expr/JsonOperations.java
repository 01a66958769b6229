package org.modgres.executor.impl.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.type.JsonMembers;
import org.modgres.api.type.PgJson;
import org.modgres.api.type.PgJsonb;
import org.modgres.api.type.PgType;
import org.modgres.executor.impl.value.TextFormat;

/**
 * What the json and jsonb operators compute: json's results are slices of its text as written,
 * jsonb's are nodes of its tree. A quoted literal operand arrives as a string and is read as the
 * type the operator wants.
 */
final class JsonOperations {

    private JsonOperations() {
    }

    static PgJsonb jsonb(Object value) {
        return switch (value) {
            case PgJsonb j -> j;
            case PgJson j -> j.toJsonb();
            default -> PgJsonb.parse(TextFormat.format(value));
        };
    }

    static PgJson json(Object value) {
        return switch (value) {
            case PgJson j -> j;
            case PgJsonb j -> PgJson.ofValid(j.toString());
            default -> PgJson.parse(TextFormat.format(value));
        };
    }

    /** Returns a path operand: a text[] value or its literal {@code '{a,b}'}. */
    static List<String> path(Object value) {
        List<?> elements = value instanceof List<?> list ? list
                : (List<?>) org.modgres.api.type.TextFormat.parse(PgType.TEXT_ARRAY, TextFormat.format(value));
        List<String> path = new ArrayList<>(elements.size());
        for (Object element : elements) {
            path.add(element == null ? null : TextFormat.format(element));
        }
        return path;
    }

    /** {@code jsonb -> key|index}: the member or element, or null. */
    static Object field(Object node, Object keyOrIndex) {
        if (keyOrIndex instanceof Number n) {
            return node instanceof List<?> list ? element(list, n.longValue()) : null;
        }
        String key = TextFormat.format(keyOrIndex);
        return node instanceof Map<?, ?> object ? object.get(key) : null;
    }

    /** A path step: a key of an object, or an index (written as text) of an array. */
    static Object step(Object node, String step) {
        if (step == null) {
            return null;
        }
        if (node instanceof Map<?, ?> object) {
            return object.get(step);
        }
        if (node instanceof List<?> list) {
            Long index = index(step);
            return index == null ? null : element(list, index);
        }
        return null;
    }

    static Object atPath(Object node, List<String> path) {
        Object current = node;
        for (String step : path) {
            current = step(current, step);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static Object element(List<?> list, long index) {
        long position = index < 0 ? list.size() + index : index;
        return position >= 0 && position < list.size() ? list.get((int) position) : null;
    }

    private static Long index(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A jsonb node as {@code ->>} returns it: strings unquoted, JSON null as SQL NULL. */
    static String nodeText(Object node) {
        if (node == null || node == PgJsonb.JSON_NULL) {
            return null;
        }
        return node instanceof String s ? s : PgJsonb.format(node);
    }

    /** {@code json -> key|index}: the value as written, or null. */
    static String jsonField(String text, Object keyOrIndex) {
        JsonMembers members = PgJson.ofValid(text).members();
        boolean array = text.stripLeading().startsWith("[");
        if (keyOrIndex instanceof Number n) {
            if (!array) {
                return null;
            }
            long index = n.longValue() < 0 ? members.size() + n.longValue() : n.longValue();
            return index >= 0 && index < members.size() ? members.valueText((int) index) : null;
        }
        return array ? null : member(members, TextFormat.format(keyOrIndex));
    }

    private static String member(JsonMembers members, String key) {
        String found = null;
        for (int i = 0; i < members.size(); i++) {
            if (key.equals(members.key(i))) {
                found = members.valueText(i);
            }
        }
        return found;
    }

    static String jsonAtPath(String text, List<String> path) {
        String current = text;
        for (String step : path) {
            if (step == null) {
                return null;
            }
            String trimmed = current.stripLeading();
            if (trimmed.startsWith("{")) {
                current = member(PgJson.ofValid(current).members(), step);
            } else if (trimmed.startsWith("[")) {
                Long index = index(step);
                current = index == null ? null : jsonField(current, index);
            } else {
                return null;
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** A json value as {@code ->>} returns it: strings unquoted, null as SQL NULL. */
    static String jsonText(String valueText) {
        if (valueText == null) {
            return null;
        }
        String trimmed = valueText.strip();
        if (trimmed.startsWith("\"")) {
            return (String) PgJsonb.parse(trimmed).root();
        }
        return trimmed.equals("null") ? null : valueText;
    }

    /** {@code a @> b}: whether b's structure and values are in a. */
    static boolean contains(Object a, Object b) {
        if (a instanceof Map<?, ?> x) {
            if (!(b instanceof Map<?, ?> y)) {
                return false;
            }
            for (Map.Entry<?, ?> member : y.entrySet()) {
                Object value = x.get(member.getKey());
                if (value == null || !contains(value, member.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x) {
            if (b instanceof List<?> y) {
                for (Object wanted : y) {
                    if (!containsElement(x, wanted)) {
                        return false;
                    }
                }
                return true;
            }
            return false;
        }
        return PgJsonb.compareNodes(a, b) == 0 && !(b instanceof Map<?, ?>) && !(b instanceof List<?>);
    }

    /** Top level: an array contains a scalar that is one of its elements. */
    static boolean containsTop(Object a, Object b) {
        if (a instanceof List<?> x && !(b instanceof List<?>) && !(b instanceof Map<?, ?>)) {
            return containsElement(x, b);
        }
        return contains(a, b);
    }

    private static boolean containsElement(List<?> elements, Object wanted) {
        for (Object element : elements) {
            boolean container = wanted instanceof Map<?, ?> || wanted instanceof List<?>;
            if (container ? contains(element, wanted) : PgJsonb.compareNodes(element, wanted) == 0
                    && !(element instanceof Map<?, ?>) && !(element instanceof List<?>)) {
                return true;
            }
        }
        return false;
    }

    /** {@code jsonb ? key}: a key of an object, a string element of an array, or the string itself. */
    static boolean hasKey(Object node, String key) {
        return switch (node) {
            case Map<?, ?> object -> object.containsKey(key);
            case List<?> list -> list.contains(key);
            case String s -> s.equals(key);
            default -> false;
        };
    }

    /** {@code jsonb || jsonb}: objects merged (the right one's keys win), anything else as arrays appended. */
    static Object concat(Object a, Object b) {
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            Map<String, Object> merged = PgJsonb.newObject();
            x.forEach((k, v) -> merged.put((String) k, v));
            y.forEach((k, v) -> merged.put((String) k, v));
            return merged;
        }
        List<Object> joined = new ArrayList<>();
        appendAsArray(joined, a);
        appendAsArray(joined, b);
        return joined;
    }

    private static void appendAsArray(List<Object> out, Object node) {
        if (node instanceof List<?> list) {
            out.addAll(list);
        } else {
            out.add(node);
        }
    }

    /** {@code jsonb - text}: without a key, or without the string elements equal to it. */
    static Object minusKey(Object node, String key) {
        if (node instanceof Map<?, ?> object) {
            Map<String, Object> result = PgJsonb.newObject();
            object.forEach((k, v) -> result.put((String) k, v));
            result.remove(key);
            return result;
        }
        if (node instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list);
            result.removeIf(key::equals);
            return result;
        }
        throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "cannot delete from scalar");
    }

    /** {@code jsonb - int}: without an element. */
    static Object minusIndex(Object node, long index) {
        if (node instanceof List<?> list) {
            long position = index < 0 ? list.size() + index : index;
            List<Object> result = new ArrayList<>(list);
            if (position >= 0 && position < list.size()) {
                result.remove((int) position);
            }
            return result;
        }
        if (node instanceof Map<?, ?>) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "cannot delete from object using integer index");
        }
        throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "cannot delete from scalar");
    }

    /** {@code jsonb #- path}: without the value at the path. */
    static Object deletePath(Object node, List<String> path, int depth) {
        if (depth == path.size() || path.get(depth) == null) {
            return node;
        }
        String step = path.get(depth);
        boolean last = depth == path.size() - 1;
        if (node instanceof Map<?, ?> object) {
            Map<String, Object> result = PgJsonb.newObject();
            object.forEach((k, v) -> result.put((String) k, v));
            if (result.containsKey(step)) {
                if (last) {
                    result.remove(step);
                } else {
                    result.put(step, deletePath(result.get(step), path, depth + 1));
                }
            }
            return result;
        }
        if (node instanceof List<?> list) {
            Long index = index(step);
            if (index == null) {
                throw new PgException(SqlState.INVALID_TEXT_REPRESENTATION, "path element at position "
                        + (depth + 1) + " is not an integer: \"" + step + "\"");
            }
            long position = index < 0 ? list.size() + index : index;
            List<Object> result = new ArrayList<>(list);
            if (position >= 0 && position < list.size()) {
                if (last) {
                    result.remove((int) position);
                } else {
                    result.set((int) position, deletePath(list.get((int) position), path, depth + 1));
                }
            }
            return result;
        }
        if (depth == 0) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "cannot delete path in scalar");
        }
        return node;
    }

    /** {@code jsonb_set}: the value at the path replaced, or added when its parent exists and create is true. */
    static Object set(Object node, List<String> path, int depth, Object value, boolean create) {
        if (depth == path.size()) {
            return value;
        }
        String step = path.get(depth);
        if (step == null) {
            throw new PgException(SqlState.NULL_VALUE_NOT_ALLOWED, "path element at position " + (depth + 1) + " is null");
        }
        boolean last = depth == path.size() - 1;
        if (node instanceof Map<?, ?> object) {
            Map<String, Object> result = PgJsonb.newObject();
            object.forEach((k, v) -> result.put((String) k, v));
            if (result.containsKey(step)) {
                result.put(step, set(result.get(step), path, depth + 1, value, create));
            } else if (last && create) {
                result.put(step, value);
            }
            return result;
        }
        if (node instanceof List<?> list) {
            Long index = index(step);
            if (index == null) {
                throw new PgException(SqlState.INVALID_TEXT_REPRESENTATION, "path element at position "
                        + (depth + 1) + " is not an integer: \"" + step + "\"");
            }
            List<Object> result = new ArrayList<>(list);
            long position = index < 0 ? list.size() + index : index;
            if (position >= 0 && position < list.size()) {
                result.set((int) position, set(list.get((int) position), path, depth + 1, value, create));
            } else if (last && create) {
                if (position < 0) {
                    result.addFirst(value);
                } else {
                    result.add(value);
                }
            }
            return result;
        }
        if (depth == 0) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "cannot set path in scalar");
        }
        return node;
    }

    /** {@code jsonb_strip_nulls}: without object members whose value is null, at every depth. */
    static Object stripNulls(Object node) {
        if (node instanceof Map<?, ?> object) {
            Map<String, Object> result = PgJsonb.newObject();
            object.forEach((k, v) -> {
                if (v != PgJsonb.JSON_NULL) {
                    result.put((String) k, stripNulls(v));
                }
            });
            return result;
        }
        if (node instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            for (Object element : list) {
                result.add(stripNulls(element));
            }
            return result;
        }
        return node;
    }

    /** The type name json_typeof prints for a json text. */
    static String jsonTypeOf(String text) {
        String trimmed = text.strip();
        return switch (trimmed.isEmpty() ? ' ' : trimmed.charAt(0)) {
            case '{' -> "object";
            case '[' -> "array";
            case '"' -> "string";
            case 't', 'f' -> "boolean";
            case 'n' -> "null";
            default -> "number";
        };
    }
}
