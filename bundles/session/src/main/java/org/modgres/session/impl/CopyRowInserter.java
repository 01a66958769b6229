package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.exec.Executor;
import org.modgres.api.exec.RowCursor;
import org.modgres.api.plan.Plan;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.BinaryFormat;
import org.modgres.api.type.PgType;
import org.modgres.api.type.TextFormat;

/**
 * Inserts the rows of COPY FROM in batches, each one INSERT of many rows planned once, so that
 * the executor starts once per batch rather than once per row; the rows of a last, partial batch
 * go one at a time. An error names the line it comes from as PostgreSQL's CONTEXT does
 * ({@code COPY t, line 2, column b: "x"}): a batch that fails is undone and its rows inserted one
 * by one to find the line.
 */
final class CopyRowInserter {

    /** Enough rows to make starting the executor rare, few enough parameters to plan quickly. */
    private static final int MAX_BATCH_ROWS = 64;
    private static final int MAX_BATCH_PARAMETERS = 1024;
    /** PostgreSQL shows at most this many bytes of a line or value in a CONTEXT line. */
    private static final int MAX_DISPLAYED_BYTES = 100;

    private final Backend backend;
    private final TableInfo table;
    private final List<ColumnInfo> columns;
    private final Plan singleRow;
    private final Executor executor;
    private final IntFunction<Plan> batchPlanner;
    private final List<PgType> types;
    private final int batchRows;
    private final List<Object> pending = new ArrayList<>();
    private final List<Line> pendingLines = new ArrayList<>();
    private Plan batchPlan;
    private long count;

    /** Where a row came from. */
    private record Line(long number, String text, String[] fields) {
    }

    CopyRowInserter(Backend backend, TableInfo table, List<ColumnInfo> columns, Plan singleRow, Executor executor,
                    IntFunction<Plan> batchPlanner) {
        this.backend = backend;
        this.table = table;
        this.columns = columns;
        this.singleRow = singleRow;
        this.executor = executor;
        this.batchPlanner = batchPlanner;
        this.types = singleRow.parameterTypes();
        this.batchRows = Math.max(1, Math.min(MAX_BATCH_ROWS, MAX_BATCH_PARAMETERS / Math.max(1, columns.size())));
    }

