package org.modgres.api.type;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * Reads JSON text with PostgreSQL 15's lexer rules and error details: one token at a time, so a
 * bad token is reported before what the grammar expected; a bad number or word is reported with
 * the letters and digits that follow it. Builds the values {@link PgJsonb} holds, or only checks
 * the text (json) and notes where each top-level member starts and ends.
 */
final class JsonParser {

    private enum Token { OBJECT_START, OBJECT_END, ARRAY_START, ARRAY_END, COMMA, COLON, STRING, NUMBER, TRUE, FALSE, NULL, END }

    private final String text;
    private final boolean build;
    private int position;
    private Token token;
    private int tokenStart;
    private String stringValue;
    private int depth;
    private final List<int[]> memberSpans = new ArrayList<>();
    private final List<String> memberKeys = new ArrayList<>();

    private JsonParser(String text, boolean build) {
        this.text = text;
        this.build = build;
    }

    /** Returns the value of a JSON text as {@link PgJsonb} holds it. */
    static Object parse(String text) {
        JsonParser parser = new JsonParser(text, true);
        return parser.document();
    }

    /** Checks a JSON text, failing as PostgreSQL's json input does. */
    static void validate(String text) {
        new JsonParser(text, false).document();
    }

    /**
     * Returns the top-level members of a JSON text: for an object its keys (one list) and the
     * spans of their values, for an array the spans of its elements (keys null), for a scalar
     * nothing.
     */
    static JsonMembers members(String text) {
        JsonParser parser = new JsonParser(text, false);
        parser.document();
        return new JsonMembers(text, parser.memberKeys, parser.memberSpans);
    }

    private Object document() {
        next();
        Object value = value();
        if (token != Token.END) {
            throw syntax("Expected end of input, but found \"" + tokenText() + "\".");
        }
        return value;
    }

    private Object value() {
        return switch (token) {
            case OBJECT_START -> object();
            case ARRAY_START -> array();
            case STRING, NUMBER, TRUE, FALSE, NULL -> scalar();
            default -> throw expected("Expected JSON value");
        };
    }

    private Object scalar() {
        Object value = switch (token) {
            case STRING -> stringValue;
            case NUMBER -> build ? new BigDecimal(text.substring(tokenStart, position)) : null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> PgJsonb.JSON_NULL;
        };
        next();
        return value;
    }

    private Object object() {
        depth++;
        Map<String, Object> members = build ? PgJsonb.newObject() : null;
        next();
        if (token == Token.OBJECT_END) {
            next();
            depth--;
            return members;
        }
        if (token != Token.STRING) {
            throw expected("Expected string or \"}\"");
        }
        while (true) {
            String key = stringValue;
            next();
            if (token != Token.COLON) {
                throw expected("Expected \":\"");
            }
            next();
            int start = tokenStart;
            Object value = value();
            if (depth == 1 && !build) {
                memberKeys.add(key);
                memberSpans.add(new int[] {start, previousEnd});
            }
            if (build) {
                members.put(key, value);
            }
            if (token == Token.OBJECT_END) {
                next();
                depth--;
                return members;
            }
            if (token != Token.COMMA) {
                throw expected("Expected \",\" or \"}\"");
            }
            next();
            if (token != Token.STRING) {
                throw expected("Expected string");
            }
        }
    }

    private Object array() {
        depth++;
        List<Object> elements = build ? new ArrayList<>() : null;
        next();
        if (token == Token.ARRAY_END) {
            next();
            depth--;
            return elements;
        }
        while (true) {
            int start = tokenStart;
            Object value = value();
            if (depth == 1 && !build) {
                memberKeys.add(null);
                memberSpans.add(new int[] {start, previousEnd});
            }
            if (build) {
                elements.add(value);
            }
            if (token == Token.ARRAY_END) {
                next();
                depth--;
                return elements;
            }
            if (token != Token.COMMA) {
                throw expected("Expected \",\" or \"]\"");
            }
            next();
        }
    }

    /** Where the token before the current one ended. */
    private int previousEnd;

