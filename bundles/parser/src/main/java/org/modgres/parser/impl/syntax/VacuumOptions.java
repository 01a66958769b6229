package org.modgres.parser.impl.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.VacuumStatement;

/**
 * Collects what a VACUUM or ANALYZE statement says and checks its options as PostgreSQL's
 * ExecVacuum does: the same option names, value checks, errors and messages.
 */
public final class VacuumOptions {

    /** PostgreSQL's limit on parallel vacuum workers (MAX_PARALLEL_WORKER_LIMIT). */
    private static final int MAX_PARALLEL_WORKERS = 1024;

    private final boolean vacuumCommand;
    private final List<VacuumStatement.Target> targets = new ArrayList<>();
    private boolean analyze;
    private boolean full;
    private boolean verbose;
    private boolean disablePageSkipping;
    private boolean parallel;

    /**
     * @param vacuumCommand true for VACUUM, false for ANALYZE
     */
    public VacuumOptions(boolean vacuumCommand) {
        this.vacuumCommand = vacuumCommand;
        this.analyze = !vacuumCommand;
    }

    /**
     * Takes one option, from the parenthesised list or a keyword of the older syntax.
     *
     * @param name  the option's name, lower case
     * @param value its value as written, or null when none was (which means true)
     * @param pos   where the name is, for the error about an unknown option
     */
    public void option(String name, String value, SqlParserPos pos) {
        switch (name) {
            case "verbose" -> verbose = isTrue(name, value);
            case "skip_locked" -> isTrue(name, value);
            default -> {
                if (!vacuumCommand) {
                    throw unrecognized("ANALYZE", name, pos);
                }
                vacuumOption(name, value, pos);
            }
        }
    }

    private void vacuumOption(String name, String value, SqlParserPos pos) {
        switch (name) {
            case "analyze" -> analyze = isTrue(name, value);
            case "full" -> full = isTrue(name, value);
            case "disable_page_skipping" -> disablePageSkipping = isTrue(name, value);
            case "freeze", "process_toast", "truncate" -> isTrue(name, value);
            case "index_cleanup" -> {
                if (value == null || !value.equalsIgnoreCase("auto")) {
                    isTrue(name, value);
                }
            }
            case "parallel" -> parallel = parallelWorkers(value, pos) > 0;
            default -> throw unrecognized("VACUUM", name, pos);
        }
    }

    /** Adds a table, with the columns to analyze or {@code null}. */
    public void target(SqlIdentifier table, SqlNodeList columns) {
        final List<String> columnNames = new ArrayList<>();
        if (columns != null) {
            for (SqlNode column : columns) {
                columnNames.add(((SqlIdentifier) column).getSimple());
            }
        }
        targets.add(new VacuumStatement.Target(table.names, columnNames));
    }

    /** Returns the statement, after the checks PostgreSQL makes of the options together. */
    public StatementBody build() {
        if (full && parallel) {
            throw new ParserException(SqlState.FEATURE_NOT_SUPPORTED, "VACUUM FULL cannot be performed in parallel",
                    null);
        }
        if (full && disablePageSkipping) {
            throw new ParserException(SqlState.FEATURE_NOT_SUPPORTED,
                    "VACUUM option DISABLE_PAGE_SKIPPING cannot be used with FULL", null);
        }
        if (!analyze && targets.stream().anyMatch(t -> !t.columns().isEmpty())) {
            throw new ParserException(SqlState.FEATURE_NOT_SUPPORTED,
                    "ANALYZE option must be specified when a column list is provided", null);
        }
        final boolean vacuum = vacuumCommand;
        final boolean gather = analyze;
        final boolean fullVacuum = full;
        final boolean talk = verbose;
        final List<VacuumStatement.Target> tables = List.copyOf(targets);
        return new StatementBody.Utility(text -> new VacuumStatement(text, vacuum, gather, fullVacuum, talk, tables));
    }

    /** Reads a Boolean option as PostgreSQL's defGetBoolean does; no value means true. */
    private static boolean isTrue(String name, String value) {
        if (value == null) {
            return true;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "on", "1" -> true;
            case "false", "off", "0" -> false;
            default -> throw new ParserException(SqlState.SYNTAX_ERROR, name + " requires a Boolean value", null);
        };
    }

    private static int parallelWorkers(String value, SqlParserPos pos) {
        final String range = "parallel option requires a value between 0 and " + MAX_PARALLEL_WORKERS;
        if (value == null) {
            throw new ParserException(SqlState.SYNTAX_ERROR, range, pos);
        }
        final int workers;
        try {
            workers = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ParserException(SqlState.SYNTAX_ERROR, "parallel requires an integer value", null);
        }
        if (workers < 0 || workers > MAX_PARALLEL_WORKERS) {
            throw new ParserException(SqlState.SYNTAX_ERROR,
                    "parallel workers for vacuum must be between 0 and " + MAX_PARALLEL_WORKERS, pos);
        }
        return workers;
    }

    private static ParserException unrecognized(String command, String name, SqlParserPos pos) {
        return new ParserException(SqlState.SYNTAX_ERROR,
                "unrecognized " + command + " option \"" + name + "\"", pos);
    }
}
