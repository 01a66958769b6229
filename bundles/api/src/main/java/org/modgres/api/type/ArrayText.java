package org.modgres.api.type;

import static org.modgres.api.type.TextCharacters.isSpace;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * The text forms of one-dimensional arrays, {@code {a,"b c",NULL}}, and of the vectors
 * {@code int2vector} and {@code oidvector}, {@code 1 2 3}, as PostgreSQL's array_out, array_in
 * and the vectors' functions read and print them.
 */
final class ArrayText {
    private ArrayText() {
    }

    static String format(PgType type, List<?> elements, ZoneId sessionTimeZone) {
        PgType elementType = type.elementType();
        StringBuilder out = new StringBuilder();
        if (type.isVector()) {
            for (Object element : elements) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(TextFormat.format(elementType, element, sessionTimeZone));
            }
            return out.toString();
        }
        out.append('{');
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object element = elements.get(i);
            if (element == null) {
                out.append("NULL");
            } else {
                appendElement(out, TextFormat.format(elementType, element, sessionTimeZone));
            }
        }
        return out.append('}').toString();
    }

    /** Quotes an element when array_in would otherwise read it differently. */
    private static void appendElement(StringBuilder out, String text) {
        boolean quote = text.isEmpty() || text.equalsIgnoreCase("NULL");
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == '"' || c == '\\' || c == '{' || c == '}' || c == ',' || isSpace(c);
        }
        if (!quote) {
            out.append(text);
            return;
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    static List<Object> parse(PgType type, String text, ZoneId sessionTimeZone) {
        PgType elementType = type.elementType();
        List<Object> elements = new ArrayList<>();
        if (type.isVector()) {
            for (String part : text.trim().split("[ \\t\\n\\r\\f\\u000b]+")) {
                if (!part.isEmpty()) {
                    elements.add(TextFormat.parse(elementType, part, sessionTimeZone));
                }
            }
            return Collections.unmodifiableList(elements);
        }
        int i = skipSpaces(text, 0);
        if (i >= text.length() || text.charAt(i) != '{') {
            throw malformed(text, "Array value must start with \"{\" or dimension information.");
        }
        i = skipSpaces(text, i + 1);
        if (i < text.length() && text.charAt(i) == '}') {
            return expectEnd(text, i + 1, elements);
        }
        while (true) {
            StringBuilder element = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            int lastSignificant = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '"') {
                    quoted = true;
                    any = true;
                    i++;
                    while (i < text.length() && text.charAt(i) != '"') {
                        if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                            i++;
                        }
                        element.append(text.charAt(i++));
                    }
                    if (i >= text.length()) {
                        throw malformed(text, "Unexpected end of input.");
                    }
                    i++;
                    lastSignificant = element.length();
                } else if (c == '\\' && i + 1 < text.length()) {
                    element.append(text.charAt(i + 1));
                    i += 2;
                    any = true;
                    lastSignificant = element.length();
                } else if (c == ',' || c == '}') {
                    break;
                } else if (c == '{') {
                    throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "multidimensional arrays are not supported");
                } else {
                    if (!isSpace(c) || any) {
                        element.append(c);
                        if (!isSpace(c)) {
                            any = true;
                            lastSignificant = element.length();
                        }
                    }
                    i++;
                }
            }
            if (i >= text.length() || !any) {
                throw malformed(text, i >= text.length() ? "Unexpected end of input." : "Unexpected \""
                        + text.charAt(i) + "\" character.");
            }
            element.setLength(lastSignificant);
            String value = element.toString();
            elements.add(!quoted && value.equalsIgnoreCase("NULL") ? null
                    : TextFormat.parse(elementType, value, sessionTimeZone));
            char delimiter = text.charAt(i);
            i = skipSpaces(text, i + 1);
            if (delimiter == '}') {
                return expectEnd(text, i, elements);
            }
        }
    }

    private static List<Object> expectEnd(String text, int i, List<Object> elements) {
        if (skipSpaces(text, i) != text.length()) {
            throw malformed(text, "Junk after closing right brace.");
        }
        return Collections.unmodifiableList(elements);
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static PgException malformed(String text, String detail) {
        return new PgException(SqlState.INVALID_TEXT_REPRESENTATION, "malformed array literal: \"" + text + "\"")
                .withDetail(detail);
    }
}
