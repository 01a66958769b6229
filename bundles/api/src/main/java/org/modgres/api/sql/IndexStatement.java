package org.modgres.api.sql;

import java.util.List;
import java.util.Objects;

/** CREATE INDEX and DROP INDEX. Names are as written, one to three parts ([[database,] schema,] name). */
public sealed interface IndexStatement extends Statement {

    /**
     * {@code CREATE [UNIQUE] INDEX [IF NOT EXISTS] [name] ON table (column, ...)}.
     *
     * @param name    the index's name, or null when the statement gives none
     * @param columns the indexed columns' names, in index order
     */
    record Create(String text, boolean unique, boolean ifNotExists, String name, List<String> table,
                  List<String> columns) implements IndexStatement {

        public Create {
            Objects.requireNonNull(text, "text");
            table = List.copyOf(table);
            columns = List.copyOf(columns);
        }

        @Override
        public StatementKind kind() {
            return StatementKind.CREATE_INDEX;
        }
    }

    /** {@code DROP INDEX [IF EXISTS] name [, ...]}. */
    record Drop(String text, boolean ifExists, List<List<String>> names) implements IndexStatement {

        public Drop {
            Objects.requireNonNull(text, "text");
            names = names.stream().map(List::copyOf).toList();
        }

        @Override
        public StatementKind kind() {
            return StatementKind.DROP_INDEX;
        }
    }
}
