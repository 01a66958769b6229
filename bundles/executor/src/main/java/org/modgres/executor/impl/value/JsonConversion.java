package org.modgres.executor.impl.value;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.modgres.api.type.PgJson;
import org.modgres.api.type.PgJsonb;

/**
 * SQL values as JSON, as PostgreSQL's to_json and to_jsonb convert them: numbers stay numbers
 * (except NaN and the infinities, which become strings), booleans booleans, json and jsonb are
 * embedded, datetimes become ISO 8601 strings, arrays JSON arrays and everything else the string
 * of its text. SQL NULL is JSON null.
 */
public final class JsonConversion {

    private JsonConversion() {
    }

    /** Returns a value as a jsonb node. */
    public static Object toNode(Object value) {
        return switch (value) {
            case null -> PgJsonb.JSON_NULL;
            case PgJsonb j -> j.root();
            case PgJson j -> j.toJsonb().root();
            case Boolean b -> b;
            case BigDecimal n -> n;
            case Integer n -> BigDecimal.valueOf(n);
            case Long n -> BigDecimal.valueOf(n);
            case Short n -> BigDecimal.valueOf(n);
            case Double d -> approximate(TextFormat.formatDouble(d), Double.isFinite(d));
            case Float f -> approximate(TextFormat.formatReal(f), Float.isFinite(f));
            case List<?> list -> {
                List<Object> nodes = new ArrayList<>(list.size());
                for (Object element : list) {
                    nodes.add(toNode(element));
                }
                yield nodes;
            }
            default -> scalarText(value);
        };
    }

    /** Returns a value as json text; arrays are written without spaces, as array_to_json does. */
    public static String toJsonText(Object value) {
        return switch (value) {
            case null -> "null";
            case PgJson j -> j.text();
            case PgJsonb j -> j.toString();
            case List<?> list -> {
                StringBuilder out = new StringBuilder("[");
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    out.append(toJsonText(list.get(i)));
                }
                yield out.append(']').toString();
            }
            default -> PgJsonb.format(toNode(value));
        };
    }

    /** Returns an object key: the value's text, as PostgreSQL makes keys of non-text values. */
    public static String keyText(Object value) {
        return switch (value) {
            case String s -> s;
            case PgJson j -> j.text();
            default -> TextFormat.format(value);
        };
    }

    private static Object approximate(String text, boolean finite) {
        return finite ? new BigDecimal(text) : text;
    }

    private static String scalarText(Object value) {
        return switch (value) {
            case String s -> s;
            case LocalDateTime t -> TextFormat.format(t).replace(' ', 'T');
            case OffsetDateTime t -> {
                OffsetDateTime local = t.atZoneSameInstant(SessionTimeZone.current()).toOffsetDateTime();
                String text = TextFormat.format(local.toLocalDateTime()).replace(' ', 'T');
                int seconds = local.getOffset().getTotalSeconds();
                int abs = Math.abs(seconds);
                String offset = String.format("%s%02d:%02d", seconds < 0 ? "-" : "+", abs / 3600, abs % 3600 / 60);
                yield abs % 60 != 0 ? text + offset + String.format(":%02d", abs % 60) : text + offset;
            }
            case LocalDate d -> TextFormat.format(d);
            case LocalTime t -> TextFormat.format(t);
            default -> TextFormat.format(value);
        };
    }
}
