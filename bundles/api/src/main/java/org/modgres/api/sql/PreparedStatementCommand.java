package org.modgres.api.sql;

import java.util.List;
import java.util.Objects;

/**
 * The SQL-level prepared statements: PREPARE, EXECUTE and DEALLOCATE. They share their names with
 * the statements a client prepares with the protocol's Parse message, as in PostgreSQL.
 */
public sealed interface PreparedStatementCommand extends Statement {

    /** Returns the prepared statement's name; null for {@code DEALLOCATE ALL}. */
    String name();

    /**
     * {@code PREPARE name [(type, ...)] AS statement}.
     *
     * @param parameterTypes the declared parameter types as written ({@code int}, {@code varchar(10)}),
     *                       by position; parameters beyond them have their types inferred
     */
    record Prepare(String text, String name, List<String> parameterTypes, PlannableStatement statement)
            implements PreparedStatementCommand {
        public Prepare {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(name, "name");
            parameterTypes = List.copyOf(parameterTypes);
            Objects.requireNonNull(statement, "statement");
        }

        @Override
        public StatementKind kind() {
            return StatementKind.PREPARE;
        }
    }

    /**
     * {@code EXECUTE name [(argument, ...)]}: runs the prepared statement with the arguments, each
     * an expression as written, as its parameters. Its command tag is the executed statement's.
     */
    record Execute(String text, String name, List<String> arguments) implements PreparedStatementCommand {
        public Execute {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(name, "name");
            arguments = List.copyOf(arguments);
        }

        @Override
        public StatementKind kind() {
            return StatementKind.EXECUTE;
        }
    }

    /** {@code DEALLOCATE [PREPARE] name}, or {@code DEALLOCATE ALL} with a null name. */
    record Deallocate(String text, String name) implements PreparedStatementCommand {
        public Deallocate {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public StatementKind kind() {
            return StatementKind.DEALLOCATE;
        }
    }
}
