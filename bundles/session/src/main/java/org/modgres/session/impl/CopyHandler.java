package org.modgres.session.impl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.exec.Executor;
import org.modgres.api.exec.RowCursor;
import org.modgres.api.plan.Plan;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.ResultColumn;
import org.modgres.api.role.TablePrivilege;
import org.modgres.api.sql.CopyStatement;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.Statement;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.type.PgType;
import org.modgres.api.type.TextFormat;
import org.modgres.protocol.backend.CommandComplete;
import org.modgres.protocol.backend.CopyData;
import org.modgres.protocol.backend.CopyDone;
import org.modgres.protocol.backend.CopyInResponse;
import org.modgres.protocol.backend.CopyOutResponse;

/**
 * COPY FROM STDIN and COPY TO STDOUT, in the text, CSV or binary format, from a Query or an
 * Execute. Rows coming in are inserted through the planner and executor serving the backend, as {@code INSERT ... VALUES ($1, ...)}
 * planned once, so they meet the same type coercion and constraints as any INSERT; rows going
 * out come from the table's or the query's plan.
 */
final class CopyHandler {

    private final Backend backend;

    CopyHandler(Backend backend) {
        this.backend = backend;
    }

    void run(CopyStatement copy) throws IOException {
        if (copy.from()) {
            copyIn(copy);
        } else {
            copyOut(copy);
        }
    }

    private void copyIn(CopyStatement copy) throws IOException {
        TableInfo table = table(copy.table());
        // refused before the client sends any data, as PostgreSQL does
        new AccessControl(backend.services.roles(), backend.runner.identity().currentUser())
                .require(table, TablePrivilege.INSERT);
        backend.transactions.checkWritable("COPY FROM");
        List<ColumnInfo> columns = columns(table, copy.columns());
        Plan plan = plan(CopyRowInserter.insertStatement(table, columns, 1));
        Executor executor = backend.services.executor();
        // one statement, one snapshot: each batch's INSERT runs in the transaction as it is
        backend.transactions.startStatement();
        CopyRowInserter inserter = new CopyRowInserter(backend, table, columns, plan, executor,
                rows -> plan(CopyRowInserter.insertStatement(table, columns, rows)));
        CopyInput input;
        if (copy.options().binary()) {
            CopyBinaryReader binary = new CopyBinaryReader(table.name(),
                    columns.stream().map(ColumnInfo::name).toList(), inserter::insertBinary);
            input = new CopyInput(binary::feed, binary::finish);
        } else {
            CopyLineReader text = new CopyLineReader(copy.options(), inserter::insert);
            input = new CopyInput(text::feed, text::finish);
        }

        backend.wire.send(new CopyInResponse(format(copy), formats(copy, columns.size())));
        backend.wire.flush();
        PgException failure = null;
        while (true) {
            Object message = backend.readCopyMessage();
            if (message instanceof org.modgres.protocol.frontend.CopyData data) {
                if (failure == null) {
                    try {
                        input.feed().accept(data.data());
                    } catch (PgException e) {
                        failure = e;
                    }
                }
            } else if (message instanceof org.modgres.protocol.frontend.CopyDone) {
                break;
            } else if (message instanceof org.modgres.protocol.frontend.CopyFail fail) {
                throw new PgException(SqlState.QUERY_CANCELED, "COPY from stdin failed: " + fail.message());
            }
        }
        if (failure != null) {
            throw failure;
        }
        input.finish().run();
        inserter.flush();
        backend.wire.send(new CommandComplete("COPY " + inserter.count()));
    }

