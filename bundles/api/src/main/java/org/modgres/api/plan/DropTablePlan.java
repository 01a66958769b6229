package org.modgres.api.plan;

import java.util.List;
import java.util.Objects;

import org.modgres.api.sql.StatementKind;
import org.modgres.api.type.PgType;

/**
 * {@code DROP TABLE [IF EXISTS] a, b, ... [CASCADE | RESTRICT]}.
 *
 * @param tables  the tables, each as {@code [schema, name]}
 * @param cascade true for CASCADE: the foreign keys of other tables and the views that need a
 *                table are dropped with it
 */
public record DropTablePlan(String plannerName, List<List<String>> tables, boolean ifExists,
                            long catalogVersion, boolean cascade) implements Plan {

    /** DROP TABLE without CASCADE. */
    public DropTablePlan(String plannerName, List<List<String>> tables, boolean ifExists, long catalogVersion) {
        this(plannerName, tables, ifExists, catalogVersion, false);
    }

    public DropTablePlan {
        Objects.requireNonNull(plannerName, "plannerName");
        tables = List.copyOf(tables);
    }

    @Override
    public StatementKind kind() {
        return StatementKind.DROP_TABLE;
    }

    @Override
    public List<ResultColumn> columns() {
        return List.of();
    }

    @Override
    public List<PgType> parameterTypes() {
        return List.of();
    }
}