    /** Returns {@code INSERT INTO t (columns) VALUES ($1, ...), ...} for this many rows. */
    static String insertStatement(TableInfo table, List<ColumnInfo> columns, int rows) {
        StringBuilder sql = new StringBuilder("insert into ").append(quote(table.schema())).append('.')
                .append(quote(table.name())).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(quote(columns.get(i).name()));
        }
        sql.append(") values ");
        for (int row = 0; row < rows; row++) {
            sql.append(row == 0 ? "(" : ", (");
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "$" : ", $").append(row * columns.size() + i + 1);
            }
            sql.append(')');
        }
        return sql.toString();
    }

    long count() {
        return count;
    }

    void insert(String[] fields, long lineNumber, String text) {
        Line line = new Line(lineNumber, text, fields);
        if (fields.length < columns.size()) {
            throw new PgException(SqlState.BAD_COPY_FILE_FORMAT,
                    "missing data for column \"" + columns.get(fields.length).name() + "\"")
                    .withContext(lineContext(line, true));
        }
        if (fields.length > columns.size()) {
            throw new PgException(SqlState.BAD_COPY_FILE_FORMAT, "extra data after last expected column")
                    .withContext(lineContext(line, true));
        }
        for (int i = 0; i < fields.length; i++) {
            try {
                pending.add(fields[i] == null ? null
                        : TextFormat.parse(types.get(i), fields[i], backend.settings.timeZone()));
            } catch (PgException e) {
                throw e.withContext(columnContext(line, i));
            }
        }
        addPending(line);
    }

    /** Inserts a tuple of binary COPY: each field as its column type's receive function reads it. */
    void insertBinary(byte[][] fields, long tupleNumber) {
        Line line = new Line(tupleNumber, null, null);
        for (int i = 0; i < fields.length; i++) {
            try {
                pending.add(decodeBinary(types.get(i), fields[i]));
            } catch (PgException e) {
                throw e.withContext(columnContext(line, i));
            }
        }
        addPending(line);
    }

    /**
     * Decodes a binary field; too few bytes for a type of fixed length is PostgreSQL's error for
     * reading past the end of the value, too many its receive function's complaint.
     */
    private static Object decodeBinary(PgType type, byte[] field) {
        boolean fixedLength = switch (type) {
            case BOOL, INT2, INT4, INT8, OID, FLOAT4, FLOAT8, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL, UUID -> true;
            default -> false;
        };
        if (field != null && fixedLength && field.length < type.typlen()) {
            throw new PgException(SqlState.PROTOCOL_VIOLATION, "insufficient data left in message");
        }
        return BinaryFormat.decode(type, field);
    }

    private void addPending(Line line) {
        pendingLines.add(line);
        if (pendingLines.size() == batchRows) {
            if (batchPlan == null) {
                batchPlan = batchRows == 1 ? singleRow : batchPlanner.apply(batchRows);
            }
            runBatch(batchPlan);
        }
    }

    /** Inserts the rows of a partial batch. */
    void flush() {
        runBatch(null);
    }

    /** Runs the pending rows with {@code batch}, or one at a time when it is null. */
    private void runBatch(Plan batch) {
        Transaction transaction = backend.transactions.current();
        long savepoint = transaction.savepoint();
        try {
            if (batch != null) {
                run(batch, pending);
            } else {
                runEach(0);
            }
            transaction.releaseSavepoint(savepoint);
        } catch (PgException e) {
            String errorClass = e.sqlState().code().substring(0, 2);
            if (batch == null || e.context() != null || !(errorClass.equals("22") || errorClass.equals("23"))) {
                throw e;
            }
            transaction.rollbackTo(savepoint);
            transaction.releaseSavepoint(savepoint);
            runEach(0);
            throw e;
        } finally {
            pending.clear();
            pendingLines.clear();
        }
    }

    /** Inserts the pending rows from {@code first} on one at a time; an error says which line failed. */
    private void runEach(int first) {
        int width = columns.size();
        for (int row = first; row < pendingLines.size(); row++) {
            List<Object> values = pending.subList(row * width, (row + 1) * width);
            try {
                run(singleRow, values);
            } catch (PgException e) {
                throw e.withContext(contextOf(e, pendingLines.get(row), values));
            }
        }
    }

    private void run(Plan insert, List<Object> values) {
        try (RowCursor cursor = executor.execute(insert, new BackendExecutionContext(
                backend.transactions.current(), new ArrayList<>(values), backend.interrupts, backend.wire,
                backend.runner.identity(), backend.settings.all()))) {
            count += cursor.rowCount();
        }
    }

    /**
     * The CONTEXT PostgreSQL gives an error of a row: a value its column refuses (class 22) names
     * the column, a duplicate key only the line, a foreign key (checked after the COPY there) none.
     */
    private String contextOf(PgException e, Line line, List<Object> values) {
        String code = e.sqlState().code();
        if (code.equals(SqlState.FOREIGN_KEY_VIOLATION.code())) {
            return null;
        }
        if (code.equals(SqlState.UNIQUE_VIOLATION.code())) {
            return lineContext(line, false);
        }
        if (code.startsWith("22")) {
            int column = refusingColumn(values);
            if (column >= 0) {
                return columnContext(line, column);
            }
        }
        return lineContext(line, true);
    }

    /** Finds the column whose value alone fails the insert, by inserting it with every other column null. */
    private int refusingColumn(List<Object> values) {
        Transaction transaction = backend.transactions.current();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || columns.get(i).type().typmod() < 0) {
                continue;
            }
            List<Object> alone = new ArrayList<>();
            for (int j = 0; j < values.size(); j++) {
                alone.add(j == i ? values.get(i) : null);
            }
            long savepoint = transaction.savepoint();
            try {
                run(singleRow, alone);
            } catch (PgException e) {
                if (e.sqlState().code().startsWith("22")) {
                    return i;
                }
            } finally {
                transaction.rollbackTo(savepoint);
                transaction.releaseSavepoint(savepoint);
            }
        }
        return -1;
    }

    /** The CONTEXT of a line; binary COPY has no text to show. */
    private String lineContext(Line line, boolean withText) {
        String context = "COPY " + table.name() + ", line " + line.number();
        return withText && line.text() != null ? context + ": \"" + clipped(line.text()) + "\"" : context;
    }

    private String columnContext(Line line, int column) {
        String context = "COPY " + table.name() + ", line " + line.number() + ", column " + columns.get(column).name();
        return line.fields() == null ? context : context + ": \"" + clipped(line.fields()[column]) + "\"";
    }

    /** Cuts a text to what PostgreSQL shows of it, on a character boundary, marking the cut with "...". */
    static String clipped(String text) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes > MAX_DISPLAYED_BYTES) {
                return text.substring(0, end) + "...";
            }
            end += Character.charCount(codePoint);
        }
        return text;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
