package org.modgres.parser.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.CopyOptions;
import org.modgres.api.sql.CopyStatement;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.Statement;

/**
 * Reads COPY statements, which Calcite's grammar has no place for: a query string that is one
 * COPY statement is parsed here, its query (for {@code COPY (query) TO STDOUT}) by the main
 * grammar. Both PostgreSQL option syntaxes are accepted: {@code WITH (FORMAT csv, HEADER)} and
 * the older {@code WITH CSV HEADER DELIMITER ','}.
 */
final class CopyCommandParser {

    private final String sql;
    private final CopyTokens tokens;
    private final Function<String, List<Statement>> queryParser;

    private CopyCommandParser(String sql, Function<String, List<Statement>> queryParser) {
        this.sql = sql;
        this.tokens = new CopyTokens(sql);
        this.queryParser = queryParser;
    }

    /** Parses a string holding one COPY statement, with an optional trailing semicolon. */
    static List<Statement> parse(String sql, Function<String, List<Statement>> queryParser) {
        return List.of(new CopyCommandParser(sql, queryParser).copy());
    }

    private CopyStatement copy() {
        int start = tokens.position();
        tokens.expectWord("copy");
        List<String> table = null;
        List<String> columns = List.of();
        PlannableStatement query = null;
        if (tokens.peekSymbol('(')) {
            query = innerQuery();
        } else {
            table = tokens.qualifiedName();
            if (tokens.peekSymbol('(')) {
                columns = nameList();
            }
        }
        boolean from;
        if (tokens.acceptWord("from")) {
            from = true;
            if (query != null) {
                throw syntaxError("COPY (query) FROM is not possible: COPY FROM needs a table");
            }
            requireClientSide("stdin");
        } else if (tokens.acceptWord("to")) {
            from = false;
            requireClientSide("stdout");
        } else {
            throw tokens.unexpected();
        }
        CopyOptions options = options();
        tokens.acceptSymbol(';');
        if (!tokens.atEnd()) {
            throw tokens.unexpected();
        }
        return new CopyStatement(sql.substring(start).trim(), table, columns, query, from, options);
    }

    private void requireClientSide(String stream) {
        if (!tokens.acceptWord(stream)) {
            if (tokens.peekString() || tokens.peekWord("program")) {
                throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                        "COPY to or from a file or program is not supported; use psql's \\copy");
            }
            throw tokens.unexpected();
        }
    }

    private PlannableStatement innerQuery() {
        String text = tokens.parenthesised();
        List<Statement> parsed;
        try {
            parsed = queryParser.apply(text);
        } catch (PgException e) {
            int offset = sql.indexOf(text);
            throw e.position() > 0 && offset >= 0 ? e.withPosition(e.position() + offset) : e;
        }
        if (parsed.size() != 1 || !(parsed.get(0) instanceof PlannableStatement p)) {
            throw syntaxError("COPY (query) needs exactly one SELECT, VALUES or DML query");
        }
        return p;
    }


    private List<String> nameList() {
        tokens.expectSymbol('(');
        List<String> names = new ArrayList<>();
        do {
            names.add(tokens.name());
        } while (tokens.acceptSymbol(','));
        tokens.expectSymbol(')');
        return names;
    }

    private CopyOptions options() {
        CopyOptionsBuilder builder = new CopyOptionsBuilder();
        tokens.acceptWord("with");
        if (tokens.acceptSymbol('(')) {
            do {
                builder.set(tokens.word(), optionValue());
            } while (tokens.acceptSymbol(','));
            tokens.expectSymbol(')');
            return builder.build();
        }
        while (!tokens.atEnd() && !tokens.peekSymbol(';')) {
            // PostgreSQL's grammar has the older options as keywords: anything else is a syntax error there
            PgException unexpected = tokens.unexpected();
            String word = tokens.word();
            switch (word) {
                case "binary", "csv" -> builder.set("format", word);
                case "header", "freeze" -> builder.set(word, "true");
                case "delimiter", "null", "quote", "escape" -> {
                    tokens.acceptWord("as");
                    builder.set(word, tokens.string());
                }
                case "force" -> throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                        "COPY FORCE options are not supported yet");
                default -> throw unexpected;
            }
        }
        return builder.build();
    }

    /** Reads an option's value: a word, a string or a number; absent (a bare option) means true. */
    private String optionValue() {
        if (tokens.peekSymbol(',') || tokens.peekSymbol(')')) {
            return "true";
        }
        return tokens.peekString() ? tokens.string() : tokens.word();
    }

    private static PgException syntaxError(String message) {
        return new PgException(SqlState.SYNTAX_ERROR, Severity.ERROR, message, null, null, 0, null);
    }

    /** Collects option values and checks them as PostgreSQL's ProcessCopyOptions does. */
    private static final class CopyOptionsBuilder {
        private String format = "text";
        private String delimiter;
        private String nullString;
        private boolean header;
        private String quote;
        private String escape;

        void set(String option, String value) {
            switch (option.toLowerCase(Locale.ROOT)) {
                case "format" -> format = value.toLowerCase(Locale.ROOT);
                case "delimiter" -> delimiter = value;
                case "null" -> nullString = value;
                case "header" -> header = isTrue(option, value);
                case "quote" -> quote = value;
                case "escape" -> escape = value;
                case "freeze" -> isTrue(option, value);
                case "encoding" -> {
                    String encoding = value.toUpperCase(Locale.ROOT).replace("-", "");
                    if (!encoding.equals("UTF8")) {
                        throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                                "COPY encoding \"" + value + "\" is not supported; only UTF8 is");
                    }
                }
                default -> throw new PgException(SqlState.SYNTAX_ERROR,
                        "option \"" + option + "\" not recognized");
            }
        }

        private static boolean isTrue(String option, String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "on", "1", "yes" -> true;
                case "false", "off", "0", "no" -> false;
                default -> throw new PgException(SqlState.SYNTAX_ERROR,
                        option + " requires a Boolean value");
            };
        }

        CopyOptions build() {
            CopyOptions defaults = switch (format) {
                case "text" -> CopyOptions.textDefaults();
                case "csv" -> CopyOptions.csvDefaults();
                case "binary" -> CopyOptions.binaryDefaults();
                default -> throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                        "COPY format \"" + format + "\" not recognized");
            };
            if (defaults.binary()) {
                checkBinary();
            }
            char delimiterChar = single("COPY delimiter", delimiter, defaults.delimiter());
            char quoteChar = single("COPY quote", quote, defaults.quote());
            char escapeChar = single("COPY escape", escape, quoteChar);
            if (!defaults.csv() && (quote != null || escape != null)) {
                throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                        "COPY " + (quote != null ? "quote" : "escape") + " available only in CSV mode");
            }
            return new CopyOptions(defaults.csv(), delimiterChar, nullString == null ? defaults.nullString()
                    : nullString, header, quoteChar, escapeChar, defaults.binary());
        }

        /** The options the binary format has no use for, refused in the order PostgreSQL checks them. */
        private void checkBinary() {
            if (delimiter != null) {
                throw new PgException(SqlState.SYNTAX_ERROR, "cannot specify DELIMITER in BINARY mode");
            }
            if (nullString != null) {
                throw new PgException(SqlState.SYNTAX_ERROR, "cannot specify NULL in BINARY mode");
            }
            if (header) {
                throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "cannot specify HEADER in BINARY mode");
            }
        }

        private static char single(String what, String value, char fallback) {
            if (value == null) {
                return fallback;
            }
            if (value.length() != 1 || value.charAt(0) > 127) {
                throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                        what + " must be a single one-byte character");
            }
            return value.charAt(0);
        }
    }
}
