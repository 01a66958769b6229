package org.modgres.api.sql;

import java.util.List;
import java.util.Objects;

/** CREATE SCHEMA and DROP SCHEMA. */
public sealed interface SchemaStatement extends Statement {

    /**
     * {@code CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role]}.
     *
     * @param name          the schema's name; null when only AUTHORIZATION names it (the role's name)
     * @param authorization the role named by AUTHORIZATION, or null
     */
    record Create(String text, boolean ifNotExists, String name, String authorization) implements SchemaStatement {

        public Create {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public StatementKind kind() {
            return StatementKind.CREATE_SCHEMA;
        }
    }

    /** {@code DROP SCHEMA [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
    record Drop(String text, boolean ifExists, List<String> names, boolean cascade) implements SchemaStatement {

        public Drop {
            Objects.requireNonNull(text, "text");
            names = List.copyOf(names);
        }

        @Override
        public StatementKind kind() {
            return StatementKind.DROP_SCHEMA;
        }
    }
}
