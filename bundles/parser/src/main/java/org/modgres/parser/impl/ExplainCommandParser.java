package org.modgres.parser.impl;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.ExplainStatement;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.Statement;

/**
 * Reads EXPLAIN, whose explained statement the main grammar parses: {@code EXPLAIN [ANALYZE]
 * [VERBOSE] statement} and {@code EXPLAIN (option [value], ...) statement}. Options PostgreSQL
 * knows but that change nothing here (COSTS, BUFFERS, TIMING, SUMMARY, SETTINGS, WAL, FORMAT
 * TEXT) are accepted and ignored.
 */
final class ExplainCommandParser {

    private static final Set<String> IGNORED_OPTIONS = Set.of("costs", "buffers", "timing", "summary", "settings",
            "wal");

    private ExplainCommandParser() {
    }

    /** Parses a string holding one EXPLAIN statement. */
    static List<Statement> parse(String sql, Function<String, List<Statement>> statementParser) {
        CopyTokens tokens = new CopyTokens(sql);
        tokens.expectWord("explain");
        boolean analyze = false;
        boolean verbose = false;
        if (tokens.peekSymbol('(')) {
            CopyTokens options = new CopyTokens(tokens.parenthesised());
            do {
                String option = options.word();
                boolean on = optionValue(options, option);
                switch (option) {
                    case "analyze" -> analyze = on;
                    case "verbose" -> verbose = on;
                    case "format" -> {
                        // optionValue accepted TEXT, the only format
                    }
                    default -> {
                        if (!IGNORED_OPTIONS.contains(option)) {
                            throw new PgException(SqlState.SYNTAX_ERROR,
                                    "unrecognized EXPLAIN option \"" + option + "\"");
                        }
                    }
                }
            } while (options.acceptSymbol(','));
            if (!options.atEnd()) {
                throw options.unexpected();
            }
        } else {
            analyze = tokens.acceptWord("analyze") || tokens.acceptWord("analyse");
            verbose = tokens.acceptWord("verbose");
        }
        int start = tokens.position();
        List<Statement> explained;
        try {
            explained = statementParser.apply(sql.substring(start));
        } catch (PgException e) {
            throw e.position() > 0 ? e.withPosition(e.position() + start) : e;
        }
        if (explained.size() != 1 || !(explained.get(0) instanceof PlannableStatement statement)) {
            throw new PgException(SqlState.SYNTAX_ERROR, "EXPLAIN needs exactly one SELECT, VALUES, INSERT, "
                    + "UPDATE, DELETE or CREATE TABLE statement");
        }
        return List.of(new ExplainStatement(sql.strip(), statement, analyze, verbose));
    }

    /** Reads an option's optional boolean value; FORMAT takes TEXT only. */
    private static boolean optionValue(CopyTokens options, String option) {
        if (options.atEnd() || options.peekSymbol(',')) {
            return true;
        }
        String value = options.peekString() ? options.string() : options.word();
        if (option.equals("format")) {
            if (!value.equalsIgnoreCase("text")) {
                throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "EXPLAIN supports FORMAT TEXT only");
            }
            return true;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "on", "1", "yes" -> true;
            case "false", "off", "0", "no" -> false;
            default -> throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                    option.toUpperCase(Locale.ROOT) + " requires a Boolean value");
        };
    }
}
