package org.modgres.launcher;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the JSON of one feature configuration into Config Admin property values.
 *
 * <p>Keys may carry a type, as in the Configurator format the Feature Service reuses (Compendium R8, 150.4):
 * {@code "port:Integer": 5432}, {@code "names:String[]": ["a", "b"]}, {@code "ids:Collection<Long>": [1]}.
 * Without one, a JSON string is a {@code String}, an integer a {@code Long}, any other number a
 * {@code Double}, a boolean a {@code Boolean}, and an array an array of the type its elements share.
 */
final class ConfigurationValues {

    private static final Map<String, Class<?>> SCALAR_TYPES = Map.of(
            "String", String.class, "Integer", Integer.class, "Long", Long.class, "Float", Float.class,
            "Double", Double.class, "Byte", Byte.class, "Short", Short.class, "Character", Character.class,
            "Boolean", Boolean.class);

    private ConfigurationValues() {
    }

    /**
     * Converts one configuration's members.
     *
     * @throws IllegalArgumentException naming the key whose value or type is not acceptable
     */
    static Map<String, Object> convert(Map<String, Object> json) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Map.Entry<String, Object> member : json.entrySet()) {
            String key = member.getKey();
            int colon = key.indexOf(':');
            String name = colon < 0 ? key : key.substring(0, colon);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty property name in \"" + key + "\"");
            }
            try {
                Object value = colon < 0
                        ? untyped(member.getValue())
                        : typed(key.substring(colon + 1), member.getValue());
                if (properties.put(name, value) != null) {
                    throw new IllegalArgumentException("given twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("property \"" + key + "\": " + e.getMessage(), e);
            }
        }
        return properties;
    }

    private static Object untyped(Object value) {
        if (value instanceof List<?> elements) {
            return toArray(elements, commonType(elements));
        }
        return scalar(value);
    }

    private static Object scalar(Object value) {
        if (value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean) {
            return value;
        }
        if (value == null) {
            throw new IllegalArgumentException("null is not a configuration value");
        }
        throw new IllegalArgumentException("an object is not a configuration value");
    }

    private static Class<?> commonType(List<?> elements) {
        Class<?> common = null;
        for (Object element : elements) {
            Class<?> type = scalar(element).getClass();
            if (common == null || common == type) {
                common = type;
            } else if (isNumber(common) && isNumber(type)) {
                common = Double.class;
            } else {
                throw new IllegalArgumentException("array elements of different types; give the type in the key");
            }
        }
        return common == null ? String.class : common;
    }

    private static boolean isNumber(Class<?> type) {
        return type == Long.class || type == Double.class;
    }

    private static Object typed(String type, Object value) {
        if (type.endsWith("[]")) {
            Class<?> elementType = scalarType(type.substring(0, type.length() - 2));
            return toArray(elements(value), elementType);
        }
        if (type.startsWith("Collection<") && type.endsWith(">")) {
            Class<?> elementType = scalarType(type.substring("Collection<".length(), type.length() - 1));
            List<Object> collection = new ArrayList<>();
            for (Object element : elements(value)) {
                collection.add(coerce(element, elementType));
            }
            return collection;
        }
        return coerce(value, scalarType(type));
    }

    private static Class<?> scalarType(String name) {
        Class<?> type = SCALAR_TYPES.get(name);
        if (type == null) {
            throw new IllegalArgumentException("unknown type \"" + name + "\"; expected one of "
                    + String.join(", ", SCALAR_TYPES.keySet().stream().sorted().toList())
                    + ", as is, as an array (X[]) or as Collection<X>");
        }
        return type;
    }

    private static List<?> elements(Object value) {
        if (value instanceof List<?> elements) {
            return elements;
        }
        throw new IllegalArgumentException("expected a JSON array");
    }

    private static Object toArray(List<?> elements, Class<?> elementType) {
        Object array = Array.newInstance(elementType, elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Array.set(array, i, coerce(elements.get(i), elementType));
        }
        return array;
    }

    private static Object coerce(Object value, Class<?> type) {
        Object json = scalar(value);
        if (type == String.class) {
            return json.toString();
        }
        if (type == Boolean.class) {
            return expect(json, Boolean.class, b -> b);
        }
        if (type == Character.class) {
            String text = expect(json, String.class, s -> s);
            if (text.length() != 1) {
                throw new IllegalArgumentException("expected a string of one character");
            }
            return text.charAt(0);
        }
        if (type == Double.class || type == Float.class) {
            double number = expect(json, Number.class, Number::doubleValue);
            return type == Double.class ? (Object) number : (Object) (float) number;
        }
        if (!(json instanceof Long whole)) {
            throw new IllegalArgumentException("expected an integer, found " + json);
        }
        if (type == Long.class) {
            return whole;
        }
        long min = type == Integer.class ? Integer.MIN_VALUE : type == Short.class ? Short.MIN_VALUE : Byte.MIN_VALUE;
        long max = type == Integer.class ? Integer.MAX_VALUE : type == Short.class ? Short.MAX_VALUE : Byte.MAX_VALUE;
        if (whole < min || whole > max) {
            throw new IllegalArgumentException(whole + " is out of range for " + type.getSimpleName());
        }
        return type == Integer.class ? (Object) whole.intValue()
                : type == Short.class ? (Object) whole.shortValue() : (Object) whole.byteValue();
    }

    private static <T, R> R expect(Object value, Class<T> type, Function<T, R> convert) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("expected a " + type.getSimpleName().toLowerCase(Locale.ROOT)
                    + ", found " + value);
        }
        return convert.apply(type.cast(value));
    }
}