    private void next() {
        previousEnd = position;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                break;
            }
            position++;
        }
        tokenStart = position;
        if (position >= text.length()) {
            token = Token.END;
            return;
        }
        char c = text.charAt(position);
        switch (c) {
            case '{' -> single(Token.OBJECT_START);
            case '}' -> single(Token.OBJECT_END);
            case '[' -> single(Token.ARRAY_START);
            case ']' -> single(Token.ARRAY_END);
            case ',' -> single(Token.COMMA);
            case ':' -> single(Token.COLON);
            case '"' -> string();
            case '-' -> number(position + 1);
            default -> {
                if (c >= '0' && c <= '9') {
                    number(position);
                } else {
                    word();
                }
            }
        }
    }

    private void single(Token kind) {
        token = kind;
        position++;
    }

    private void word() {
        int end = position;
        while (end < text.length() && isAlphanumeric(text.charAt(end))) {
            end++;
        }
        if (end == position) {
            throw invalidToken(text.substring(position, position + Character.charCount(text.codePointAt(position))));
        }
        String word = text.substring(position, end);
        token = switch (word) {
            case "true" -> Token.TRUE;
            case "false" -> Token.FALSE;
            case "null" -> Token.NULL;
            default -> throw invalidToken(word);
        };
        position = end;
    }

    private void number(int digitsStart) {
        int p = digitsStart;
        boolean error = false;
        if (p < text.length() && text.charAt(p) == '0') {
            p++;
        } else if (p < text.length() && isDigit(text.charAt(p))) {
            while (p < text.length() && isDigit(text.charAt(p))) {
                p++;
            }
        } else {
            error = true;
        }
        if (p < text.length() && text.charAt(p) == '.') {
            p++;
            if (p >= text.length() || !isDigit(text.charAt(p))) {
                error = true;
            }
            while (p < text.length() && isDigit(text.charAt(p))) {
                p++;
            }
        }
        if (p < text.length() && (text.charAt(p) == 'e' || text.charAt(p) == 'E')) {
            p++;
            if (p < text.length() && (text.charAt(p) == '+' || text.charAt(p) == '-')) {
                p++;
            }
            if (p >= text.length() || !isDigit(text.charAt(p))) {
                error = true;
            }
            while (p < text.length() && isDigit(text.charAt(p))) {
                p++;
            }
        }
        while (p < text.length() && isAlphanumeric(text.charAt(p))) {
            p++;
            error = true;
        }
        if (error) {
            throw invalidToken(text.substring(position, p));
        }
        token = Token.NUMBER;
        position = p;
    }

    private void string() {
        StringBuilder value = new StringBuilder();
        int p = position + 1;
        int highSurrogate = -1;
        while (true) {
            if (p >= text.length()) {
                throw invalidToken(text.substring(position));
            }
            char c = text.charAt(p);
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                throw syntax(String.format("Character with value 0x%02x must be escaped.", (int) c));
            }
            if (c != '\\') {
                if (highSurrogate != -1) {
                    throw syntax("Unicode low surrogate must follow a high surrogate.");
                }
                value.append(c);
                p++;
                continue;
            }
            p++;
            if (p >= text.length()) {
                throw invalidToken(text.substring(position));
            }
            char escape = text.charAt(p);
            if (escape == 'u') {
                int code = 0;
                for (int i = 1; i <= 4; i++) {
                    int digit = p + i < text.length() ? Character.digit(text.charAt(p + i), 16) : -1;
                    if (digit < 0) {
                        throw syntax("\"\\u\" must be followed by four hexadecimal digits.");
                    }
                    code = code * 16 + digit;
                }
                p += 5;
                if (code >= 0xD800 && code <= 0xDBFF) {
                    if (highSurrogate != -1) {
                        throw syntax("Unicode high surrogate must not follow a high surrogate.");
                    }
                    highSurrogate = code;
                    continue;
                }
                if (code >= 0xDC00 && code <= 0xDFFF) {
                    if (highSurrogate == -1) {
                        throw syntax("Unicode low surrogate must follow a high surrogate.");
                    }
                    code = Character.toCodePoint((char) highSurrogate, (char) code);
                    highSurrogate = -1;
                }
                if (highSurrogate != -1) {
                    throw syntax("Unicode low surrogate must follow a high surrogate.");
                }
                if (build || code != 0) {
                    if (code == 0) {
                        throw new PgException(SqlState.UNTRANSLATABLE_CHARACTER,
                                "unsupported Unicode escape sequence").withDetail("\\u0000 cannot be converted to text.");
                    }
                    value.appendCodePoint(code);
                }
                continue;
            }
            if (highSurrogate != -1) {
                throw syntax("Unicode low surrogate must follow a high surrogate.");
            }
            char decoded = switch (escape) {
                case '"' -> '"';
                case '\\' -> '\\';
                case '/' -> '/';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                default -> throw syntax("Escape sequence \"\\"
                        + text.substring(p, p + Character.charCount(text.codePointAt(p))) + "\" is invalid.");
            };
            value.append(decoded);
            p++;
        }
        if (highSurrogate != -1) {
            throw syntax("Unicode low surrogate must follow a high surrogate.");
        }
        stringValue = value.toString();
        token = Token.STRING;
        position = p + 1;
    }

    private String tokenText() {
        return text.substring(tokenStart, position);
    }

    private PgException expected(String what) {
        if (token == Token.END) {
            return syntax("The input string ended unexpectedly.");
        }
        return syntax(what + ", but found \"" + tokenText() + "\".");
    }

    private static PgException invalidToken(String token) {
        return syntax("Token \"" + token + "\" is invalid.");
    }

    private static PgException syntax(String detail) {
        return new PgException(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type json")
                .withDetail(detail);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80;
    }
}
