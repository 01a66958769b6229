package org.modgres.executor.impl.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.executor.impl.value.TextFormat;

/**
 * regexp_replace, regexp_match and string_to_array. Java's regular expressions stand in for
 * PostgreSQL's (they agree on the common syntax); the replacement text takes PostgreSQL's
 * {@code \1}..{@code \9} and {@code \&}.
 */
final class RegexFunctions {

    private RegexFunctions() {
    }

    /** regexp_replace(s, pattern, replacement [, flags]): the first match, or every one with 'g'. */
    static String replace(Object[] args) {
        String s = StringFunctions.text(args[0]);
        Flags flags = Flags.parse(args.length > 3 ? StringFunctions.text(args[3]) : "");
        Matcher matcher = compile(StringFunctions.text(args[1]), flags).matcher(s);
        String replacement = StringFunctions.text(args[2]);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            out.append(s, last, matcher.start());
            appendReplacement(out, replacement, matcher);
            last = matcher.end();
            if (!flags.global()) {
                break;
            }
        }
        return out.append(s, last, s.length()).toString();
    }

    private static void appendReplacement(StringBuilder out, String replacement, Matcher matcher) {
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c != '\\' || i + 1 == replacement.length()) {
                out.append(c);
                continue;
            }
            char next = replacement.charAt(++i);
            if (next >= '1' && next <= '9') {
                int group = next - '0';
                if (group <= matcher.groupCount() && matcher.group(group) != null) {
                    out.append(matcher.group(group));
                }
            } else if (next == '&') {
                out.append(matcher.group());
            } else if (next == '\\') {
                out.append('\\');
            } else {
                out.append('\\').append(next);
            }
        }
    }

    /** regexp_match(s, pattern [, flags]): the first match's groups, or the match when there are none. */
    static List<Object> match(Object[] args) {
        String s = StringFunctions.text(args[0]);
        Flags flags = Flags.parse(args.length > 2 ? StringFunctions.text(args[2]) : "");
        if (flags.global()) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                    "regexp_match() does not support the \"global\" option")
                    .withHint("Use the regexp_matches function instead.");
        }
        Matcher matcher = compile(StringFunctions.text(args[1]), flags).matcher(s);
        if (!matcher.find()) {
            return null;
        }
        if (matcher.groupCount() == 0) {
            return List.of(matcher.group());
        }
        Object[] groups = new Object[matcher.groupCount()];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = matcher.group(i + 1);
        }
        return Collections.unmodifiableList(Arrays.asList(groups));
    }

    /**
     * string_to_array(s, delimiter [, null_string]): a NULL delimiter splits into characters, an
     * empty one gives the whole string; fields equal to null_string are NULL. Not strict.
     */
    static Evaluator stringToArray(Evaluator[] args) {
        return row -> {
            Object value = args[0].evaluate(row);
            if (value == null) {
                return null;
            }
            String s = TextFormat.format(value);
            Object delimiterValue = args[1].evaluate(row);
            Object nullValue = args.length > 2 ? args[2].evaluate(row) : null;
            String nullString = nullValue == null ? null : TextFormat.format(nullValue);
            List<Object> fields = new ArrayList<>();
            if (s.isEmpty()) {
                return List.of();
            }
            if (delimiterValue == null) {
                s.codePoints().forEach(c -> fields.add(Character.toString(c)));
            } else {
                String delimiter = TextFormat.format(delimiterValue);
                if (delimiter.isEmpty()) {
                    fields.add(s);
                } else {
                    int start = 0;
                    for (int at = s.indexOf(delimiter); at >= 0; at = s.indexOf(delimiter, start)) {
                        fields.add(s.substring(start, at));
                        start = at + delimiter.length();
                    }
                    fields.add(s.substring(start));
                }
            }
            fields.replaceAll(field -> field.equals(nullString) ? null : field);
            return Collections.unmodifiableList(fields);
        };
    }

    private static Pattern compile(String source, Flags flags) {
        try {
            return Pattern.compile(source, flags.caseInsensitive() ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        } catch (PatternSyntaxException e) {
            throw new PgException(SqlState.INVALID_REGULAR_EXPRESSION,
                    "invalid regular expression: " + e.getDescription());
        }
    }

    /** The flags PostgreSQL's regular expression functions take that these honour. */
    private record Flags(boolean global, boolean caseInsensitive) {
        static Flags parse(String flags) {
            boolean global = false;
            boolean caseInsensitive = false;
            for (int i = 0; i < flags.length(); i++) {
                switch (flags.charAt(i)) {
                    case 'g' -> global = true;
                    case 'i' -> caseInsensitive = true;
                    case 'c' -> caseInsensitive = false;
                    default -> throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                            "invalid regular expression option: \"" + flags.charAt(i) + "\"");
                }
            }
            return new Flags(global, caseInsensitive);
        }
    }
}
