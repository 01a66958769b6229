package org.modgres.api.plan;

import java.util.ArrayList;
import java.util.Collections;

import java.util.List;
import java.util.Objects;

import org.apache.calcite.rel.RelNode;
import org.modgres.api.sql.StatementKind;
import org.modgres.api.type.PgType;

/**
 * A query or DML statement as Calcite relational algebra: the one place where a Calcite type is
 * part of the API, so that any planner's output can be run by any executor. Tables are
 * {@code TableScan}s whose qualified name is {@code [schema, table]}; {@code $n} parameters are
 * {@code RexDynamicParam}s with index n-1; INSERT, UPDATE and DELETE are a {@code TableModify} at
 * the root.
 *
 * <p>For DML, {@link #columns()} describes the rows of RETURNING, and is empty without it; the
 * command tag still counts the rows changed.
 *
 * @param returning  for DML with RETURNING, what each changed row returns: {@code Project} and
 *                   {@code Filter} nodes over a {@code TableScan} of the target table, which stands
 *                   for the changed row (the new row of an INSERT or UPDATE, the old row of a
 *                   DELETE); the executor evaluates it once per changed row. Null without RETURNING
 * @param onConflict for {@code INSERT ... ON CONFLICT}, what to do with a proposed row whose key is
 *                   taken; null otherwise
 * @param literalParameters the values of the parameters the planner made of the statement's literals
 *                   (see {@link PlanningContext#sharesPlansAcrossLiterals()}), which follow the
 *                   client's: the executor runs the plan with the client's parameters and then these
 * @param checks     for INSERT and UPDATE of a table with CHECK constraints, a {@code Project} over a
 *                   {@code TableScan} of the target table, which stands for each new row, with one
 *                   boolean column per constraint, named after it, in the order of the names: the
 *                   executor refuses a row for which one is FALSE before storing it. Null otherwise
 * @param rowLocking for {@code SELECT ... FOR UPDATE / SHARE}, how the rows of the one table the
 *                   query reads are locked; the root is then projections over an optional
 *                   {@code Sort} (ORDER BY, LIMIT, OFFSET) over the filtered rows of that table.
 *                   Null otherwise
 */
public record RelationalPlan(StatementKind kind, String plannerName, RelNode root, List<ResultColumn> columns,
                             List<PgType> parameterTypes, long catalogVersion, RelNode returning,
                             OnConflict onConflict, List<Object> literalParameters, RelNode checks,
                             RowLocking rowLocking) implements Plan {

    public RelationalPlan {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(plannerName, "plannerName");
        Objects.requireNonNull(root, "root");
        columns = List.copyOf(columns);
        parameterTypes = List.copyOf(parameterTypes);
        literalParameters = Collections.unmodifiableList(new ArrayList<>(literalParameters));
    }

    /** A plan that locks no rows. */
    public RelationalPlan(StatementKind kind, String plannerName, RelNode root, List<ResultColumn> columns,
                          List<PgType> parameterTypes, long catalogVersion, RelNode returning,
                          OnConflict onConflict, List<Object> literalParameters, RelNode checks) {
        this(kind, plannerName, root, columns, parameterTypes, catalogVersion, returning, onConflict,
                literalParameters, checks, null);
    }

    /** A plan without CHECK constraints to enforce. */
    public RelationalPlan(StatementKind kind, String plannerName, RelNode root, List<ResultColumn> columns,
                          List<PgType> parameterTypes, long catalogVersion, RelNode returning,
                          OnConflict onConflict, List<Object> literalParameters) {
        this(kind, plannerName, root, columns, parameterTypes, catalogVersion, returning, onConflict,
                literalParameters, null);
    }

    /** A plan with RETURNING or ON CONFLICT and no parameters made of literals. */
    public RelationalPlan(StatementKind kind, String plannerName, RelNode root, List<ResultColumn> columns,
                          List<PgType> parameterTypes, long catalogVersion, RelNode returning,
                          OnConflict onConflict) {
        this(kind, plannerName, root, columns, parameterTypes, catalogVersion, returning, onConflict, List.of());
    }

    /** Returns this plan for a statement whose literals have other values. */
    public RelationalPlan withLiteralParameters(List<Object> values) {
        return new RelationalPlan(kind, plannerName, root, columns, parameterTypes, catalogVersion, returning,
                onConflict, values, checks, rowLocking);
    }

    /** Returns this plan with the CHECK constraints of its target table to enforce, see {@link #checks()}. */
    public RelationalPlan withChecks(RelNode checkConstraints) {
        return new RelationalPlan(kind, plannerName, root, columns, parameterTypes, catalogVersion, returning,
                onConflict, literalParameters, checkConstraints, rowLocking);
    }

    /** Returns this plan locking the rows it reads, see {@link #rowLocking()}. */
    public RelationalPlan withRowLocking(RowLocking locking) {
        return new RelationalPlan(kind, plannerName, root, columns, parameterTypes, catalogVersion, returning,
                onConflict, literalParameters, checks, locking);
    }

    /** A query, or DML without RETURNING and ON CONFLICT. */
    public RelationalPlan(StatementKind kind, String plannerName, RelNode root, List<ResultColumn> columns,
                          List<PgType> parameterTypes, long catalogVersion) {
        this(kind, plannerName, root, columns, parameterTypes, catalogVersion, null, null);
    }
}
