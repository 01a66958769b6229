package org.modgres.api.plan;

import java.util.Objects;

import org.modgres.api.type.ColumnType;

/**
 * A column of a result, as RowDescription describes it.
 *
 * @param name         the column's label
 * @param type         its type
 * @param tableOid     the OID of the table it comes from, or 0
 * @param columnNumber its attribute number in that table (1-based), or 0
 */
public record ResultColumn(String name, ColumnType type, long tableOid, int columnNumber) {

    public ResultColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static ResultColumn of(String name, ColumnType type) {
        return new ResultColumn(name, type, 0, 0);
    }
}
