package org.modgres.api.plan;

import java.util.List;
import java.util.Objects;

import org.modgres.api.sql.StatementKind;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.type.PgType;

/** {@code CREATE TABLE [IF NOT EXISTS]}. */
public record CreateTablePlan(String plannerName, TableDefinition definition, boolean ifNotExists,
                              long catalogVersion) implements Plan {

    public CreateTablePlan {
        Objects.requireNonNull(plannerName, "plannerName");
        Objects.requireNonNull(definition, "definition");
    }

    @Override
    public StatementKind kind() {
        return StatementKind.CREATE_TABLE;
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