    private void copyOut(CopyStatement copy) throws IOException {
        PlannableStatement query;
        if (copy.query() != null) {
            query = copy.query();
        } else {
            TableInfo table = table(copy.table());
            List<ColumnInfo> columns = columns(table, copy.columns());
            StringBuilder sql = new StringBuilder("select ");
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(quote(columns.get(i).name()));
            }
            sql.append(" from ").append(quote(table.schema())).append('.').append(quote(table.name()));
            query = parseOne(sql.toString());
        }
        Plan plan = backend.services.planner().plan(query, planningContext());
        List<ResultColumn> resultColumns = plan.columns();
        long rows;
        try (RowCursor cursor = backend.services.executor().execute(plan, new BackendExecutionContext(
                backend.transactions.startStatement(), List.of(), backend.interrupts, backend.wire,
                backend.runner.identity(), backend.settings.all()))) {
            backend.wire.send(new CopyOutResponse(format(copy), formats(copy, resultColumns.size())));
            if (copy.options().binary()) {
                rows = sendBinary(cursor, resultColumns);
            } else {
                rows = sendText(cursor, resultColumns, copy);
            }
        }
        backend.wire.send(CopyDone.INSTANCE);
        backend.wire.send(new CommandComplete("COPY " + rows));
    }

    private long sendText(RowCursor cursor, List<ResultColumn> resultColumns, CopyStatement copy) throws IOException {
        CopyLineWriter writer = new CopyLineWriter(copy.options());
        long rows = 0;
        if (copy.options().header()) {
            backend.wire.send(new CopyData(writer.line(
                    resultColumns.stream().map(ResultColumn::name).toArray(String[]::new))));
        }
        Object[] row;
        String[] fields = new String[resultColumns.size()];
        while ((row = cursor.next()) != null) {
            for (int i = 0; i < fields.length; i++) {
                fields[i] = row[i] == null ? null
                        : TextFormat.format(resultColumns.get(i).type().type(), row[i], backend.settings.timeZone());
            }
            backend.wire.send(new CopyData(writer.line(fields)));
            rows++;
            backend.wire.flushIfLarge();
        }
        return rows;
    }

    private long sendBinary(RowCursor cursor, List<ResultColumn> resultColumns) throws IOException {
        CopyBinaryWriter writer = new CopyBinaryWriter(resultColumns.stream().map(c -> c.type().type()).toList());
        long rows = 0;
        Object[] row;
        while ((row = cursor.next()) != null) {
            backend.wire.send(new CopyData(writer.row(row)));
            rows++;
            backend.wire.flushIfLarge();
        }
        backend.wire.send(new CopyData(writer.trailer()));
        return rows;
    }

    /** The overall format code of CopyInResponse and CopyOutResponse: 1 for binary. */
    private static int format(CopyStatement copy) {
        return copy.options().binary() ? 1 : 0;
    }

    /** The per-column format codes: all binary or all text, as the overall format. */
    private static short[] formats(CopyStatement copy, int columns) {
        short[] formats = new short[columns];
        Arrays.fill(formats, (short) format(copy));
        return formats;
    }

    /** Where the CopyData of COPY FROM goes, whichever the format. */
    private record CopyInput(Consumer<byte[]> feed, Runnable finish) {
    }

    private Plan plan(String sql) {
        return backend.services.planner().plan(parseOne(sql), planningContext());
    }

    private PlanningContext planningContext() {
        return backend.runner.planningContext(List.of(), false);
    }

    private PlannableStatement parseOne(String sql) {
        List<Statement> parsed = backend.services.parser().parse(sql);
        return (PlannableStatement) parsed.get(0);
    }

    private TableInfo table(List<String> name) {
        String schema = name.size() > 1 ? name.get(name.size() - 2) : SessionSearchPath.schemaOf(name.getLast());
        String relation = name.get(name.size() - 1);
        return backend.services.storage().catalog().table(schema, relation).orElseThrow(() ->
                new PgException(SqlState.UNDEFINED_TABLE, "relation \"" + relation + "\" does not exist"));
    }

    private static List<ColumnInfo> columns(TableInfo table, List<String> names) {
        if (names.isEmpty()) {
            return table.columns();
        }
        List<ColumnInfo> columns = new ArrayList<>();
        for (String name : names) {
            int index = table.columnIndex(name);
            if (index < 0) {
                throw new PgException(SqlState.UNDEFINED_COLUMN,
                        "column \"" + name + "\" of relation \"" + table.name() + "\" does not exist");
            }
            if (columns.contains(table.columns().get(index))) {
                throw new PgException(SqlState.DUPLICATE_COLUMN, "column \"" + name + "\" specified more than once");
            }
            columns.add(table.columns().get(index));
        }
        return columns;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
