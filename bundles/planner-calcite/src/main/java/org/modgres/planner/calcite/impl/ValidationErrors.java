package org.modgres.planner.calcite.impl;

import java.util.List;
import java.util.Locale;
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
            new Rule(Pattern.compile("Cannot apply '\\$SCALAR_QUERY' to arguments of type.*", Pattern.DOTALL),
                    SqlState.SYNTAX_ERROR, "subquery must return only one column"),
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
                    "could not determine data type of parameter"),
            new Rule(Pattern.compile("INNER, LEFT, RIGHT, FULL, or ASOF join requires a condition.*"),
                    SqlState.SYNTAX_ERROR, "syntax error: JOIN requires an ON or USING clause"),
            new Rule(Pattern.compile("Column count mismatch in ([A-Z]+)"), SqlState.SYNTAX_ERROR,
                    "each %s query must have the same number of columns"),
            new Rule(Pattern.compile("Expression '[^']*' is not in the select clause"),
                    SqlState.INVALID_COLUMN_REFERENCE,
                    "for SELECT DISTINCT, ORDER BY expressions must appear in select list"),
            new Rule(Pattern.compile("Ordinal out of range"), SqlState.INVALID_COLUMN_REFERENCE,
                    "ORDER BY position %s is not in select list"),
            new Rule(Pattern.compile("Aggregate expressions cannot be nested"), SqlState.GROUPING_ERROR,
                    "aggregate function calls cannot be nested"),
            new Rule(Pattern.compile("Windowed aggregate expression is illegal in ([A-Z ]+) clause"),
                    SqlState.WINDOWING_ERROR, "window functions are not allowed in %s"),
            new Rule(Pattern.compile("Aggregate expression is illegal in ([A-Z ]+) clause"),
                    SqlState.GROUPING_ERROR, "aggregate functions are not allowed in %s"),
            new Rule(Pattern.compile("Window '([^']*)' not found"), SqlState.UNDEFINED_OBJECT,
                    "window \"%s\" does not exist"),
            new Rule(Pattern.compile("Unknown identifier '([^']*)'"), SqlState.UNDEFINED_OBJECT,
                    "type \"%s\" does not exist"),
            new Rule(Pattern.compile("(WHERE|HAVING) clause must be a condition"), SqlState.DATATYPE_MISMATCH,
                    "argument of %s must be type boolean"),
            new Rule(Pattern.compile("Illegal mixing of types in CASE or COALESCE statement"),
                    SqlState.DATATYPE_MISMATCH, "CASE types cannot be matched"),
            new Rule(Pattern.compile("Type mismatch in column \\d+ of ([A-Z]+)"), SqlState.DATATYPE_MISMATCH,
                    "%s types cannot be matched"),
            new Rule(Pattern.compile("Duplicate relation name '([^']*)' in FROM clause"), SqlState.DUPLICATE_ALIAS,
                    "table name \"%s\" specified more than once"),
            new Rule(Pattern.compile("Argument to function '(?:PERCENTILE_CONT|PERCENTILE_DISC)' must be a numeric "
                    + "literal between 0 and 1"), SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "percentile value is not between 0 and 1"),
            // window frames: Calcite checks when planning what PostgreSQL checks when parsing or running
            new Rule(Pattern.compile("ROWS value must be a non-negative integral constant"),
                    SqlState.INVALID_PRECEDING_OR_FOLLOWING_SIZE, "frame starting offset must not be negative"),
            new Rule(Pattern.compile("RANGE clause cannot be used with compound ORDER BY clause"
                    + "|Window specification must contain an ORDER BY clause"), SqlState.WINDOWING_ERROR,
                    "RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column"),
            new Rule(Pattern.compile("UNBOUNDED FOLLOWING cannot be specified for the lower frame boundary"),
                    SqlState.WINDOWING_ERROR, "frame start cannot be UNBOUNDED FOLLOWING"),
            new Rule(Pattern.compile("UNBOUNDED PRECEDING cannot be specified for the upper frame boundary"),
                    SqlState.WINDOWING_ERROR, "frame end cannot be UNBOUNDED PRECEDING"),
            new Rule(Pattern.compile("Upper frame boundary cannot be PRECEDING when lower boundary is CURRENT ROW"),
                    SqlState.WINDOWING_ERROR, "frame starting from current row cannot have preceding rows"),
            new Rule(Pattern.compile("Upper frame boundary cannot be (?:PRECEDING|CURRENT ROW) when lower boundary "
                    + "is FOLLOWING"), SqlState.WINDOWING_ERROR,
                    "frame starting from following row cannot have preceding rows"),
            new Rule(Pattern.compile("Data Type mismatch between ORDER BY and RANGE clause"
                    + "|Data type of ORDER BY prohibits use of RANGE clause"), SqlState.FEATURE_NOT_SUPPORTED,
                    "RANGE with offset PRECEDING/FOLLOWING is not supported for the ORDER BY column's type "
                            + "and the offset's type"));

    private ValidationErrors() {
    }

    /** A comparison of json values, which have none (Calcite: not comparable). */
    private static final Pattern JSON_OPERATOR = Pattern.compile(
            "Cannot apply '([^']*)' to arguments of type '<(JSONB?)>(?: NOT NULL)? \\S+ <(JSONB?)>(?: NOT NULL)?'.*",
            Pattern.DOTALL);

    /** Returns the PostgreSQL error for a Calcite error raised while validating {@code text}. */
    static PgException translate(RuntimeException e, String text) {
        String message = rootMessage(e);
        int position = e instanceof CalciteContextException context
                ? offsetOf(text, context.getPosLine(), context.getPosColumn())
                : 0;
        Matcher assignment = ASSIGNMENT.matcher(message);
        if (assignment.matches()) {
            return new PgException(SqlState.DATATYPE_MISMATCH, Severity.ERROR,
                    "column \"%s\" is of type %s but expression is of type %s".formatted(assignment.group(1),
                            assignedTypeName(assignment.group(2), assignment.group(3)),
                            assignedTypeName(assignment.group(4), assignment.group(5))),
                    null, "You will need to rewrite or cast the expression.", position, null);
        }
        Matcher cast = CAST.matcher(message);
        if (cast.matches()) {
            return new PgException(SqlState.CANNOT_COERCE, Severity.ERROR, "cannot cast type %s to %s".formatted(
                    postgresTypeName(cast.group(1)), postgresTypeName(cast.group(2))), null, null, position, null);
        }
        Matcher jsonOperator = JSON_OPERATOR.matcher(message);
        if (jsonOperator.matches()) {
            return new PgException(SqlState.UNDEFINED_FUNCTION, Severity.ERROR, "operator does not exist: %s %s %s"
                    .formatted(jsonOperator.group(2).toLowerCase(Locale.ROOT), jsonOperator.group(1),
                            jsonOperator.group(3).toLowerCase(Locale.ROOT)), null,
                    "No operator matches the given name and argument types. You might need to add explicit type casts.",
                    position, null);
        }
        for (Rule rule : RULES) {
            Matcher m = rule.calcite().matcher(message);
            if (m.matches()) {
                String name = m.groupCount() > 0 ? lastPart(m.group(1)) : "";
                if (rule.state() == SqlState.INVALID_COLUMN_REFERENCE && message.startsWith("Ordinal")) {
                    name = wordAt(text, position);
                }
                if (rule.state() == SqlState.DUPLICATE_COLUMN && UPDATE.matcher(text).find()) {
                    return new PgException(SqlState.SYNTAX_ERROR, Severity.ERROR,
                            "multiple assignments to same column \"%s\"".formatted(name), null, null, position, null);
                }
                if (rule.state() == SqlState.UNDEFINED_TABLE && message.startsWith("Object '")) {
                    name = qualifiedNameAt(text, position, name);
                }
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

    private static final Pattern DOTTED_NAME = Pattern.compile(
            "(?:\"(?:[^\"]|\"\")*\"|[A-Za-z_][A-Za-z0-9_$]*)(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")*\"|[A-Za-z_][A-Za-z0-9_$]*))+");

    /**
     * Returns the relation's name as PostgreSQL's message shows it: qualified as written when the
     * statement names it so at the error's position ({@code relation "s.t" does not exist}).
     */
    private static String qualifiedNameAt(String text, int position, String name) {
        if (position <= 0 || text == null || position > text.length()) {
            return name;
        }
        Matcher dotted = DOTTED_NAME.matcher(text).region(position - 1, text.length());
        if (!dotted.lookingAt()) {
            return name;
        }
        List<String> parts = new java.util.ArrayList<>();
        for (String part : dotted.group().split("\\s*\\.\\s*(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            parts.add(part.startsWith("\"") ? part.substring(1, part.length() - 1).replace("\"\"", "\"")
                    : part.toLowerCase(java.util.Locale.ROOT));
        }
        return parts.contains(name) ? String.join(".", parts) : name;
    }

    private static final Pattern CAST = Pattern.compile(
            "Cast function cannot convert value of type ([A-Z_ ]+?)(?:\\(.*?\\))?(?: NOT NULL)?"
                    + " to type ([A-Z_ ]+?)(?:\\(.*?\\))?(?: NOT NULL)?");

    private static final Pattern ASSIGNMENT = Pattern.compile(
            "Cannot assign to target field '([^']*)' of type ([A-Z_ ]+?)(?:\\(.*?\\))?((?: NOT NULL)? ARRAY)?(?: NOT NULL)?"
                    + " from source field '[^']*' of type ([A-Z_ ]+?)(?:\\(.*?\\))?((?: NOT NULL)? ARRAY)?(?: NOT NULL)?");

    /** Returns PostgreSQL's name for a type of an assignment error, an array's as {@code json[]}. */
    private static String assignedTypeName(String calcite, String arraySuffix) {
        if (arraySuffix == null) {
            return postgresTypeName(calcite);
        }
        // the string literals of ARRAY['a', 'b'] are text in PostgreSQL
        return (calcite.equals("CHAR") ? "text" : postgresTypeName(calcite)) + "[]";
    }

    /** Returns PostgreSQL's name for a type Calcite names in an error, such as {@code integer} for INTEGER. */
    private static String postgresTypeName(String calcite) {
        return switch (calcite) {
            case "TINYINT", "SMALLINT" -> "smallint";
            case "BIGINT" -> "bigint";
            case "DECIMAL" -> "numeric";
            case "REAL" -> "real";
            case "DOUBLE", "FLOAT" -> "double precision";
            case "VARCHAR" -> "text";
            case "CHAR" -> "character";
            case "VARBINARY", "BINARY" -> "bytea";
            case "TIMESTAMP" -> "timestamp without time zone";
            case "TIMESTAMP_WITH_LOCAL_TIME_ZONE" -> "timestamp with time zone";
            case "TIME" -> "time without time zone";
            default -> calcite.toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** An UPDATE, or an INSERT's ON CONFLICT DO UPDATE, whose SET list assigns a column twice. */
    private static final Pattern UPDATE = Pattern.compile("(?i)\\bupdate\\b");

    /** Returns the word (such as an ORDER BY position) that starts at a 1-based position of the text. */
    private static String wordAt(String text, int position) {
        if (text == null || position <= 0 || position > text.length()) {
            return "";
        }
        int end = position - 1;
        while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
            end++;
        }
        return text.substring(position - 1, end);
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
