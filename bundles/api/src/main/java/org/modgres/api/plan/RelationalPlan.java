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
 * @param viewsRead  the views the statement reads, each as the OIDs of the chain of views it is
 *                   read through, innermost first: the view itself, then the view whose query
 *                   names it, and so on up to a view the statement names. A view is listed even
 *                   when it reads no table, so that the privileges on it are checked although no
 *                   scan of the plan carries it
 */
public record RelationalPlan(StatementKind kind, String plannerName, RelNode root, List<ResultColumn> columns,
                             List<PgType> parameterTypes, long catalogVersion, RelNode returning,
                             OnConflict onConflict, List<Object> literalParameters, RelNode checks,
                             RowLocking rowLocking, List<List<Long>> viewsRead) implements Plan {

    public RelationalPlan {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(plannerName, "plannerName");
        Objects.requireNonNull(root, "root");
        columns = List.copyOf(columns);
        parameterTypes = List.copyOf(parameterTypes);
        literalParameters = Collections.unmodifiableList(new ArrayList<>(literalParameters));
        viewsRead = viewsRead.stream().map(List::copyOf).toList();
    }

    /** A plan that reads no view. */
    public RelationalPlan(StatementKind kind, String plannerName, RelNode root, List<ResultColumn> columns,
                          List<PgType> parameterTypes, long catalogVersion, RelNode returning,
                          OnConflict onConflict, List<Object> literalParameters, RelNode checks,
                          RowLocking rowLocking) {
        this(kind, plannerName, root, columns, parameterTypes, catalogVersion, returning, onConflict,
                literalParameters, checks, rowLocking, List.of());
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
                onConflict, values, checks, rowLocking, viewsRead);
    }

    /** Returns this plan with the CHECK constraints of its target table to enforce, see {@link #checks()}. */
    public RelationalPlan withChecks(RelNode checkConstraints) {
        return new RelationalPlan(kind, plannerName, root, columns, parameterTypes, catalogVersion, returning,
                onConflict, literalParameters, checkConstraints, rowLocking, viewsRead);
    }

    /** Returns this plan locking the rows it reads, see {@link #rowLocking()}. */
    public RelationalPlan withRowLocking(RowLocking locking) {
        return new RelationalPlan(kind, plannerName, root, columns, parameterTypes, catalogVersion, returning,
                onConflict, literalParameters, checks, locking, viewsRead);
    }

    /** Returns this plan reading these views, see {@link #viewsRead()}. */
    public RelationalPlan withViewsRead(List<List<Long>> views) {
        return new RelationalPlan(kind, plannerName, root, columns, parameterTypes, catalogVersion, returning,
                onConflict, literalParameters, checks, rowLocking, views);
    }

    /** A query, or DML without RETURNING and ON CONFLICT. */
    public RelationalPlan(StatementKind kind, String plannerName, RelNode root, List<ResultColumn> columns,
                          List<PgType> parameterTypes, long catalogVersion) {
        this(kind, plannerName, root, columns, parameterTypes, catalogVersion, null, null);
    }
}
