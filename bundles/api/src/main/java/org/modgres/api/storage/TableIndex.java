package org.modgres.api.storage;

import java.util.List;
import java.util.Objects;

/**
 * An index made by CREATE INDEX, as {@code pg_index} lists it. A UNIQUE one keeps its columns'
 * values unique as a UNIQUE constraint does; the indexes of the primary key and of UNIQUE
 * constraints are not listed as these.
 *
 * @param columns the 0-based positions of the indexed columns, in index order
 */
public record TableIndex(String name, List<Integer> columns, boolean unique) {

    public TableIndex {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }
}
