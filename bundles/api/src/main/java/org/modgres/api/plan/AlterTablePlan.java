package org.modgres.api.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.calcite.rel.RelNode;
import org.modgres.api.sql.StatementKind;
import org.modgres.api.storage.ColumnInfo;
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
    public sealed interface Action permits AddPrimaryKey, AddConstraint, DropConstraint, SetDefault, SetNotNull,
            AddColumn, DropColumn, RenameColumn, RenameTable {
    }

    /**
     * {@code ADD [COLUMN] [IF NOT EXISTS] column ...}: the column is added nullable, the rows get
     * its default, and then it becomes NOT NULL if declared so; its constraints follow as actions
     * of their own.
     *
     * @param column       the column as declared, with its default's text
     * @param ifNotExists  true for IF NOT EXISTS: a column of that name is a notice, not an error
     * @param sequence     for a SERIAL column, the sequence to create and own, whose name its
     *                     default calls; null otherwise
     * @param defaultValue the default as a projection over the table's rows (with the new column),
     *                     as {@link RelationalPlan#checks()} projects conditions; null without one
     * @param perRow       true when the default must be computed for each row (it calls a volatile
     *                     function such as nextval), false when once for all
     */
    public record AddColumn(ColumnInfo column, boolean ifNotExists,
                            CreateTablePlan.OwnedSequence sequence, RelNode defaultValue, boolean perRow)
            implements Action {

        public AddColumn {
            Objects.requireNonNull(column, "column");
        }
    }

    /**
     * {@code DROP [COLUMN] [IF EXISTS] column [CASCADE | RESTRICT]}.
     *
     * @param checks the table's CHECK constraints that read the column, which go with it
     */
    public record DropColumn(String column, boolean ifExists, boolean cascade, List<String> checks)
            implements Action {

        public DropColumn {
            Objects.requireNonNull(column, "column");
            checks = List.copyOf(checks);
        }
    }

    /**
     * {@code RENAME [COLUMN] column TO newName}.
     *
     * @param checks the new text of each CHECK constraint that names the column, by constraint name
     */
    public record RenameColumn(String column, String newName, Map<String, String> checks)
            implements Action {

        public RenameColumn {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(newName, "newName");
            checks = Map.copyOf(checks);
        }
    }

    /** {@code RENAME TO newName}. */
    public record RenameTable(String newName) implements Action {

        public RenameTable {
            Objects.requireNonNull(newName, "newName");
        }
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
