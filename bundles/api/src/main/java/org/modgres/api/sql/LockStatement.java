package org.modgres.api.sql;

import java.util.List;
import java.util.Objects;

import org.modgres.api.storage.TableLockMode;

/**
 * {@code LOCK [TABLE] [ONLY] name [, ...] [IN mode MODE] [NOWAIT]}: takes table locks until the
 * transaction ends.
 *
 * @param tables the tables, each a possibly schema-qualified name
 * @param mode   the lock mode; ACCESS EXCLUSIVE when none is named
 * @param nowait whether to fail with 55P03 rather than wait
 */
public record LockStatement(String text, List<List<String>> tables, TableLockMode mode, boolean nowait)
        implements Statement {

    public LockStatement {
        Objects.requireNonNull(text, "text");
        tables = List.copyOf(tables);
        Objects.requireNonNull(mode, "mode");
    }

    @Override
    public StatementKind kind() {
        return StatementKind.LOCK_TABLE;
    }
}
