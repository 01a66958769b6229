package org.modgres.api.sql;

import java.util.List;
import java.util.Objects;

/**
 * {@code VACUUM [FULL] [FREEZE] [VERBOSE] [ANALYZE] [table [(columns)], ...]},
 * {@code VACUUM (option [value], ...) [tables]} or {@code ANALYZE [VERBOSE] [tables]}, with the
 * options PostgreSQL checks already checked. Options that only tune how PostgreSQL's heap is
 * vacuumed (FREEZE, INDEX_CLEANUP, PARALLEL and the like) are accepted and not kept.
 *
 * @param vacuum  true for VACUUM, false for ANALYZE alone
 * @param analyze true when the tables' statistics are to be gathered (ANALYZE, VACUUM ANALYZE)
 * @param full    true for VACUUM FULL
 * @param verbose true for VERBOSE
 * @param targets the tables named; empty for every table
 */
public record VacuumStatement(String text, boolean vacuum, boolean analyze, boolean full, boolean verbose,
                              List<Target> targets) implements Statement {

    /**
     * One table of the statement.
     *
     * @param table   the table as written, one to three names ([[database,] schema,] name)
     * @param columns the columns to analyze, empty for all of them; only with ANALYZE
     */
    public record Target(List<String> table, List<String> columns) {

        public Target {
            table = List.copyOf(table);
            columns = List.copyOf(columns);
            if (table.isEmpty()) {
                throw new IllegalArgumentException("a target needs a table name");
            }
        }
    }

    public VacuumStatement {
        Objects.requireNonNull(text, "text");
        targets = List.copyOf(targets);
        if (!vacuum && !analyze) {
            throw new IllegalArgumentException("neither VACUUM nor ANALYZE");
        }
    }

    @Override
    public StatementKind kind() {
        return vacuum ? StatementKind.VACUUM : StatementKind.ANALYZE;
    }
}
