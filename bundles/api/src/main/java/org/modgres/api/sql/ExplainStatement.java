package org.modgres.api.sql;

import java.util.Objects;

/**
 * {@code EXPLAIN [ANALYZE] [VERBOSE] statement}, or with PostgreSQL's parenthesised options:
 * shows the plan the serving planner makes for the statement, and with ANALYZE runs it too.
 *
 * @param text      the whole EXPLAIN statement
 * @param explained the statement whose plan is shown
 * @param analyze   whether the statement is also run, reporting its rows and time
 * @param verbose   whether more detail is asked for
 */
public record ExplainStatement(String text, PlannableStatement explained, boolean analyze, boolean verbose)
        implements Statement {

    public ExplainStatement {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(explained, "explained");
    }

    @Override
    public StatementKind kind() {
        return StatementKind.EXPLAIN;
    }
}
