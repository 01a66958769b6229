package org.modgres.executor.impl.expr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * PostgreSQL's string functions that build or take apart text: repeat, lpad, rpad, split_part,
 * translate, chr, ascii, starts_with and md5. Lengths count characters (code points).
 */
final class TextFunctions {

    /** 54000 program_limit_exceeded, PostgreSQL's error for text beyond its 1 GB limit. */
    private static final long MAX_TEXT_BYTES = (1L << 30) - 1;

    private TextFunctions() {
    }

    static String repeat(Object[] args) {
        String s = StringFunctions.text(args[0]);
        int count = ((Number) args[1]).intValue();
        if (count <= 0 || s.isEmpty()) {
            return "";
        }
        if ((long) s.length() * count > MAX_TEXT_BYTES) {
            throw new PgException(SqlState.PROGRAM_LIMIT_EXCEEDED, "requested length too large");
        }
        return s.repeat(count);
    }

    /** lpad and rpad: fill to a length with the fill text repeated, or cut the text to it. */
    static String pad(Object[] args, boolean left) {
        String s = StringFunctions.text(args[0]);
        int length = ((Number) args[1]).intValue();
        String fill = args.length > 2 ? StringFunctions.text(args[2]) : " ";
        int have = StringFunctions.charLength(s);
        if (length <= 0) {
            return "";
        }
        if (have >= length) {
            return s.substring(0, s.offsetByCodePoints(0, length));
        }
        if (fill.isEmpty()) {
            return s;
        }
        if ((long) length * 4 > MAX_TEXT_BYTES) {
            throw new PgException(SqlState.PROGRAM_LIMIT_EXCEEDED, "requested length too large");
        }
        int[] fillChars = fill.codePoints().toArray();
        StringBuilder padding = new StringBuilder();
        for (int i = 0; i < length - have; i++) {
            padding.appendCodePoint(fillChars[i % fillChars.length]);
        }
        return left ? padding + s : s + padding;
    }

    /** split_part(s, delimiter, n): the n-th field, counted from the end when n is negative. */
    static String splitPart(Object[] args) {
        String s = StringFunctions.text(args[0]);
        String delimiter = StringFunctions.text(args[1]);
        int field = ((Number) args[2]).intValue();
        if (field == 0) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "field position must not be zero");
        }
        if (s.isEmpty()) {
            return "";
        }
        if (delimiter.isEmpty()) {
            return field == 1 || field == -1 ? s : "";
        }
        List<String> fields = new ArrayList<>();
        int start = 0;
        for (int at = s.indexOf(delimiter); at >= 0; at = s.indexOf(delimiter, start)) {
            fields.add(s.substring(start, at));
            start = at + delimiter.length();
        }
        fields.add(s.substring(start));
        int index = field > 0 ? field - 1 : fields.size() + field;
        return index >= 0 && index < fields.size() ? fields.get(index) : "";
    }

    /** translate(s, from, to): each character of from becomes the one at its place in to, or goes. */
    static String translate(Object[] args) {
        String s = StringFunctions.text(args[0]);
        int[] from = StringFunctions.text(args[1]).codePoints().toArray();
        int[] to = StringFunctions.text(args[2]).codePoints().toArray();
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            int index = indexOf(from, c);
            if (index < 0) {
                out.appendCodePoint(c);
            } else if (index < to.length) {
                out.appendCodePoint(to[index]);
            }
        });
        return out.toString();
    }

    private static int indexOf(int[] characters, int c) {
        for (int i = 0; i < characters.length; i++) {
            if (characters[i] == c) {
                return i;
            }
        }
        return -1;
    }

    static String chr(Object[] args) {
        long code = ((Number) args[0]).longValue();
        if (code == 0) {
            throw new PgException(SqlState.PROGRAM_LIMIT_EXCEEDED, "null character not permitted");
        }
        if (code < 0) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "character number must be positive");
        }
        if (code > Character.MAX_CODE_POINT) {
            throw new PgException(SqlState.PROGRAM_LIMIT_EXCEEDED, "requested character too large for encoding: "
                    + code);
        }
        if (code >= 0xD800 && code <= 0xDFFF) {
            throw new PgException(SqlState.PROGRAM_LIMIT_EXCEEDED, "requested character not valid for encoding: "
                    + code);
        }
        return Character.toString((int) code);
    }

    static int ascii(Object[] args) {
        String s = StringFunctions.text(args[0]);
        return s.isEmpty() ? 0 : s.codePointAt(0);
    }

    static boolean startsWith(Object[] args) {
        return StringFunctions.text(args[0]).startsWith(StringFunctions.text(args[1]));
    }

    /** md5 of the text's UTF-8 bytes, or of a bytea's bytes, in lower-case hex. */
    static String md5(Object[] args) {
        byte[] bytes = args[0] instanceof byte[] b ? b : StringFunctions.text(args[0]).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
