package org.modgres.pgcatalog.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.type.PgType;

/**
 * Collects the rows of a relation, set column by column by name. A column left unset holds its
 * type's zero (0, false, an empty string or array) when it is NOT NULL, else NULL, which is what
 * PostgreSQL's catalogs hold for the features Modgres does not have.
 */
final class Rows {

    private final List<ColumnInfo> columns;
    private final Map<String, Integer> positions = new HashMap<>();
    private final List<Object[]> rows = new ArrayList<>();

    Rows(List<ColumnInfo> columns) {
        this.columns = columns;
        for (int i = 0; i < columns.size(); i++) {
            positions.put(columns.get(i).name(), i);
        }
    }

    /** Starts a new row. */
    Row add() {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            ColumnInfo column = columns.get(i);
            values[i] = column.notNull() ? zero(column.type().type()) : null;
        }
        rows.add(values);
        return new Row(values);
    }

    Iterator<Object[]> iterator() {
        return rows.iterator();
    }

    /** One row being filled. */
    final class Row {
        private final Object[] values;

        private Row(Object[] values) {
            this.values = values;
        }

        /**
         * Sets a column, converting integers to the column's class.
         *
         * @throws IllegalArgumentException for a column the relation does not have
         */
        Row set(String column, Object value) {
            Integer position = positions.get(column);
            if (position == null) {
                throw new IllegalArgumentException("no column " + column);
            }
            values[position] = convert(value, columns.get(position).type().type());
            return this;
        }
    }

    private static Object convert(Object value, PgType type) {
        if (!(value instanceof Number number) || type.javaClass().isInstance(value)) {
            return value;
        }
        return switch (type) {
            case INT2 -> number.shortValue();
            case INT4 -> number.intValue();
            case INT8, OID -> number.longValue();
            case FLOAT4 -> number.floatValue();
            default -> value;
        };
    }

    private static Object zero(PgType type) {
        return switch (type) {
            case BOOL -> false;
            case INT2 -> (short) 0;
            case INT4 -> 0;
            case INT8, OID -> 0L;
            case FLOAT4 -> 0f;
            case CHAR, NAME, TEXT, VARCHAR -> "";
            default -> type.elementType() != null ? List.of() : null;
        };
    }
}
