package org.modgres.executor.impl.expr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/** {@code encode(bytea, format)} and {@code decode(text, format)} for PostgreSQL's hex, base64 and escape formats. */
final class ByteaEncodings {

    /** PostgreSQL breaks base64 text into lines of 76 characters. */
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(76, new byte[] {'\n'});

    private ByteaEncodings() {
    }

    static String encode(byte[] data, String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "hex" -> HexFormat.of().formatHex(data);
            case "base64" -> BASE64.encodeToString(data);
            case "escape" -> escape(data);
            default -> throw unknown(format);
        };
    }

    static byte[] decode(String text, String format) {
        try {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "hex" -> unhex(text);
                case "base64" -> Base64.getMimeDecoder().decode(text);
                case "escape" -> unescape(text);
                default -> throw unknown(format);
            };
        } catch (IllegalArgumentException e) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                    "invalid " + format.toLowerCase(Locale.ROOT) + " data: " + e.getMessage());
        }
    }

    /** Bytes as text, with zero bytes, backslashes and bytes past ASCII written as backslash escapes. */
    private static String escape(byte[] data) {
        StringBuilder out = new StringBuilder(data.length);
        for (byte b : data) {
            int value = b & 0xff;
            if (value == '\\') {
                out.append("\\\\");
            } else if (value == 0 || value >= 0x80) {
                out.append('\\').append(String.format(Locale.ROOT, "%03o", value));
            } else {
                out.append((char) value);
            }
        }
        return out.toString();
    }

    private static byte[] unescape(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\\') {
                out.write(bytes[i]);
            } else if (i + 1 < bytes.length && bytes[i + 1] == '\\') {
                out.write('\\');
                i++;
            } else if (i + 3 < bytes.length && isOctal(bytes[i + 1], '3') && isOctal(bytes[i + 2], '7')
                    && isOctal(bytes[i + 3], '7')) {
                out.write((bytes[i + 1] - '0') * 64 + (bytes[i + 2] - '0') * 8 + (bytes[i + 3] - '0'));
                i += 3;
            } else {
                throw new PgException(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea");
            }
        }
        return out.toByteArray();
    }

    /** Reads hex digits in pairs, skipping white space between pairs, with PostgreSQL's errors. */
    private static byte[] unhex(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 2);
        int i = 0;
        while (i < text.length()) {
            char high = text.charAt(i);
            if (Character.isWhitespace(high)) {
                i++;
                continue;
            }
            if (i + 1 >= text.length()) {
                throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal data: odd number of digits");
            }
            out.write(hexDigit(high) << 4 | hexDigit(text.charAt(i + 1)));
            i += 2;
        }
        return out.toByteArray();
    }

    private static int hexDigit(char c) {
        int digit = Character.digit(c, 16);
        if (digit < 0) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal digit: \"" + c + "\"");
        }
        return digit;
    }

    private static boolean isOctal(byte b, char max) {
        return b >= '0' && b <= max;
    }

    private static PgException unknown(String format) {
        return new PgException(SqlState.INVALID_PARAMETER_VALUE, "unrecognized encoding: \"" + format + "\"");
    }
}
