package org.modgres.executor.impl.expr;

import java.util.Locale;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.executor.impl.value.Casts;
import org.modgres.executor.impl.value.TextFormat;

/** PostgreSQL's string functions, counting in characters (code points), not UTF-16 units. */
final class StringFunctions {

    private StringFunctions() {
    }

    static String text(Object value) {
        return TextFormat.format(value);
    }

    static String upper(Object[] args) {
        return text(args[0]).toUpperCase(Locale.ROOT);
    }

    static String lower(Object[] args) {
        return text(args[0]).toLowerCase(Locale.ROOT);
    }

    static int charLength(String text) {
        return text.codePointCount(0, text.length());
    }

    static Object octetLength(Object[] args) {
        return args[0] instanceof byte[] bytes ? bytes.length : Casts.octetLength(text(args[0]));
    }

    /** substring(s from start [for count]): positions before 1 shorten the result, as in PostgreSQL. */
    static String substring(Object[] args) {
        String s = text(args[0]);
        long start = ((Number) args[1]).longValue();
        int length = charLength(s);
        long end;
        if (args.length > 2) {
            long count = ((Number) args[2]).longValue();
            if (count < 0) {
                // 22011 substring_error, which SqlState does not list
                throw new PgException(SqlState.SUBSTRING_ERROR, "negative substring length not allowed");
            }
            end = start + count;
        } else {
            end = Long.MAX_VALUE;
        }
        long from = Math.max(start, 1);
        long to = Math.min(end, length + 1L);
        if (to <= from) {
            return "";
        }
        int begin = s.offsetByCodePoints(0, (int) from - 1);
        int stop = s.offsetByCodePoints(begin, (int) (to - from));
        return s.substring(begin, stop);
    }

    /** position(sub in s [from start]): 1-based character position, 0 when absent. */
    static int position(Object[] args) {
        String sub = text(args[0]);
        String s = text(args[1]);
        int fromChar = args.length > 2 ? Math.max(((Number) args[2]).intValue(), 1) : 1;
        if (fromChar - 1 > charLength(s)) {
            return 0;
        }
        int fromIndex = s.offsetByCodePoints(0, fromChar - 1);
        int index = s.indexOf(sub, fromIndex);
        return index < 0 ? 0 : s.codePointCount(0, index) + 1;
    }

    /** trim([both|leading|trailing] [chars] from s), removing any of the given characters. */
    static String trim(String s, String characters, boolean leading, boolean trailing) {
        int begin = 0;
        int end = s.length();
        if (leading) {
            while (begin < end) {
                int c = s.codePointAt(begin);
                if (characters.indexOf(c) < 0) {
                    break;
                }
                begin += Character.charCount(c);
            }
        }
        if (trailing) {
            while (end > begin) {
                int c = s.codePointBefore(end);
                if (characters.indexOf(c) < 0) {
                    break;
                }
                end -= Character.charCount(c);
            }
        }
        return s.substring(begin, end);
    }

    static String replace(Object[] args) {
        String s = text(args[0]);
        String from = text(args[1]);
        return from.isEmpty() ? s : s.replace(from, text(args[2]));
    }

    /** left(s, n) and right(s, n): a negative n counts from the other end. */
    static String leftOrRight(Object[] args, boolean left) {
        String s = text(args[0]);
        int n = ((Number) args[1]).intValue();
        int length = charLength(s);
        int keep = n >= 0 ? Math.min(n, length) : Math.max(length + n, 0);
        if (left) {
            return s.substring(0, s.offsetByCodePoints(0, keep));
        }
        return s.substring(s.offsetByCodePoints(0, length - keep));
    }

    static String initcap(Object[] args) {
        String s = text(args[0]);
        StringBuilder out = new StringBuilder(s.length());
        boolean wordStart = true;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            out.appendCodePoint(wordStart ? Character.toUpperCase(c) : Character.toLowerCase(c));
            wordStart = !Character.isLetterOrDigit(c);
        }
        return out.toString();
    }

    static String reverse(Object[] args) {
        return new StringBuilder(text(args[0])).reverse().toString();
    }
}
