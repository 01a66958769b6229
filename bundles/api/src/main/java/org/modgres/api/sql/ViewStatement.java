package org.modgres.api.sql;

import java.util.List;
import java.util.Objects;

/** CREATE VIEW and DROP VIEW. Names are as written, one to three parts ([[database,] schema,] name). */
public sealed interface ViewStatement extends Statement {

    /**
     * {@code CREATE [OR REPLACE] VIEW name [(column, ...)] AS query}.
     *
     * @param columns the column names given, possibly fewer than the query's columns; empty when none are
     * @param query   the query, parsed, for a planner
     */
    record Create(String text, boolean orReplace, List<String> name, List<String> columns,
                  PlannableStatement query) implements ViewStatement {

        public Create {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(query, "query");
            name = List.copyOf(name);
            columns = List.copyOf(columns);
        }

        @Override
        public StatementKind kind() {
            return StatementKind.CREATE_VIEW;
        }
    }

    /** {@code DROP VIEW [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
    record Drop(String text, boolean ifExists, List<List<String>> names, boolean cascade) implements ViewStatement {

        public Drop {
            Objects.requireNonNull(text, "text");
            names = names.stream().map(List::copyOf).toList();
        }

        @Override
        public StatementKind kind() {
            return StatementKind.DROP_VIEW;
        }
    }
}
