package org.modgres.api.sql;

import java.util.Objects;

/**
 * A query, DML or DDL statement that goes through a planner and an executor.
 *
 * @param text           the statement's own text
 * @param kind           what it does
 * @param syntaxTree     the parser's tree for it, or null when the statement was not parsed because a
 *                       planner already had its plan ({@link org.modgres.api.plan.Planner#planShared}):
 *                       to plan it, parse its text. For the Calcite-based parser an
 *                       {@code org.apache.calcite.sql.SqlNode} in which {@code $n} parameters are
 *                       {@code SqlDynamicParam}s with index n-1. A planner may change the tree while
 *                       validating it, so a statement is planned once; to plan again, parse again.
 *                       PostgreSQL syntax that Calcite's nodes have no place for is shaped so:
 *                       <ul>
 *                         <li>INSERT, UPDATE and DELETE with RETURNING or ON CONFLICT: a
 *                             {@code SqlNodeList} of [the {@code SqlInsert}/{@code SqlUpdate}/
 *                             {@code SqlDelete}, the RETURNING items as a select list (empty without
 *                             RETURNING)], then, for ON CONFLICT, [the conflict target columns
 *                             (identifiers, possibly none)], then, for DO UPDATE, [a {@code SqlUpdate}
 *                             of the target table with the SET columns and expressions and the WHERE
 *                             condition, where {@code excluded.c} names the proposed row's column c]:
 *                             two elements for RETURNING alone, three for DO NOTHING, four for
 *                             DO UPDATE;</li>
 *                         <li>ALTER TABLE: a call of an operator named {@code "ALTER TABLE"} with the
 *                             table, IF EXISTS and the actions, each a {@code SqlCreateTable} of the
 *                             table holding what ADD adds, or a call named after the action
 *                             ({@code "DROP CONSTRAINT"}, {@code "DROP COLUMN"}, {@code "RENAME COLUMN"},
 *                             {@code "RENAME TO"}, {@code "SET DEFAULT"}, {@code "SET NOT NULL"});</li>
 *                         <li>{@code SELECT ... FOR UPDATE | NO KEY UPDATE | SHARE | KEY SHARE}: a call of
 *                             an operator named {@code "ROW LOCKING"} with the query, the strength and
 *                             {@code WAIT}, {@code NOWAIT} or {@code SKIP_LOCKED} (character literals)
 *                             and the tables of OF;</li>
 *                         <li>DROP TABLE: a {@code SqlNodeList} of {@code SqlDropTable}s, followed by
 *                             the character literal {@code CASCADE} for CASCADE;</li>
 *                         <li>{@code SELECT DISTINCT ON (a, b)}: a {@code SqlSelect} without the
 *                             DISTINCT keyword whose QUALIFY slot holds a call of an operator named
 *                             {@code "DISTINCT ON"} with the operands a and b.</li>
 *                       </ul>
 * @param parameterCount the highest {@code $n} the statement refers to
 */
public record PlannableStatement(String text, StatementKind kind, Object syntaxTree, int parameterCount)
        implements Statement {

    public PlannableStatement {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
    }
}
