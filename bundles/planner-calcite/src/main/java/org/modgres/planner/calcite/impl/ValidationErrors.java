package org.modgres.planner.calcite.impl;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.calcite.runtime.CalciteContextException;
import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;

/** Turns Calcite's validation errors into the errors PostgreSQL reports for the same mistakes. */
final class ValidationErrors {

    private record Rule(Pattern calcite, SqlState state, String postgres) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(?:Object|Table) '([^']*)' not found.*"), SqlState.UNDEFINED_TABLE,
                    "relation \"%s\" does not exist"),
            new Rule(Pattern.compile("Column '([^']*)' not found in (?:any table|table '[^']*').*"),
                    SqlState.UNDEFINED_COLUMN, "column \"%s\" does not exist"),
            new Rule(Pattern.compile("Unknown target column '([^']*)'"), SqlState.UNDEFINED_COLUMN,
                    "column \"%s\" does not exist"),
            new Rule(Pattern.compile("Column '([^']*)' is ambiguous"), SqlState.AMBIGUOUS_COLUMN,
                    "column reference \"%s\" is ambiguous"),
            new Rule(Pattern.compile("Target column '([^']*)' is assigned more than once"),
                    SqlState.DUPLICATE_COLUMN, "column \"%s\" specified more than once"),
            new Rule(Pattern.compile("Expression '([^']*)' is not being grouped"), SqlState.GROUPING_ERROR,
                    "column \"%s\" must appear in the GROUP BY clause or be used in an aggregate function"),
            new Rule(Pattern.compile("No match found for function signature ([^(]*)\\(.*"),
                    SqlState.UNDEFINED_FUNCTION, "function %s does not exist"),
            new Rule(Pattern.compile("Invalid number of arguments to function '([^']*)'.*"),
                    SqlState.UNDEFINED_FUNCTION, "function %s does not exist"),
            new Rule(Pattern.compile("Number of INSERT target columns .*"), SqlState.SYNTAX_ERROR,
                    "INSERT has more expressions than target columns"),
            // a function's name is lower case, an operator's is a symbol or upper case; the list of
            // supported forms may span lines
            new Rule(Pattern.compile("Cannot apply '([a-z_][a-z0-9_$]*)' to arguments of type.*", Pattern.DOTALL),
                    SqlState.UNDEFINED_FUNCTION, "function %s does not exist"),
            new Rule(Pattern.compile("Cannot apply '([^']*)' to arguments of type.*", Pattern.DOTALL),
                    SqlState.UNDEFINED_FUNCTION, "operator does not exist: %s"),
            new Rule(Pattern.compile("Illegal use of dynamic parameter"), SqlState.INDETERMINATE_DATATYPE,
                    "could not determine data type of parameter"));

    private ValidationErrors() {
    }

    /** Returns the PostgreSQL error for a Calcite error raised while validating {@code text}. */
    static PgException translate(RuntimeException e, String text) {
        String message = rootMessage(e);
        int position = e instanceof CalciteContextException context
                ? offsetOf(text, context.getPosLine(), context.getPosColumn())
                : 0;
        for (Rule rule : RULES) {
            Matcher m = rule.calcite().matcher(message);
            if (m.matches()) {
                String name = m.groupCount() > 0 ? lastPart(m.group(1)) : "";
                return new PgException(rule.state(), Severity.ERROR, rule.postgres().formatted(name),
                        null, null, position, null);
            }
        }
        return new PgException(SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION, Severity.ERROR, message, null, null,
                position, null);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String lastPart(String qualified) {
        int dot = qualified.lastIndexOf('.');
        return dot < 0 ? qualified : qualified.substring(dot + 1);
    }

    /** Converts Calcite's 1-based line and column into PostgreSQL's 1-based character offset. */
    static int offsetOf(String text, int line, int column) {
        if (line <= 0 || column <= 0) {
            return 0;
        }
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int newline = text.indexOf('\n', offset);
            if (newline < 0) {
                return 0;
            }
            offset = newline + 1;
        }
        return offset + column;
    }
}
