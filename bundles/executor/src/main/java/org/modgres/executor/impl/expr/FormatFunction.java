package org.modgres.executor.impl.expr;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.SqlQuoting;
import org.modgres.executor.impl.value.TextFormat;

/**
 * {@code format(fmt, args...)}, PostgreSQL's sprintf: %s (text, NULL as empty), %I (quoted
 * identifier), %L (quoted literal, NULL as NULL), %% and the position ({@code %2$s}), flag
 * ({@code -}) and width ({@code %5s}, {@code %*s}) parts; and {@code concat_ws}. Neither is strict.
 */
final class FormatFunction {

    private FormatFunction() {
    }

    static Evaluator format(Evaluator[] args) {
        return row -> {
            Object[] values = evaluate(args, row);
            return values[0] == null ? null : format(TextFormat.format(values[0]), values);
        };
    }

    static Evaluator concatWs(Evaluator[] args) {
        return row -> {
            Object[] values = evaluate(args, row);
            if (values[0] == null) {
                return null;
            }
            String separator = TextFormat.format(values[0]);
            StringBuilder out = new StringBuilder();
            boolean first = true;
            for (int i = 1; i < values.length; i++) {
                if (values[i] != null) {
                    out.append(first ? "" : separator).append(TextFormat.format(values[i]));
                    first = false;
                }
            }
            return out.toString();
        };
    }

    private static Object[] evaluate(Evaluator[] args, Object[] row) {
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = args[i].evaluate(row);
        }
        return values;
    }

    /** @param values the format itself at 0, then the arguments */
    static String format(String format, Object[] values) {
        StringBuilder out = new StringBuilder();
        int nextArgument = 1;
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i >= format.length()) {
                throw invalid("unterminated format() type specifier");
            }
            if (format.charAt(i) == '%') {
                out.append('%');
                i++;
                continue;
            }
            int argument = -1;
            int digitsEnd = skipDigits(format, i);
            if (digitsEnd > i && digitsEnd < format.length() && format.charAt(digitsEnd) == '$') {
                argument = Integer.parseInt(format, i, digitsEnd, 10);
                if (argument == 0) {
                    throw invalid("format specifies argument 0, but arguments are numbered from 1");
                }
                i = digitsEnd + 1;
            }
            boolean leftAlign = false;
            while (i < format.length() && format.charAt(i) == '-') {
                leftAlign = true;
                i++;
            }
            int width = 0;
            if (i < format.length() && format.charAt(i) == '*') {
                i++;
                int widthArgument = nextArgument++;
                if (widthArgument >= values.length) {
                    throw invalid("too few arguments for format()");
                }
                Object w = values[widthArgument];
                width = w == null ? 0 : ((Number) w).intValue();
                if (width < 0) {
                    leftAlign = true;
                    width = -width;
                }
            } else {
                int end = skipDigits(format, i);
                if (end > i) {
                    width = Integer.parseInt(format, i, end, 10);
                    i = end;
                }
            }
            if (i >= format.length()) {
                throw invalid("unterminated format() type specifier");
            }
            char type = format.charAt(i++);
            if (type != 's' && type != 'I' && type != 'L') {
                throw invalid("unrecognized format() type specifier \"" + type + "\"")
                        .withHint("For a single \"%\" use \"%%\".");
            }
            int index = argument > 0 ? argument : nextArgument;
            nextArgument = index + 1;
            if (index >= values.length) {
                throw invalid("too few arguments for format()");
            }
            pad(out, convert(type, values[index]), width, leftAlign);
        }
        return out.toString();
    }

    private static String convert(char type, Object value) {
        return switch (type) {
            case 's' -> value == null ? "" : TextFormat.format(value);
            case 'I' -> {
                if (value == null) {
                    throw new PgException(SqlState.NULL_VALUE_NOT_ALLOWED,
                            "null values cannot be formatted as an SQL identifier");
                }
                yield SqlQuoting.identifier(TextFormat.format(value));
            }
            default -> value == null ? "NULL" : SqlQuoting.literal(TextFormat.format(value));
        };
    }

    private static void pad(StringBuilder out, String text, int width, boolean leftAlign) {
        int missing = width - text.codePointCount(0, text.length());
        if (!leftAlign) {
            out.append(" ".repeat(Math.max(missing, 0)));
        }
        out.append(text);
        if (leftAlign) {
            out.append(" ".repeat(Math.max(missing, 0)));
        }
    }

    private static int skipDigits(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static PgException invalid(String message) {
        return new PgException(SqlState.INVALID_PARAMETER_VALUE, message);
    }
}
