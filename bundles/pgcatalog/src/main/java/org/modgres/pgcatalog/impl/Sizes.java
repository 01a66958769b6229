package org.modgres.pgcatalog.impl;

import org.modgres.api.catalog.SystemRelationContext;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.RowScan;
import org.modgres.api.storage.TableInfo;

/**
 * Sizes of relations as PostgreSQL's heap and B-tree pages would hold their rows, estimated from
 * the rows the statement's transaction sees, and pg_size_pretty.
 */
final class Sizes {

    private static final long PAGE = 8192;
    private static final int PAGE_HEADER = 24;
    /** A heap tuple's header and its line pointer. */
    private static final int TUPLE_OVERHEAD = 28;
    /** An index tuple's header, line pointer and heap pointer. */
    private static final int INDEX_TUPLE_OVERHEAD = 16;
    private static final int VARIABLE_WIDTH = 32;

    private static final String[] UNITS = {"bytes", "kB", "MB", "GB", "TB", "PB"};

    private Sizes() {
    }

    /**
     * Returns the size of a table's heap and TOAST table: a table with a column of unbounded
     * length has one, whose index takes a page even when empty.
     */
    static long table(TableInfo table, SystemRelationContext context) {
        long toast = table.columns().stream().anyMatch(Sizes::unbounded) ? PAGE : 0;
        return pages(rows(table, context), TUPLE_OVERHEAD + width(table, false)) * PAGE + toast;
    }

    private static boolean unbounded(ColumnInfo column) {
        return switch (column.type().type()) {
            case TEXT, BYTEA -> true;
            case VARCHAR, BPCHAR -> column.type().length() < 0;
            case NUMERIC -> column.type().precision() < 0;
            default -> column.type().type().elementType() != null;
        };
    }

    /** Returns the size of a table's primary-key index, with its metapage; 0 without one. */
    static long index(TableInfo table, SystemRelationContext context) {
        if (table.primaryKey().isEmpty()) {
            return 0;
        }
        return (1 + pages(rows(table, context), INDEX_TUPLE_OVERHEAD + width(table, true))) * PAGE;
    }

    private static long rows(TableInfo table, SystemRelationContext context) {
        long rows = 0;
        try (RowScan scan = context.transaction().table(table.schema(), table.name()).scan()) {
            while (scan.next()) {
                rows++;
            }
        }
        return rows;
    }

    private static int width(TableInfo table, boolean keyOnly) {
        int width = 0;
        for (int i = 0; i < table.columns().size(); i++) {
            if (!keyOnly || table.primaryKey().contains(i)) {
                ColumnInfo column = table.columns().get(i);
                BuiltinTypes.Type type = ColumnTypes.of(column.type());
                int length = type == null ? -1 : type.length();
                width += length > 0 ? length : column.type().length() > 0 ? column.type().length() + 1 : VARIABLE_WIDTH;
            }
        }
        return width;
    }

    private static long pages(long rows, int tupleWidth) {
        long perPage = Math.max(1, (PAGE - PAGE_HEADER) / tupleWidth);
        return (rows + perPage - 1) / perPage;
    }

    /**
     * Returns pg_size_pretty's text: bytes below 10 kB, then the largest unit that keeps the
     * number below 20480 (rounded half away from zero), as PostgreSQL 15 prints it.
     */
    static String pretty(long size) {
        long value = size;
        for (int unit = 0; ; unit++) {
            boolean rounded = unit > 0;
            long limit = unit == 0 ? 10 * 1024 : 20 * 1024 - 1;
            if (unit == UNITS.length - 1 || Math.abs(value) < limit) {
                if (rounded) {
                    value = (value + (value < 0 ? -1 : 1)) / 2;
                }
                return value + " " + UNITS[unit];
            }
            // the next unit is 1024 times larger; its value keeps one more bit for the rounding
            value /= 1L << (rounded ? 10 : 9);
        }
    }
}
