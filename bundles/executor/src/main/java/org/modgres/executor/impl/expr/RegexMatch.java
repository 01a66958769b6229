package org.modgres.executor.impl.expr;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.executor.impl.value.TextFormat;

/**
 * The POSIX regular expression operators {@code ~}, {@code ~*}, {@code !~} and {@code !~*}: whether
 * the pattern matches anywhere in the string. Java's regular expressions read the patterns
 * clients send to the catalogs ({@code ^(name)$}, {@code ^pg_toast}) as PostgreSQL does; the
 * pattern is compiled once while it stays the same.
 */
final class RegexMatch implements Evaluator {

    private final Evaluator value;
    private final Evaluator pattern;
    private final boolean caseSensitive;
    private final boolean negated;
    private String lastSource;
    private Pattern lastPattern;

    RegexMatch(Evaluator value, Evaluator pattern, boolean caseSensitive, boolean negated) {
        this.value = value;
        this.pattern = pattern;
        this.caseSensitive = caseSensitive;
        this.negated = negated;
    }

    @Override
    public Object evaluate(Object[] row) {
        Object text = value.evaluate(row);
        Object source = pattern.evaluate(row);
        if (text == null || source == null) {
            return null;
        }
        return compiled(TextFormat.format(source)).matcher(TextFormat.format(text)).find() != negated;
    }

    private Pattern compiled(String source) {
        if (!source.equals(lastSource)) {
            try {
                lastPattern = Pattern.compile(source, caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException e) {
                throw new PgException(SqlState.INVALID_REGULAR_EXPRESSION,
                        "invalid regular expression: " + e.getDescription());
            }
            lastSource = source;
        }
        return lastPattern;
    }
}
