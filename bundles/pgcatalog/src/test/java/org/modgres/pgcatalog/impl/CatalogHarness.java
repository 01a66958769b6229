package org.modgres.pgcatalog.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.modgres.api.exec.ExecutionContext;
import org.modgres.api.exec.RowCursor;
import org.modgres.api.plan.Plan;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.ResultColumn;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.Statement;
import org.modgres.api.storage.SequenceValues;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.PgType;
import org.modgres.api.type.TextFormat;
import org.modgres.executor.impl.InterpretingExecutor;
import org.modgres.parser.impl.PostgresSqlParser;
import org.modgres.planner.calcite.impl.CalcitePlanner;
import org.modgres.shmem.impl.SharedStorageImpl;

/**
 * Runs SQL as a session does, with the relations and functions of this bundle registered with
 * the real planner: the real parser, planner and executor against the real shared storage.
 * Each statement runs in its own transaction.
 */
final class CatalogHarness {

    static final int PROCESS_ID = 4242;

    private static final PostgresSqlParser PARSER = new PostgresSqlParser();

    final SharedStorage storage = new SharedStorageImpl();
    final CalcitePlanner planner = new CalcitePlanner();
    final InterpretingExecutor executor = new InterpretingExecutor();
    final CatalogSource source = new CatalogSource(storage.catalog(), (org.modgres.api.role.RoleCatalog) storage);
    /** The session's run-time parameters, by lower-case name, as statements see them. */
    final Map<String, String> settings = new TreeMap<>(Map.of("application_name", "harness",
            "timezone", "Etc/UTC", "datestyle", "ISO, MDY", "is_superuser", "on", "statement_timeout", "0"));

    /** The role statements run as, current_user. */
    String user = "postgres";

    CatalogHarness() {
        for (var relation : PgCatalogServices.relations(source)) {
            source.add(relation);
            planner.addSystemRelation(relation);
        }
        for (var function : CatalogFunctions.all(source)) {
            source.add(function);
            planner.addSystemFunction(function);
        }
        for (var function : BackendFunctions.all(source)) {
            source.add(function);
            planner.addSystemFunction(function);
        }
        for (var function : SequenceFunctions.all(storage.catalog(), (org.modgres.api.role.RoleCatalog) storage)) {
            source.add(function);
            planner.addSystemFunction(function);
        }
    }

    /** The rows of a result as PostgreSQL's text format prints them, and its columns. */
    record Result(List<ResultColumn> columns, List<List<String>> rows) {

        List<PgType> types() {
            return columns.stream().map(c -> c.type().type()).toList();
        }

        List<String> labels() {
            return columns.stream().map(ResultColumn::name).toList();
        }
    }

    /** Runs each statement of a script (no results kept). */
    void run(String... statements) {
        for (String statement : statements) {
            query(statement);
        }
    }

    /** Runs one statement and returns its rows as text. */
    Result query(String sql) {
        Plan plan = plan(sql);
        Transaction transaction = storage.begin();
        ExecutionContext context = new Context(transaction, settings, sequenceValues, user);
        try (RowCursor cursor = executor.execute(plan, context)) {
            List<List<String>> rows = new ArrayList<>();
            Object[] row;
            while ((row = cursor.next()) != null) {
                List<String> texts = new ArrayList<>();
                for (int i = 0; i < row.length; i++) {
                    texts.add(TextFormat.format(plan.columns().get(i).type().type(), row[i]));
                }
                rows.add(texts);
            }
            transaction.commit();
            return new Result(plan.columns(), rows);
        } catch (RuntimeException | AssertionError e) {
            transaction.rollback();
            throw e;
        }
    }

    /** Returns the rows of a query, each as its values' texts joined by "|", as psql -A prints them. */
    List<String> lines(String sql) {
        return query(sql).rows().stream().map(r -> String.join("|", r.stream()
                .map(v -> v == null ? "" : v).toList())).toList();
    }

    /** Returns what {@code psql -X -A} prints for a query: the labels, the rows and their count. */
    String psqlOutput(String sql) {
        Result result = query(sql);
        StringBuilder out = new StringBuilder(String.join("|", result.labels())).append('\n');
        for (List<String> row : result.rows()) {
            out.append(String.join("|", row.stream().map(v -> v == null ? "" : v).toList())).append('\n');
        }
        int count = result.rows().size();
        return out.append('(').append(count).append(count == 1 ? " row)\n" : " rows)\n").toString();
    }

    Plan plan(String sql) {
        List<Statement> statements = PARSER.parse(sql);
        if (statements.size() != 1 || !(statements.getFirst() instanceof PlannableStatement statement)) {
            throw new AssertionError("not one plannable statement: " + sql);
        }
        return planner.plan(statement, new PlanningContext(storage.catalog(), List.of()));
    }

    /** The values sequences gave this harness's one session. */
    private final SequenceValues sequenceValues = new SequenceValues() {
        private final Map<Long, Long> current = new java.util.HashMap<>();
        private long lastUsed = -1;

        @Override
        public void remember(long sequenceOid, long value, boolean used) {
            current.put(sequenceOid, value);
            lastUsed = used ? sequenceOid : lastUsed;
        }

        @Override
        public OptionalLong current(long sequenceOid) {
            Long value = current.get(sequenceOid);
            return value == null ? OptionalLong.empty() : OptionalLong.of(value);
        }

        @Override
        public OptionalLong lastUsed() {
            return lastUsed < 0 ? OptionalLong.empty() : OptionalLong.of(lastUsed);
        }
    };

    private record Context(Transaction transaction, Map<String, String> settings, SequenceValues sequenceValues,
                           String currentUser) implements ExecutionContext {

        @Override
        public List<Object> parameters() {
            return Arrays.asList();
        }

        @Override
        public void checkInterrupts() {
        }

        @Override
        public void notice(String message) {
        }

        @Override
        public int processId() {
            return PROCESS_ID;
        }
    }
}
