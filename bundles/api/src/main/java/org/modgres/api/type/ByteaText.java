package org.modgres.api.type;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * The text forms of {@code bytea}: output in hex ({@code \x0102ff}, PostgreSQL's default
 * {@code bytea_output}); input in hex, where whitespace between digit pairs is allowed, or in the
 * escape format, where {@code \\} is a backslash and {@code \ooo} an octal byte.
 */
final class ByteaText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ByteaText() {
    }

    static String format(byte[] value) {
        char[] text = new char[2 + 2 * value.length];
        text[0] = '\\';
        text[1] = 'x';
        for (int i = 0; i < value.length; i++) {
            text[2 + 2 * i] = HEX[(value[i] >> 4) & 0xf];
            text[3 + 2 * i] = HEX[value[i] & 0xf];
        }
        return new String(text);
    }

    static byte[] parse(String text) {
        if (text.startsWith("\\x")) {
            return parseHex(text);
        }
        return parseEscaped(text);
    }

    private static byte[] parseHex(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 2);
        int i = 2;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                i++;
                continue;
            }
            int high = hexDigit(text, i);
            if (i + 1 >= text.length()) {
                throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal data: odd number of digits");
            }
            int low = hexDigit(text, i + 1);
            out.write((high << 4) | low);
            i += 2;
        }
        return out.toByteArray();
    }

    private static int hexDigit(String text, int i) {
        int digit = Character.digit(text.charAt(i), 16);
        if (digit < 0 || text.charAt(i) > 'f') {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                    "invalid hexadecimal digit: \"" + text.substring(i, text.offsetByCodePoints(i, 1)) + "\"");
        }
        return digit;
    }

    private static byte[] parseEscaped(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length);
        int i = 0;
        while (i < utf8.length) {
            byte b = utf8[i];
            if (b != '\\') {
                out.write(b);
                i++;
            } else if (i + 1 < utf8.length && utf8[i + 1] == '\\') {
                out.write('\\');
                i += 2;
            } else if (isOctal(utf8, i + 1, '3') && isOctal(utf8, i + 2, '7') && isOctal(utf8, i + 3, '7')) {
                out.write(((utf8[i + 1] - '0') << 6) | ((utf8[i + 2] - '0') << 3) | (utf8[i + 3] - '0'));
                i += 4;
            } else {
                throw new PgException(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea");
            }
        }
        return out.toByteArray();
    }

    private static boolean isOctal(byte[] bytes, int i, char max) {
        return i < bytes.length && bytes[i] >= '0' && bytes[i] <= max;
    }
}
