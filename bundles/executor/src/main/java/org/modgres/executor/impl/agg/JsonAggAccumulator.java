package org.modgres.executor.impl.agg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.type.PgJson;
import org.modgres.api.type.PgJsonb;
import org.modgres.executor.impl.value.JsonConversion;

/**
 * {@code json_agg}, {@code jsonb_agg}, {@code json_object_agg} and {@code jsonb_object_agg}: every
 * row's value (NULL included, as JSON null) in an array, or every row's key and value in an
 * object; NULL when there are no rows. json's text is spaced as PostgreSQL writes it.
 */
final class JsonAggAccumulator implements Accumulator {

    private final int value;
    private final int key;
    private final boolean binary;
    private final List<Object> values = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private boolean composites;

    /** @param key the input column of the keys, or -1 for the array aggregates */
    JsonAggAccumulator(int key, int value, boolean binary) {
        this.key = key;
        this.value = value;
        this.binary = binary;
    }

    /** Has json_agg take its values as rows, which PostgreSQL writes each after the first on a line of its own. */
    JsonAggAccumulator ofComposites() {
        composites = true;
        return this;
    }

    @Override
    public void add(Object[] row) {
        if (key >= 0) {
            if (row[key] == null) {
                throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "field name must not be null");
            }
            keys.add(JsonConversion.keyText(row[key]));
        }
        values.add(row[value]);
    }

    @Override
    public Object result() {
        if (values.isEmpty()) {
            return null;
        }
        if (binary) {
            return PgJsonb.of(key >= 0 ? objectNode() : arrayNode());
        }
        StringBuilder out = new StringBuilder(key >= 0 ? "{ " : "[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            if (key >= 0) {
                out.append(PgJsonb.quote(keys.get(i))).append(" : ");
            } else if ((composites && values.get(i) != null || values.get(i) instanceof List<?>) && i > 0) {
                out.append("\n ");
            }
            out.append(JsonConversion.toJsonText(values.get(i)));
        }
        return PgJson.ofValid(out.append(key >= 0 ? " }" : "]").toString());
    }

    private Object arrayNode() {
        List<Object> nodes = new ArrayList<>(values.size());
        for (Object v : values) {
            nodes.add(JsonConversion.toNode(v));
        }
        return nodes;
    }

    private Object objectNode() {
        Map<String, Object> object = PgJsonb.newObject();
        for (int i = 0; i < values.size(); i++) {
            object.put(keys.get(i), JsonConversion.toNode(values.get(i)));
        }
        return object;
    }
}
