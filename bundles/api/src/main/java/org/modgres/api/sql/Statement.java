package org.modgres.api.sql;

/**
 * One parsed statement. Utility statements that change the session (transaction control,
 * SET, SHOW) are records the session manager handles itself; everything else is a
 * {@link PlannableStatement} for the planner.
 */
public sealed interface Statement
        permits PlannableStatement, TransactionStatement, SetStatement, ShowStatement, ResetStatement,
        CopyStatement {

    /** Returns the text of this statement alone, without the others sent with it. */
    String text();

    /** Returns the kind of the statement, which names its command tag. */
    StatementKind kind();
}
