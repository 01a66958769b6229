package org.modgres.executor.impl.expr;

import java.util.regex.Pattern;

import org.modgres.executor.impl.value.Comparisons;
import org.modgres.executor.impl.value.TextFormat;

/**
 * [NOT] LIKE and ILIKE. A constant pattern is compiled once; a computed one is compiled again
 * only when it changes from the previous row.
 */
final class Like implements Evaluator {

    private final Evaluator value;
    private final Evaluator pattern;
    private final Evaluator escape;
    private final boolean caseSensitive;
    private final boolean negated;
    private final boolean blankPadded;
    private String lastPattern;
    private String lastEscape;
    private Pattern compiled;

    /**
     * @param escape      the ESCAPE operand, or null for the default backslash
     * @param blankPadded true when the value is character(n), whose trailing spaces do not count
     */
    Like(Evaluator value, Evaluator pattern, Evaluator escape, boolean caseSensitive, boolean negated,
         boolean blankPadded) {
        this.value = value;
        this.pattern = pattern;
        this.escape = escape;
        this.caseSensitive = caseSensitive;
        this.negated = negated;
        this.blankPadded = blankPadded;
    }

    @Override
    public Object evaluate(Object[] row) {
        Object v = value.evaluate(row);
        if (v == null) {
            return null;
        }
        Object p = pattern.evaluate(row);
        if (p == null) {
            return null;
        }
        String escapeText = "\\";
        if (escape != null) {
            Object e = escape.evaluate(row);
            if (e == null) {
                return null;
            }
            escapeText = (String) e;
        }
        String patternText = TextFormat.format(p);
        if (compiled == null || !patternText.equals(lastPattern) || !escapeText.equals(lastEscape)) {
            compiled = LikePatterns.compile(patternText, LikePatterns.escapeOf(escapeText), caseSensitive);
            lastPattern = patternText;
            lastEscape = escapeText;
        }
        String text = TextFormat.format(v);
        if (blankPadded) {
            text = Comparisons.stripTrailingSpaces(text);
        }
        return compiled.matcher(text).matches() != negated;
    }
}
