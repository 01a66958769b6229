package org.modgres.api.plan;

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
 */
public record RelationalPlan(StatementKind kind, String plannerName, RelNode root, List<ResultColumn> columns,
                             List<PgType> parameterTypes, long catalogVersion) implements Plan {

    public RelationalPlan {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(plannerName, "plannerName");
        Objects.requireNonNull(root, "root");
        columns = List.copyOf(columns);
        parameterTypes = List.copyOf(parameterTypes);
    }
}
