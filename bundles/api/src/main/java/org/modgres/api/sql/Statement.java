package org.modgres.api.sql;

/**
 * One parsed statement. Utility statements (transaction control and savepoints, SET, SHOW,
 * COPY, TRUNCATE, VACUUM, ALTER TABLE, EXPLAIN, cursors, PREPARE and EXECUTE, ...) are records
 * the session manager handles itself, as PostgreSQL's ProcessUtility does; everything else is a
 * {@link PlannableStatement} for the planner.
 */
public sealed interface Statement
        permits PlannableStatement, TransactionStatement, SavepointStatement, SetStatement, ShowStatement,
        ResetStatement, CopyStatement, TruncateStatement, VacuumStatement,
        ExplainStatement, RoleStatement, SequenceStatement, CursorStatement, GrantStatement,
        PreparedStatementCommand, DiscardStatement, IndexStatement, SchemaStatement, ViewStatement,
        LockStatement, DefaultPrivilegesStatement, CheckpointStatement, OwnerStatement, CommentStatement {

    /** Returns the text of this statement alone, without the others sent with it. */
    String text();

    /** Returns the kind of the statement, which names its command tag. */
    StatementKind kind();
}
