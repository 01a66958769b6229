package org.modgres.parser.impl.syntax;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.apache.calcite.sql.parser.SqlParserPos;
import org.modgres.api.error.SqlState;

/**
 * PostgreSQL's escape strings, {@code E'...'}. Calcite's lexer finds them but decodes them its
 * own way (it keeps the backslash of {@code \d}, knows no octal escape above {@code \3}, and marks
 * the literal UTF-16); the token manager hands them here instead, and the rest of the parser sees
 * a standard string with the decoded value.
 *
 * <p>As in PostgreSQL, octal and hexadecimal escapes stand for bytes, and the decoded bytes must
 * be valid UTF-8: {@code E'\303\251'} is "é".
 */
public final class EscapeStrings {

    private static final String UNICODE_ESCAPE_HINT = "Unicode escapes must be \\uXXXX or \\UXXXXXXXX.";
    private static final int PREFIX_LENGTH = 2;
    private static final int MAX_OCTAL_DIGITS = 3;
    private static final int MAX_HEX_DIGITS = 2;
    private static final int SHORT_UNICODE_DIGITS = 4;
    private static final int LONG_UNICODE_DIGITS = 8;

    private EscapeStrings() {
    }

    /**
     * Returns the token image of the standard string with the same value as the escape string
     * {@code image} ({@code E'...'}), which starts at {@code line}, {@code column}.
     */
    public static String toStandardString(String image, int line, int column) {
        final String value = decode(image, new SqlParserPos(line, column));
        return "'" + value.replace("'", "''") + "'";
    }

    /** Returns the value of the escape string {@code image}, which starts at {@code pos}. */
    static String decode(String image, SqlParserPos pos) {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.length());
        final int end = image.length() - 1;
        int i = PREFIX_LENGTH;
        while (i < end) {
            final char c = image.charAt(i);
            if (c == '\'') {
                bytes.write('\'');
                i += 2;
            } else if (c == '\\') {
                i = unescape(image, i, end, bytes, pos);
            } else {
                final int codePoint = image.codePointAt(i);
                writeUtf8(codePoint, bytes);
                i += Character.charCount(codePoint);
            }
        }
        return toUtf8String(bytes.toByteArray());
    }

    /** Decodes the escape sequence at {@code start} (a backslash); returns the index after it. */
    private static int unescape(String image, int start, int end, ByteArrayOutputStream bytes, SqlParserPos pos) {
        final int i = start + 1;
        final char c = image.charAt(i);
        switch (c) {
            case 'b' -> bytes.write('\b');
            case 'f' -> bytes.write('\f');
            case 'n' -> bytes.write('\n');
            case 'r' -> bytes.write('\r');
            case 't' -> bytes.write('\t');
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                final int digitsEnd = digitsEnd(image, i, end, MAX_OCTAL_DIGITS, 8);
                bytes.write(Integer.parseInt(image, i, digitsEnd, 8) & 0xff);
                return digitsEnd;
            }
            case 'x' -> {
                final int digitsEnd = digitsEnd(image, i + 1, end, MAX_HEX_DIGITS, 16);
                if (digitsEnd == i + 1) {
                    bytes.write('x');
                    break;
                }
                bytes.write(Integer.parseInt(image, i + 1, digitsEnd, 16));
                return digitsEnd;
            }
            case 'u', 'U' -> {
                return unicodeEscape(image, start, end, bytes, pos);
            }
            default -> {
                final int codePoint = image.codePointAt(i);
                writeUtf8(codePoint, bytes);
                return i + Character.charCount(codePoint);
            }
        }
        return i + 1;
    }

    /** Decodes {@code \\uXXXX} or {@code \\UXXXXXXXX}, joining UTF-16 surrogate pairs. */
    private static int unicodeEscape(String image, int start, int end, ByteArrayOutputStream bytes, SqlParserPos pos) {
        final int first = hexEscape(image, start, end, pos);
        int next = start + escapeLength(image, start);
        int codePoint = first;
        if (first <= Character.MAX_VALUE && Character.isHighSurrogate((char) first)) {
            if (next >= end || image.charAt(next) != '\\'
                    || (image.charAt(next + 1) != 'u' && image.charAt(next + 1) != 'U')) {
                throw surrogateError(pos, next);
            }
            final int second = hexEscape(image, next, end, pos);
            if (second > Character.MAX_VALUE || !Character.isLowSurrogate((char) second)) {
                throw surrogateError(pos, next);
            }
            codePoint = Character.toCodePoint((char) first, (char) second);
            next += escapeLength(image, next);
        } else if (first <= Character.MAX_VALUE && Character.isLowSurrogate((char) first)) {
            throw surrogateError(pos, start);
        }
        if (codePoint == 0 || codePoint > Character.MAX_CODE_POINT) {
            throw new ParserException(SqlState.DATA_EXCEPTION, "invalid Unicode escape value", pos, start);
        }
        writeUtf8(codePoint, bytes);
        return next;
    }

    /** Returns the value of the Unicode escape at {@code start}, which must be complete. */
    private static int hexEscape(String image, int start, int end, SqlParserPos pos) {
        final int digits = escapeLength(image, start) - 2;
        final int digitsStart = start + 2;
        if (digitsEnd(image, digitsStart, end, digits, 16) != digitsStart + digits) {
            throw new ParserException(SqlState.DATA_EXCEPTION, "invalid Unicode escape", pos, start)
                    .withHint(UNICODE_ESCAPE_HINT);
        }
        return (int) Long.parseLong(image, digitsStart, digitsStart + digits, 16);
    }

    private static int escapeLength(String image, int start) {
        return 2 + (image.charAt(start + 1) == 'u' ? SHORT_UNICODE_DIGITS : LONG_UNICODE_DIGITS);
    }

    private static ParserException surrogateError(SqlParserPos pos, int offset) {
        return new ParserException(SqlState.SYNTAX_ERROR, "invalid Unicode surrogate pair", pos, offset);
    }

    /** Returns the end of the run of at most {@code max} digits in {@code radix} from {@code start}. */
    private static int digitsEnd(String image, int start, int end, int max, int radix) {
        int i = start;
        while (i < end && i - start < max && Character.digit(image.charAt(i), radix) >= 0
                && image.charAt(i) < 0x80) {
            i++;
        }
        return i;
    }

    private static void writeUtf8(int codePoint, ByteArrayOutputStream bytes) {
        bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
    }

    private static String toUtf8String(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                throw invalidByteSequence(new byte[] {0});
            }
        }
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        final ByteBuffer in = ByteBuffer.wrap(bytes);
        final CharBuffer out = CharBuffer.allocate(bytes.length);
        final CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            final byte[] bad = new byte[result.length()];
            in.get(in.position(), bad);
            throw invalidByteSequence(bad);
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static ParserException invalidByteSequence(byte[] bad) {
        final StringBuilder shown = new StringBuilder();
        for (byte b : bad) {
            if (!shown.isEmpty()) {
                shown.append(' ');
            }
            shown.append("0x").append(HexFormat.of().toHexDigits(b));
        }
        return new ParserException(SqlState.DATA_EXCEPTION,
                "invalid byte sequence for encoding \"UTF8\": " + shown, null);
    }
}
