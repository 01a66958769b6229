package org.modgres.executor.impl.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.calcite.rex.RexCall;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.type.PgJson;
import org.modgres.api.type.PgJsonb;
import org.modgres.executor.impl.value.JsonConversion;
import org.modgres.executor.impl.value.TextFormat;
import org.modgres.executor.impl.value.ValueType;

/**
 * The json and jsonb operators and functions, by name. Operators whose left operand is json work
 * on its text as written; everything else on jsonb trees.
 */
final class JsonFunctions {

    private JsonFunctions() {
    }

    /** Returns the evaluator of a json operator or function, or null when the name is none of them. */
    static Evaluator resolve(String name, RexCall call, Evaluator[] args) {
        boolean json = !call.getOperands().isEmpty()
                && ValueType.of(call.getOperands().getFirst().getType()) == ValueType.JSON;
        return switch (name) {
            case "->" -> strict(args, a -> json
                    ? jsonValue(JsonOperations.jsonField(JsonOperations.json(a[0]).text(), a[1]))
                    : jsonbValue(JsonOperations.field(JsonOperations.jsonb(a[0]).root(), a[1])));
            case "->>" -> strict(args, a -> json
                    ? JsonOperations.jsonText(JsonOperations.jsonField(JsonOperations.json(a[0]).text(), a[1]))
                    : JsonOperations.nodeText(JsonOperations.field(JsonOperations.jsonb(a[0]).root(), a[1])));
            case "#>" -> strict(args, a -> json
                    ? jsonValue(JsonOperations.jsonAtPath(JsonOperations.json(a[0]).text(), JsonOperations.path(a[1])))
                    : jsonbValue(JsonOperations.atPath(JsonOperations.jsonb(a[0]).root(), JsonOperations.path(a[1]))));
            case "#>>" -> strict(args, a -> json
                    ? JsonOperations.jsonText(JsonOperations.jsonAtPath(JsonOperations.json(a[0]).text(),
                            JsonOperations.path(a[1])))
                    : JsonOperations.nodeText(JsonOperations.atPath(JsonOperations.jsonb(a[0]).root(),
                            JsonOperations.path(a[1]))));
            case "#-" -> strict(args, a -> PgJsonb.of(JsonOperations.deletePath(JsonOperations.jsonb(a[0]).root(),
                    JsonOperations.path(a[1]), 0)));
            case "@>" -> strict(args, a -> JsonOperations.containsTop(JsonOperations.jsonb(a[0]).root(),
                    JsonOperations.jsonb(a[1]).root()));
            case "<@" -> strict(args, a -> JsonOperations.containsTop(JsonOperations.jsonb(a[1]).root(),
                    JsonOperations.jsonb(a[0]).root()));
            case "?" -> strict(args, a -> JsonOperations.hasKey(JsonOperations.jsonb(a[0]).root(), TextFormat.format(a[1])));
            case "?|", "?&" -> strict(args, a -> {
                Object node = JsonOperations.jsonb(a[0]).root();
                boolean all = name.equals("?&");
                for (String key : JsonOperations.path(a[1])) {
                    boolean has = key != null && JsonOperations.hasKey(node, key);
                    if (has != all) {
                        return has;
                    }
                }
                return all;
            });
            case "TO_JSON" -> strict(args, a -> PgJson.ofValid(JsonConversion.toJsonText(a[0])));
            // the planner's row_to_json of a row: its column names and values in turn
            case "ROW_TO_JSON" -> row -> PgJson.ofValid(rowObjectText(values(args, row)));
            case "TO_JSONB" -> strict(args, a -> PgJsonb.of(JsonConversion.toNode(a[0])));
            case "JSON_BUILD_OBJECT" -> row -> PgJson.ofValid(buildObjectText(values(args, row), "json_build_object"));
            case "JSONB_BUILD_OBJECT" -> row -> PgJsonb.of(buildObject(values(args, row), "jsonb_build_object"));
            case "JSON_BUILD_ARRAY" -> row -> {
                StringBuilder out = new StringBuilder("[");
                Object[] values = values(args, row);
                for (int i = 0; i < values.length; i++) {
                    out.append(i == 0 ? "" : ", ").append(JsonConversion.toJsonText(values[i]));
                }
                return PgJson.ofValid(out.append(']').toString());
            };
            case "JSONB_BUILD_ARRAY" -> row -> {
                List<Object> elements = new ArrayList<>();
                for (Object value : values(args, row)) {
                    elements.add(JsonConversion.toNode(value));
                }
                return PgJsonb.of(elements);
            };
            case "JSON_TYPEOF" -> strict(args, a -> JsonOperations.jsonTypeOf(JsonOperations.json(a[0]).text()));
            case "JSONB_TYPEOF" -> strict(args, a -> PgJsonb.typeOf(JsonOperations.jsonb(a[0]).root()));
            case "JSON_ARRAY_LENGTH" -> strict(args, a -> {
                PgJson value = JsonOperations.json(a[0]);
                String type = JsonOperations.jsonTypeOf(value.text());
                if (!type.equals("array")) {
                    throw new PgException(SqlState.INVALID_PARAMETER_VALUE, type.equals("object")
                            ? "cannot get array length of a non-array" : "cannot get array length of a scalar");
                }
                return value.members().size();
            });
            case "JSONB_ARRAY_LENGTH" -> strict(args, a -> {
                Object node = JsonOperations.jsonb(a[0]).root();
                if (node instanceof List<?> list) {
                    return list.size();
                }
                throw new PgException(SqlState.INVALID_PARAMETER_VALUE, node instanceof Map<?, ?>
                        ? "cannot get array length of a non-array" : "cannot get array length of a scalar");
            });
            case "JSONB_PRETTY" -> strict(args, a -> JsonOperations.jsonb(a[0]).pretty());
            case "JSONB_STRIP_NULLS" -> strict(args, a -> PgJsonb.of(JsonOperations.stripNulls(JsonOperations.jsonb(a[0]).root())));
            case "JSONB_SET" -> strict(args, a -> PgJsonb.of(JsonOperations.set(JsonOperations.jsonb(a[0]).root(),
                    JsonOperations.path(a[1]), 0, JsonOperations.jsonb(a[2]).root(),
                    a.length < 4 || Boolean.TRUE.equals(a[3]))));
            case "JSON_EXTRACT_PATH", "JSON_EXTRACT_PATH_TEXT" -> strict(args, a -> {
                String found = JsonOperations.jsonAtPath(JsonOperations.json(a[0]).text(), texts(a));
                return name.endsWith("TEXT") ? JsonOperations.jsonText(found) : jsonValue(found);
            });
            case "JSONB_EXTRACT_PATH", "JSONB_EXTRACT_PATH_TEXT" -> strict(args, a -> {
                Object found = JsonOperations.atPath(JsonOperations.jsonb(a[0]).root(), texts(a));
                return name.endsWith("TEXT") ? JsonOperations.nodeText(found) : jsonbValue(found);
            });
            default -> null;
        };
    }

