package org.modgres.shmem.impl;

import java.nio.charset.StandardCharsets;

import org.modgres.api.storage.TableInfo;
import org.modgres.api.type.TextFormat;

/** The DETAIL line of a constraint error about a row, as PostgreSQL writes it: {@code Failing row contains (1, null).} */
final class FailingRow {

    /** PostgreSQL shows at most this many bytes of each value. */
    private static final int MAX_VALUE_BYTES = 64;

    private FailingRow() {
    }

    /** @param row the row's values, each of its column's type's class */
    static String detail(TableInfo table, Object[] row) {
        StringBuilder text = new StringBuilder("Failing row contains (");
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(row[i] == null ? "null" : clipped(TextFormat.format(table.columns().get(i).type().type(), row[i])));
        }
        return text.append(").").toString();
    }

    /** Cuts a value to its first 64 bytes, at a character boundary, and marks the cut with "...". */
    private static String clipped(String value) {
        if (value.getBytes(StandardCharsets.UTF_8).length <= MAX_VALUE_BYTES) {
            return value;
        }
        int bytes = 0;
        int end = 0;
        while (end < value.length()) {
            int codePoint = value.codePointAt(end);
            int size = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_VALUE_BYTES) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return value.substring(0, end) + "...";
    }
}
