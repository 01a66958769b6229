package org.modgres.api.plan;

import java.util.List;
import java.util.Objects;

import org.modgres.api.sql.StatementKind;
import org.modgres.api.storage.SequenceOptions;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.type.PgType;

/**
 * {@code CREATE TABLE [IF NOT EXISTS]}.
 *
 * @param ownedSequences the sequences of its SERIAL and identity columns, created with the table in
 *                       its schema and owned by their columns
 */
public record CreateTablePlan(String plannerName, TableDefinition definition, boolean ifNotExists,
                              long catalogVersion, List<OwnedSequence> ownedSequences) implements Plan {

    /**
     * A sequence a column of the new table gets.
     *
     * @param name    the sequence's name, {@code table_column_seq}
     * @param options its options
     * @param column  the column that owns it
     */
    public record OwnedSequence(String name, SequenceOptions options, String column) {

        public OwnedSequence {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(column, "column");
        }
    }

    public CreateTablePlan {
        Objects.requireNonNull(plannerName, "plannerName");
        Objects.requireNonNull(definition, "definition");
        ownedSequences = List.copyOf(ownedSequences);
    }

    /** A table without sequences. */
    public CreateTablePlan(String plannerName, TableDefinition definition, boolean ifNotExists, long catalogVersion) {
        this(plannerName, definition, ifNotExists, catalogVersion, List.of());
    }

    @Override
    public StatementKind kind() {
        return StatementKind.CREATE_TABLE;
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
