package org.modgres.api.sql;

import java.util.Objects;

/**
 * A query, DML or DDL statement that goes through a planner and an executor.
 *
 * @param text           the statement's own text
 * @param kind           what it does
 * @param syntaxTree     the parser's tree for it; for the Calcite-based parser an
 *                       {@code org.apache.calcite.sql.SqlNode} in which {@code $n} parameters are
 *                       {@code SqlDynamicParam}s with index n-1. A planner may change the tree while
 *                       validating it, so a statement is planned once; to plan again, parse again
 * @param parameterCount the highest {@code $n} the statement refers to
 */
public record PlannableStatement(String text, StatementKind kind, Object syntaxTree, int parameterCount)
        implements Statement {

    public PlannableStatement {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(syntaxTree, "syntaxTree");
    }
}