    /**
     * Returns row_to_json's text of a row's column names and values: no spaces, as PostgreSQL writes
     * it; an odd last value is the pretty flag, which puts a line feed after each comma.
     */
    private static String rowObjectText(Object[] namesAndValues) {
        boolean pretty = namesAndValues.length % 2 == 1 && Boolean.TRUE.equals(namesAndValues[namesAndValues.length - 1]);
        String separator = pretty ? ",\n " : ",";
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            out.append(i == 0 ? "" : separator).append(PgJsonb.quote(JsonConversion.keyText(namesAndValues[i])))
                    .append(':').append(JsonConversion.toJsonText(namesAndValues[i + 1]));
        }
        return out.append('}').toString();
    }

    /** Evaluates a jsonb {@code ||} or {@code -}; null when the call is not on jsonb. */
    static Evaluator jsonbOperator(String name, RexCall call, Evaluator[] args) {
        if (ValueType.of(call.getType()) != ValueType.JSONB) {
            return null;
        }
        return switch (name) {
            case "||" -> strict(args, a -> PgJsonb.of(JsonOperations.concat(JsonOperations.jsonb(a[0]).root(),
                    JsonOperations.jsonb(a[1]).root())));
            case "-" -> strict(args, a -> PgJsonb.of(a[1] instanceof Number n
                    ? JsonOperations.minusIndex(JsonOperations.jsonb(a[0]).root(), n.longValue())
                    : JsonOperations.minusKey(JsonOperations.jsonb(a[0]).root(), TextFormat.format(a[1]))));
            default -> null;
        };
    }

    /** json has no comparison operators (no equality either), as in PostgreSQL. */
    static PgException noJsonComparison(String operator) {
        return new PgException(SqlState.UNDEFINED_FUNCTION, "operator does not exist: json " + operator + " json")
                .withHint("No operator matches the given name and argument types. You might need to add explicit type casts.");
    }

    private static Object jsonValue(String text) {
        return text == null ? null : PgJson.ofValid(text);
    }

    private static Object jsonbValue(Object node) {
        return node == null ? null : PgJsonb.of(node);
    }

    private static List<String> texts(Object[] a) {
        return Arrays.stream(a, 1, a.length).map(TextFormat::format).toList();
    }

    private static Object[] values(Evaluator[] args, Object[] row) {
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = args[i].evaluate(row);
        }
        return values;
    }

    private static void checkPairs(Object[] values, String function) {
        if (values.length % 2 != 0) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "argument list must have even number of elements")
                    .withHint("The arguments of " + function + "() must consist of alternating keys and values.");
        }
    }

    private static String key(Object value, int position) {
        if (value == null) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                    "argument " + position + ": key must not be null");
        }
        return JsonConversion.keyText(value);
    }

    private static String buildObjectText(Object[] values, String function) {
        checkPairs(values, function);
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.length; i += 2) {
            out.append(i == 0 ? "" : ", ").append(PgJsonb.quote(key(values[i], i + 1))).append(" : ")
                    .append(JsonConversion.toJsonText(values[i + 1]));
        }
        return out.append('}').toString();
    }

    private static Map<String, Object> buildObject(Object[] values, String function) {
        checkPairs(values, function);
        Map<String, Object> object = PgJsonb.newObject();
        for (int i = 0; i < values.length; i += 2) {
            object.put(key(values[i], i + 1), JsonConversion.toNode(values[i + 1]));
        }
        return object;
    }

    private static Evaluator strict(Evaluator[] args, ScalarFunction function) {
        return new FunctionCall(function, args);
    }
}
