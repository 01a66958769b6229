package org.modgres.api.sql;

import java.util.List;
import java.util.Objects;

/**
 * {@code ALTER TABLE [IF EXISTS] [ONLY] name action [, ...]} with the actions Modgres supports;
 * parsers refuse the others.
 *
 * @param table    the table as written, one to three names ([[database,] schema,] name)
 * @param ifExists true for IF EXISTS: a missing table is a notice, not an error
 * @param actions  what to change, in order
 */
public record AlterTableStatement(String text, List<String> table, boolean ifExists,
                                  List<AlterTableStatement.Action> actions)
        implements Statement {

    /** One change to the table. */
    public sealed interface Action permits AddPrimaryKey, SetDefault {
    }

    /**
     * {@code ALTER [COLUMN] column SET DEFAULT expression} or {@code DROP DEFAULT}.
     *
     * @param column     the column
     * @param expression the default as {@link org.modgres.api.storage.ColumnInfo#defaultExpression()}
     *                   keeps it, or null for DROP DEFAULT
     */
    public record SetDefault(String column, String expression) implements Action {

        public SetDefault {
            Objects.requireNonNull(column, "column");
        }
    }

    /**
     * {@code ADD [CONSTRAINT name] PRIMARY KEY (columns)}.
     *
     * @param constraintName the name written, or null; the storage names primary keys
     *                       {@code table_pkey} whatever was written
     * @param columns        the key's columns, in order
     */
    public record AddPrimaryKey(String constraintName, List<String> columns) implements Action {

        public AddPrimaryKey {
            columns = List.copyOf(columns);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("a primary key needs columns");
            }
        }
    }

    public AlterTableStatement {
        Objects.requireNonNull(text, "text");
        table = List.copyOf(table);
        actions = List.copyOf(actions);
        if (table.isEmpty() || actions.isEmpty()) {
            throw new IllegalArgumentException("ALTER TABLE needs a table and an action");
        }
    }

    @Override
    public StatementKind kind() {
        return StatementKind.ALTER_TABLE;
    }
}
