package org.modgres.api.sql;

import java.util.Objects;

/** {@code CHECKPOINT}: writes everything committed so far to the data files now, for superusers. */
public record CheckpointStatement(String text) implements Statement {

    public CheckpointStatement {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public StatementKind kind() {
        return StatementKind.CHECKPOINT;
    }
}
