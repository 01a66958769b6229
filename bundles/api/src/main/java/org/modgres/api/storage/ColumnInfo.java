package org.modgres.api.storage;

import java.util.Objects;

import org.modgres.api.type.ColumnType;

/**
 * A column of a table.
 *
 * @param name    the column's name
 * @param type    its type with modifier
 * @param notNull true when NULL is refused (NOT NULL or part of the primary key)
 */
public record ColumnInfo(String name, ColumnType type, boolean notNull) {

    public ColumnInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
