package org.modgres.api.sql;

import java.util.List;
import java.util.Objects;

/**
 * {@code COPY table [(columns)] FROM STDIN} or {@code COPY {table [(columns)] | (query)} TO STDOUT},
 * with its options. Only the client-side forms exist: the server reads or writes no files.
 *
 * @param table   the table as written, one or two names ([schema,] name); null when copying a query
 * @param columns the columns named, empty for all of them
 * @param query   the query of {@code COPY (query) TO STDOUT}, or null
 * @param from    true for FROM STDIN, false for TO STDOUT
 * @param options the format and its settings
 */
public record CopyStatement(String text, List<String> table, List<String> columns, PlannableStatement query,
                            boolean from, CopyOptions options) implements Statement {

    public CopyStatement {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(options, "options");
        table = table == null ? null : List.copyOf(table);
        columns = List.copyOf(columns);
        if ((table == null) == (query == null)) {
            throw new IllegalArgumentException("COPY needs either a table or a query");
        }
    }

    @Override
    public StatementKind kind() {
        return StatementKind.COPY;
    }
}
