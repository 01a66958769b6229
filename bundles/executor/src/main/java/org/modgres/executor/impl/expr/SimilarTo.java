package org.modgres.executor.impl.expr;

import java.util.regex.Pattern;

import org.modgres.executor.impl.value.TextFormat;

/**
 * [NOT] SIMILAR TO [ESCAPE e]. The pattern is compiled again only when it or the escape changes
 * from the previous row.
 */
final class SimilarTo implements Evaluator {

    private final Evaluator value;
    private final Evaluator pattern;
    private final Evaluator escape;
    private final boolean negated;
    private String lastPattern;
    private String lastEscape;
    private Pattern compiled;

    /** @param escape the ESCAPE operand, or null for the default backslash */
    SimilarTo(Evaluator value, Evaluator pattern, Evaluator escape, boolean negated) {
        this.value = value;
        this.pattern = pattern;
        this.escape = escape;
        this.negated = negated;
    }

    @Override
    public Object evaluate(Object[] row) {
        Object v = value.evaluate(row);
        Object p = pattern.evaluate(row);
        if (v == null || p == null) {
            return null;
        }
        String escapeText = "\\";
        if (escape != null) {
            Object e = escape.evaluate(row);
            if (e == null) {
                return null;
            }
            escapeText = TextFormat.format(e);
        }
        String patternText = TextFormat.format(p);
        if (compiled == null || !patternText.equals(lastPattern) || !escapeText.equals(lastEscape)) {
            compiled = SimilarPatterns.compile(patternText, LikePatterns.escapeOf(escapeText));
            lastPattern = patternText;
            lastEscape = escapeText;
        }
        return compiled.matcher(TextFormat.format(v)).matches() != negated;
    }
}
