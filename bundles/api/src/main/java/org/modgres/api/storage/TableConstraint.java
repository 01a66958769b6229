package org.modgres.api.storage;

import java.util.List;
import java.util.Objects;

/**
 * A constraint of a table beyond NOT NULL and the primary key, as {@code pg_constraint} lists
 * it. Columns are 0-based positions in the table.
 */
public sealed interface TableConstraint permits TableConstraint.Unique, TableConstraint.Check,
        TableConstraint.ForeignKey {

    /** The constraint's name, unique among the table's constraints. */
    String name();

    /** UNIQUE: no two rows have equal values in all the columns; rows with a NULL in them never clash. */
    record Unique(String name, List<Integer> columns) implements TableConstraint {

        public Unique {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
        }
    }

    /**
     * CHECK: every row makes the expression TRUE or NULL.
     *
     * @param expression the condition in SQL over the table's column names, as written
     */
    record Check(String name, String expression) implements TableConstraint {

        public Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(expression, "expression");
        }
    }

    /**
     * FOREIGN KEY: the values of {@code columns}, when none is NULL, are those of a row of the
     * referenced table in {@code referencedColumns} (its primary key or a unique constraint).
     */
    record ForeignKey(String name, List<Integer> columns, String referencedSchema, String referencedTable,
                      List<Integer> referencedColumns, Action onDelete, Action onUpdate) implements TableConstraint {

        public ForeignKey {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
            Objects.requireNonNull(referencedSchema, "referencedSchema");
            Objects.requireNonNull(referencedTable, "referencedTable");
            referencedColumns = List.copyOf(referencedColumns);
            Objects.requireNonNull(onDelete, "onDelete");
            Objects.requireNonNull(onUpdate, "onUpdate");
        }
    }

    /** What happens to referencing rows when a referenced row is deleted or its key changes. */
    enum Action {
        NO_ACTION("NO ACTION"), RESTRICT("RESTRICT"), CASCADE("CASCADE"), SET_NULL("SET NULL"),
        SET_DEFAULT("SET DEFAULT");

        private final String sql;

        Action(String sql) {
            this.sql = sql;
        }

        /** The action as SQL writes it, e.g. {@code SET NULL}. */
        public String sql() {
            return sql;
        }
    }
}
