package org.modgres.api.plan;

import java.util.List;
import java.util.Objects;

import org.apache.calcite.rel.RelNode;
import org.modgres.api.sql.StatementKind;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.type.PgType;

/**
 * {@code ALTER TABLE [IF EXISTS] name action [, ...]}: the actions in the order written, each
 * checked against the table as the actions before it leave it.
 *
 * @param table    the table as {@code [schema, name]}
 * @param ifExists true for IF EXISTS: a missing table is a notice, not an error
 */
public record AlterTablePlan(String plannerName, List<String> table, boolean ifExists, List<Action> actions,
                             long catalogVersion) implements Plan {

    /** One change to the table. */
    public sealed interface Action permits AddPrimaryKey, AddConstraint, DropConstraint, SetDefault, SetNotNull {
    }

    /** {@code ADD [CONSTRAINT name] PRIMARY KEY (columns)}; the key is always named {@code table_pkey}. */
    public record AddPrimaryKey(List<String> columns) implements Action {

        public AddPrimaryKey {
            columns = List.copyOf(columns);
        }
    }

    /**
     * {@code ADD [CONSTRAINT name] UNIQUE | CHECK | FOREIGN KEY ...}: the rows already in the table
     * must satisfy it.
     *
     * @param constraint the constraint, named
     * @param checks     for a CHECK constraint, its condition as {@link RelationalPlan#checks()}
     *                   carries conditions, to run over the table's rows; null otherwise
     */
    public record AddConstraint(TableConstraint constraint, RelNode checks) implements Action {

        public AddConstraint {
            Objects.requireNonNull(constraint, "constraint");
        }
    }

    /**
     * {@code DROP CONSTRAINT [IF EXISTS] name [CASCADE | RESTRICT]}.
     *
     * @param cascade true to drop the foreign keys of other tables that need a dropped key
     */
    public record DropConstraint(String name, boolean ifExists, boolean cascade) implements Action {

        public DropConstraint {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * {@code ALTER [COLUMN] column SET DEFAULT expression | DROP DEFAULT}.
     *
     * @param expression the default as {@link org.modgres.api.storage.ColumnInfo#defaultExpression()}
     *                   keeps it, or null for DROP DEFAULT
     */
    public record SetDefault(String column, String expression) implements Action {

        public SetDefault {
            Objects.requireNonNull(column, "column");
        }
    }

    /** {@code ALTER [COLUMN] column SET NOT NULL} ({@code notNull} true) or {@code DROP NOT NULL}. */
    public record SetNotNull(String column, boolean notNull) implements Action {

        public SetNotNull {
            Objects.requireNonNull(column, "column");
        }
    }

    public AlterTablePlan {
        Objects.requireNonNull(plannerName, "plannerName");
        table = List.copyOf(table);
        actions = List.copyOf(actions);
    }

    @Override
    public StatementKind kind() {
        return StatementKind.ALTER_TABLE;
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
