package org.modgres.launcher;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON text (RFC 8259) into {@code Map<String, Object>} (keys in document order), {@code List<Object>},
 * {@code String}, {@code Long} (integers), {@code Double} (numbers with a fraction or an exponent),
 * {@code Boolean} and {@code null}.
 *
 * <p>The launcher reads feature descriptors with it: a JSON library on the launcher's class path would be
 * visible to nothing else and would have to be kept in step with the bundles that ship their own. It is
 * strict on purpose (no comments, no trailing commas, no duplicate keys), so that a descriptor the launcher
 * accepts is one every Feature Service implementation accepts.
 */
final class JsonParser {

    private final String text;
    private int position;

    private JsonParser(String text) {
        this.text = text;
    }

    /**
     * Parses one JSON value that makes up the whole text.
     *
     * @throws IllegalArgumentException naming the line and column of the first error
     */
    static Object parse(String text) {
        JsonParser parser = new JsonParser(text);
        parser.skipWhitespace();
        Object value = parser.readValue();
        parser.skipWhitespace();
        if (parser.position < text.length()) {
            throw parser.error("unexpected text after the JSON value");
        }
        return value;
    }

    private Object readValue() {
        if (position >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> readObject();
            case '[' -> readArray();
            case '"' -> readString();
            case 't' -> readLiteral("true", Boolean.TRUE);
            case 'f' -> readLiteral("false", Boolean.FALSE);
            case 'n' -> readLiteral("null", null);
            default -> {
                if (c == '-' || isDigit(c)) {
                    yield readNumber();
                }
                throw error("unexpected character '" + c + "'");
            }
        };
    }

    private Map<String, Object> readObject() {
        expect('{');
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return Collections.unmodifiableMap(members);
        }
        while (true) {
            skipWhitespace();
            int keyPosition = position;
            if (position >= text.length()) {
                throw error("unexpected end of input");
            }
            if (peek() != '"') {
                throw error("expected a member name in double quotes");
            }
            String key = readString();
            if (members.containsKey(key)) {
                position = keyPosition;
                throw error("duplicate member name \"" + key + "\"");
            }
            skipWhitespace();
            expect(':');
            skipWhitespace();
            members.put(key, readValue());
            skipWhitespace();
            if (peek() == ',') {
                position++;
            } else {
                expect('}');
                return Collections.unmodifiableMap(members);
            }
        }
    }

    private List<Object> readArray() {
        expect('[');
        List<Object> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return Collections.unmodifiableList(elements);
        }
        while (true) {
            skipWhitespace();
            elements.add(readValue());
            skipWhitespace();
            if (peek() == ',') {
                position++;
            } else {
                expect(']');
                return Collections.unmodifiableList(elements);
            }
        }
    }

    private String readString() {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                value.append(readEscape());
            } else if (c < 0x20) {
                position--;
                throw error("control character in a string (escape it)");
            } else {
                value.append(c);
            }
        }
    }

    private char readEscape() {
        if (position >= text.length()) {
            throw error("unterminated string");
        }
        char c = text.charAt(position++);
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> readUnicodeEscape();
            default -> {
                position--;
                throw error("invalid escape '\\" + c + "'");
            }
        };
    }

    private char readUnicodeEscape() {
        if (position + 4 > text.length()) {
            throw error("incomplete \\u escape");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position), 16);
            if (digit < 0) {
                throw error("invalid hexadecimal digit in a \\u escape");
            }
            code = code * 16 + digit;
            position++;
        }
        return (char) code;
    }

    private Object readNumber() {
        int start = position;
        boolean integral = true;
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
        } else if (isDigit(peek())) {
            skipDigits();
        } else {
            throw error("expected a digit");
        }
        if (peek() == '.') {
            integral = false;
            position++;
            requireDigit();
            skipDigits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            requireDigit();
            skipDigits();
        }
        String literal = text.substring(start, position);
        if (!integral) {
            return Double.valueOf(literal);
        }
        try {
            return Long.valueOf(literal);
        } catch (NumberFormatException e) {
            position = start;
            throw error("integer out of range: " + literal);
        }
    }

    private Object readLiteral(String literal, Object value) {
        if (!text.startsWith(literal, position)) {
            throw error("unexpected character '" + text.charAt(position) + "'");
        }
        position += literal.length();
        return value;
    }

    private void requireDigit() {
        if (!isDigit(peek())) {
            throw error("expected a digit");
        }
    }

    private void skipDigits() {
        while (isDigit(peek())) {
            position++;
        }
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private void expect(char expected) {
        if (peek() != expected) {
            throw position >= text.length()
                    ? error("unexpected end of input, expected '" + expected + "'")
                    : error("expected '" + expected + "' but found '" + text.charAt(position) + "'");
        }
        position++;
    }

    /** Returns the current character, or NUL at the end of the input (NUL is never valid outside strings). */
    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private IllegalArgumentException error(String message) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(position, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new IllegalArgumentException("line " + line + ", column " + column + ": " + message);
    }
}
