package org.modgres.itests.slt;

import java.util.List;

/**
 * One test case of a sqllogictest file: a statement that must succeed or fail with a SQLSTATE, or a
 * query with its expected rows.
 *
 * @param file the file's name, for messages
 * @param line the 1-based line of the record's header ({@code statement ...} or {@code query ...})
 * @param kind what the record checks
 * @param expectedState the SQLSTATE a {@code statement error} expects, otherwise null
 * @param columnTypes the column type letters of a query, otherwise null
 * @param rowSort whether a query's rows are compared in sorted order
 * @param sql the statement text
 * @param expectedRows the expected rows of a query, each the list of its values' text (null for SQL NULL)
 * @param skipReason why the case is skipped on Modgres ({@code skipif modgres # reason}), otherwise null
 * @param headerIndex the 0-based index of the header line in the file
 * @param resultStart the 0-based index of the first line after {@code ----}, or -1 for a statement
 * @param resultEnd the 0-based index after the record's last line
 */
public record SltRecord(String file, int line, Kind kind, String expectedState, String columnTypes, boolean rowSort,
        String sql, List<List<String>> expectedRows, String skipReason, int headerIndex, int resultStart,
        int resultEnd) {

    /** What a record checks. */
    public enum Kind { STATEMENT_OK, STATEMENT_ERROR, QUERY }

    public boolean skippedOnModgres() {
        return skipReason != null;
    }

    public String location() {
        return file + ":" + line;
    }
}
