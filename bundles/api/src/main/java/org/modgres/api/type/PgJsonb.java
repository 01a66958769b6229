package org.modgres.api.type;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A value of PostgreSQL's {@code jsonb}: JSON as a tree, with each object's keys deduplicated
 * (the last one wins) and in jsonb's order (shorter keys first, then by bytes), and numbers as
 * numeric. The tree's nodes are {@link #JSON_NULL}, {@link Boolean}, {@link BigDecimal},
 * {@link String}, {@code List<Object>} (arrays) and {@code Map<String, Object>} made by
 * {@link #newObject()} (objects); nobody changes a tree once it is in a value.
 *
 * <p>Values compare as PostgreSQL's jsonb btree does: object &gt; array &gt; boolean &gt; number
 * &gt; string &gt; null; objects and arrays first by their number of members, then member by
 * member (an object key, then its value); an empty top-level array sorts below everything.
 */
public final class PgJsonb implements Comparable<PgJsonb> {

    /** JSON's {@code null}, which is a value in a jsonb tree, unlike SQL's NULL. */
    public static final Object JSON_NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** jsonb's order of object keys: by length in bytes, then byte by byte. */
    public static final Comparator<String> KEY_ORDER = (a, b) -> {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return x.length != y.length ? Integer.compare(x.length, y.length) : Arrays.compareUnsigned(x, y);
    };

    private final Object root;

    private PgJsonb(Object root) {
        this.root = root;
    }

    /** Returns the jsonb value of a JSON text, failing with 22P02 as PostgreSQL's jsonb input does. */
    public static PgJsonb parse(String text) {
        return new PgJsonb(JsonParser.parse(text));
    }

    /** Returns a value with a tree made of the node classes above. */
    public static PgJsonb of(Object root) {
        return new PgJsonb(root);
    }

    /** Returns an empty object node, whose keys keep jsonb's order. */
    public static Map<String, Object> newObject() {
        return new TreeMap<>(KEY_ORDER);
    }

    /** Returns the root node. */
    public Object root() {
        return root;
    }

    /** Returns jsonb's type name of a node: object, array, string, number, boolean or null. */
    public static String typeOf(Object node) {
        return switch (node) {
            case Map<?, ?> m -> "object";
            case List<?> l -> "array";
            case String s -> "string";
            case BigDecimal n -> "number";
            case Boolean b -> "boolean";
            default -> "null";
        };
    }

    /** Returns the text PostgreSQL prints: {@code {"a": 1, "b": [1, 2]}}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        write(out, root, -1);
        return out.toString();
    }

    /** Returns the text of {@code jsonb_pretty}: one member a line, indented by four spaces. */
    public String pretty() {
        StringBuilder out = new StringBuilder();
        write(out, root, 0);
        return out.toString();
    }

    /** Returns the text of one node. */
    public static String format(Object node) {
        StringBuilder out = new StringBuilder();
        write(out, node, -1);
        return out.toString();
    }

    private static void write(StringBuilder out, Object node, int indent) {
        switch (node) {
            case Map<?, ?> object -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> member : object.entrySet()) {
                    separator(out, first, indent + 1);
                    first = false;
                    quote(out, (String) member.getKey());
                    out.append(": ");
                    write(out, member.getValue(), indent < 0 ? indent : indent + 1);
                }
                close(out, object.isEmpty(), indent, '}');
            }
            case List<?> array -> {
                out.append('[');
                boolean first = true;
                for (Object element : array) {
                    separator(out, first, indent + 1);
                    first = false;
                    write(out, element, indent < 0 ? indent : indent + 1);
                }
                close(out, array.isEmpty(), indent, ']');
            }
            case String s -> quote(out, s);
            case BigDecimal n -> out.append(n.toPlainString());
            case Boolean b -> out.append(b);
            default -> out.append("null");
        }
    }

    private static void separator(StringBuilder out, boolean first, int indent) {
        if (!first) {
            out.append(indent <= 0 ? ", " : ",");
        }
        if (indent > 0) {
            out.append('\n').append("    ".repeat(indent));
        }
    }

    private static void close(StringBuilder out, boolean empty, int indent, char bracket) {
        if (indent >= 0) {
            out.append('\n').append("    ".repeat(indent));
        }
        out.append(bracket);
    }

    /** Returns a string as a JSON string literal, escaped as PostgreSQL's escape_json does. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        quote(out, text);
        return out.toString();
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public int compareTo(PgJsonb other) {
        boolean emptyTop = root instanceof List<?> l && l.isEmpty();
        boolean otherEmptyTop = other.root instanceof List<?> l2 && l2.isEmpty();
        if (emptyTop || otherEmptyTop) {
            return emptyTop && otherEmptyTop ? 0 : emptyTop ? -1 : 1;
        }
        return compareNodes(root, other.root);
    }

    /** Compares two nodes in jsonb's btree order. */
    public static int compareNodes(Object a, Object b) {
        int rankA = rank(a);
        int rankB = rank(b);
        if (rankA != rankB) {
            return Integer.compare(rankA, rankB);
        }
        return switch (a) {
            case Map<?, ?> x -> compareObjects(x, (Map<?, ?>) b);
            case List<?> x -> compareArrays(x, (List<?>) b);
            case String x -> x.compareTo((String) b);
            case BigDecimal x -> x.compareTo((BigDecimal) b);
            case Boolean x -> Boolean.compare(x, (Boolean) b);
            default -> 0;
        };
    }

    private static int compareObjects(Map<?, ?> a, Map<?, ?> b) {
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        Iterator<? extends Map.Entry<?, ?>> x = a.entrySet().iterator();
        Iterator<? extends Map.Entry<?, ?>> y = b.entrySet().iterator();
        while (x.hasNext()) {
            Map.Entry<?, ?> left = x.next();
            Map.Entry<?, ?> right = y.next();
            int c = ((String) left.getKey()).compareTo((String) right.getKey());
            if (c == 0) {
                c = compareNodes(left.getValue(), right.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareArrays(List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        for (int i = 0; i < a.size(); i++) {
            int c = compareNodes(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int rank(Object node) {
        return switch (node) {
            case Map<?, ?> m -> 5;
            case List<?> l -> 4;
            case Boolean b -> 3;
            case BigDecimal n -> 2;
            case String s -> 1;
            default -> 0;
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PgJsonb jsonb && compareNodes(root, jsonb.root) == 0;
    }

    @Override
    public int hashCode() {
        return hash(root);
    }

    private static int hash(Object node) {
        return switch (node) {
            case Map<?, ?> object -> {
                int h = 17;
                for (Map.Entry<?, ?> member : object.entrySet()) {
                    h = h * 31 + member.getKey().hashCode();
                    h = h * 31 + hash(member.getValue());
                }
                yield h;
            }
            case List<?> array -> {
                int h = 19;
                for (Object element : array) {
                    h = h * 31 + hash(element);
                }
                yield h;
            }
            case BigDecimal n -> n.signum() == 0 ? 0 : n.stripTrailingZeros().hashCode();
            default -> node.hashCode();
        };
    }
}
