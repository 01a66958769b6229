package org.modgres.executor.impl.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.type.JsonMembers;
import org.modgres.api.type.PgJson;
import org.modgres.api.type.PgJsonb;

/**
 * The rows of the set-returning json functions: {@code json[b]_each[_text]},
 * {@code json[b]_array_elements[_text]} and {@code json[b]_object_keys}. json's values are its
 * text as written, in order, duplicate keys included.
 */
public final class JsonSetFunctions {

    private JsonSetFunctions() {
    }

    /** Returns whether a function in FROM is one of these. */
    public static boolean isJsonSetFunction(String name) {
        return name.matches("jsonb?_(each|each_text|array_elements|array_elements_text|object_keys)");
    }

    /** Returns the rows of a function for its argument; none for NULL. */
    public static List<Object[]> rows(String name, Object argument) {
        if (argument == null) {
            return List.of();
        }
        boolean text = name.endsWith("_text");
        return name.startsWith("jsonb") ? jsonbRows(name, JsonOperations.jsonb(argument).root(), text)
                : jsonRows(name, JsonOperations.json(argument), text);
    }

    private static List<Object[]> jsonbRows(String name, Object root, boolean text) {
        List<Object[]> rows = new ArrayList<>();
        if (name.contains("_each")) {
            if (!(root instanceof Map<?, ?> object)) {
                throw invalid("cannot call " + name + " on a non-object");
            }
            object.forEach((k, v) -> rows.add(new Object[] {k, text ? JsonOperations.nodeText(v) : PgJsonb.of(v)}));
        } else if (name.endsWith("object_keys")) {
            if (!(root instanceof Map<?, ?> object)) {
                throw invalid("cannot call " + name + " on " + (root instanceof List<?> ? "an array" : "a scalar"));
            }
            object.keySet().forEach(k -> rows.add(new Object[] {k}));
        } else {
            if (!(root instanceof List<?> list)) {
                throw invalid("cannot extract elements from " + (root instanceof Map<?, ?> ? "an object" : "a scalar"));
            }
            list.forEach(v -> rows.add(new Object[] {text ? JsonOperations.nodeText(v) : PgJsonb.of(v)}));
        }
        return rows;
    }

    private static List<Object[]> jsonRows(String name, PgJson json, boolean text) {
        String type = JsonOperations.jsonTypeOf(json.text());
        JsonMembers members = json.members();
        List<Object[]> rows = new ArrayList<>();
        if (name.contains("_each")) {
            if (!type.equals("object")) {
                throw invalid(type.equals("array") ? "cannot deconstruct an array as an object" : "cannot deconstruct a scalar");
            }
            for (int i = 0; i < members.size(); i++) {
                rows.add(new Object[] {members.key(i), value(members.valueText(i), text)});
            }
        } else if (name.endsWith("object_keys")) {
            if (!type.equals("object")) {
                throw invalid("cannot call " + name + " on " + (type.equals("array") ? "an array" : "a scalar"));
            }
            for (int i = 0; i < members.size(); i++) {
                rows.add(new Object[] {members.key(i)});
            }
        } else {
            if (!type.equals("array")) {
                throw invalid("cannot call " + name + " on " + (type.equals("object") ? "a non-array" : "a scalar"));
            }
            for (int i = 0; i < members.size(); i++) {
                rows.add(new Object[] {value(members.valueText(i), text)});
            }
        }
        return rows;
    }

    private static Object value(String valueText, boolean text) {
        return text ? JsonOperations.jsonText(valueText) : PgJson.ofValid(valueText);
    }

    private static PgException invalid(String message) {
        return new PgException(SqlState.INVALID_PARAMETER_VALUE, message);
    }
}
