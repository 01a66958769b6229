package org.modgres.api.type;

/**
 * The character classes of PostgreSQL's input functions, which are ASCII-only and so unlike
 * {@link Character}'s: {@code isspace} in the C locale counts the vertical tab and form feed too.
 */
final class TextCharacters {

    private TextCharacters() {
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAlnum(char c) {
        return isDigit(c) || isAlpha(c);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000b' || c == '\f';
    }

    static boolean isPunctuation(char c) {
        return c > ' ' && c < 127 && !isAlnum(c);
    }
}
