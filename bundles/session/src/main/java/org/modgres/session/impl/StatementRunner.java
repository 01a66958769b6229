package org.modgres.session.impl;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.exec.Executor;
import org.modgres.api.exec.RowCursor;
import org.modgres.api.plan.Plan;
import org.modgres.api.plan.Planner;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.ResultColumn;
import org.modgres.api.sql.AlterTableStatement;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.ResetStatement;
import org.modgres.api.sql.SavepointStatement;
import org.modgres.api.sql.SetStatement;
import org.modgres.api.sql.ShowStatement;
import org.modgres.api.sql.Statement;
import org.modgres.api.sql.StatementKind;
import org.modgres.api.sql.TransactionStatement;
import org.modgres.api.sql.TruncateStatement;
import org.modgres.api.sql.VacuumStatement;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/**
 * Runs the statement of a portal: utility statements here (TRUNCATE, VACUUM and ALTER TABLE in
 * {@link TableCommands}), the rest through the planner and executor serving the backend when the
 * statement starts.
 */
final class StatementRunner {

    /** The statements a READ ONLY transaction refuses. */
    private static final Set<StatementKind> WRITES = EnumSet.of(StatementKind.INSERT, StatementKind.UPDATE,
            StatementKind.DELETE, StatementKind.CREATE_TABLE, StatementKind.DROP_TABLE);

    /** The syntax {@code SET [SESSION | LOCAL] TRANSACTION modes}, as opposed to SET of a parameter. */
    private static final Pattern SET_TRANSACTION =
            Pattern.compile("set\\s+(?:(?:session|local)\\s+)?transaction\\b", Pattern.CASE_INSENSITIVE);

    private final Services services;
    private final SessionSettings settings;
    private final TransactionBlock transactions;
    private final Interrupts interrupts;
    private final Wire wire;
    private final SessionIdentity identity;
    private final TableCommands tableCommands;

    StatementRunner(Services services, SessionSettings settings, TransactionBlock transactions,
                    Interrupts interrupts, Wire wire, SessionIdentity identity) {
        this.services = services;
        this.settings = settings;
        this.transactions = transactions;
        this.interrupts = interrupts;
        this.wire = wire;
        this.identity = identity;
        this.tableCommands = new TableCommands(services, transactions, wire, identity.database());
    }

    SessionIdentity identity() {
        return identity;
    }

    /** Plans a prepared statement if it is not planned yet, so that its parameter types are known. */
    Plan prepare(PreparedStatement prepared) {
        if (!(prepared.statement instanceof PlannableStatement)) {
            return null;
        }
        return plan(prepared, services.planner());
    }

    /** Returns the columns the portal's statement returns; empty when it returns no rows. */
    List<ResultColumn> describe(Portal portal) {
        if (portal.columns == null) {
            portal.columns = switch (portal.statement.statement) {
                case null -> List.of();
                case ShowStatement show -> showColumns(show);
                case PlannableStatement p -> plan(portal.statement, services.planner()).columns();
                default -> List.of();
            };
        }
        return portal.columns;
    }

    /**
     * Starts the portal's statement. Afterwards the portal has a cursor with its rows (possibly
     * none) and the command tag is known from {@link #commandTag}.
     */
    void start(Portal portal) {
        Statement statement = portal.statement.statement;
        if (!endsFailedTransaction(statement)) {
            checkNotFailed();
        }
        if (statement instanceof PlannableStatement) {
            Planner planner = services.planner();
            Executor executor = services.executor();
            Plan plan = plan(portal.statement, planner);
            portal.columns = plan.columns();
            if (WRITES.contains(statement.kind())) {
                transactions.checkWritable(statement.kind().commandName());
            }
            BackendExecutionContext context = new BackendExecutionContext(transactions.startStatement(),
                    portal.parameters, interrupts, wire, identity, settings.all());
            portal.cursor = executor.execute(plan, context);
            return;
        }
        List<Object[]> rows = List.of();
        switch (statement) {
            case TransactionStatement t -> portal.tagOverride = runTransactionStatement(t);
            case SavepointStatement s -> {
                switch (s.kind()) {
                    case SAVEPOINT -> transactions.savepoint(s.name());
                    case RELEASE -> transactions.release(s.name());
                    default -> transactions.rollbackTo(s.name());
                }
            }
            case SetStatement set -> set(set);
            case ResetStatement reset -> reset(reset);
            case ShowStatement show -> {
                portal.columns = showColumns(show);
                rows = showRows(show);
            }
            case TruncateStatement truncate -> tableCommands.truncate(truncate);
            case VacuumStatement vacuum -> tableCommands.vacuum(vacuum);
            case AlterTableStatement alter -> tableCommands.alterTable(alter);
            default -> throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    "statement " + statement.kind() + " is not supported yet");
        }
        portal.cursor = new ListCursor(rows);
    }

    /**
     * Returns whether a statement may run in a failed block, where it ends the failure: COMMIT,
     * ROLLBACK and ROLLBACK TO SAVEPOINT, as PostgreSQL's IsTransactionExitStmt says.
     */
    static boolean endsFailedTransaction(Statement statement) {
        return statement != null && (statement.kind() == StatementKind.COMMIT
                || statement.kind() == StatementKind.ROLLBACK || statement.kind() == StatementKind.ROLLBACK_TO);
    }

    /**
     * Returns the CommandComplete tag of a portal: a query counts the rows sent by this Execute,
     * DML the rows it changed.
     */
    static String commandTag(Portal portal, long rowsSent) {
        if (portal.tagOverride != null) {
            return portal.tagOverride;
        }
        StatementKind kind = portal.statement.statement.kind();
        boolean query = kind == StatementKind.SELECT || kind == StatementKind.VALUES;
        long rows = query || portal.cursor == null ? rowsSent : portal.cursor.rowCount();
        return kind.commandTag(rows);
    }

    void checkNotFailed() {
        if (transactions.state() == TransactionBlock.State.FAILED) {
            throw new PgException(SqlState.IN_FAILED_SQL_TRANSACTION,
                    "current transaction is aborted, commands ignored until end of transaction block");
        }
    }

    private Plan plan(PreparedStatement prepared, Planner planner) {
        SharedStorage storage = services.storage();
        long catalogVersion = storage.catalog().version();
        Plan cached = prepared.cachedPlan(planner, catalogVersion);
        if (cached != null) {
            return cached;
        }
        PlannableStatement statement = (PlannableStatement) (prepared.takeTree()
                ? prepared.statement
                : services.parser().parse(prepared.statement.text()).get(0));
        Plan plan = planner.plan(statement, new PlanningContext(storage.catalog(), prepared.declaredTypes,
                prepared.sharesPlansAcrossLiterals));
        prepared.cache(plan, planner);
        return plan;
    }

    private String runTransactionStatement(TransactionStatement statement) {
        switch (statement.kind()) {
            case BEGIN -> {
                // a mode that is refused (SERIALIZABLE) is refused before the block opens
                statement.modes().forEach(settings::validate);
                if (!transactions.begin()) {
                    wire.notice(Severity.WARNING, SqlState.ACTIVE_SQL_TRANSACTION,
                            "there is already a transaction in progress");
                }
                statement.modes().forEach(transactions::setCharacteristic);
                return "BEGIN";
            }
            case COMMIT -> {
                String tag = transactions.commit();
                if (tag == null) {
                    wire.notice(Severity.WARNING, SqlState.NO_ACTIVE_SQL_TRANSACTION,
                            "there is no transaction in progress");
                    return "COMMIT";
                }
                return tag;
            }
            default -> {
                if (!transactions.rollback()) {
                    wire.notice(Severity.WARNING, SqlState.NO_ACTIVE_SQL_TRANSACTION,
                            "there is no transaction in progress");
                }
                return "ROLLBACK";
            }
        }
    }

    /**
     * Changes a setting; the backend reports changed parameters to the client before
     * ReadyForQuery. The characteristics of the transaction (SET TRANSACTION, or SET of their
     * parameters) are the transaction's, with its checks.
     */
    private void set(SetStatement set) {
        String name = set.name().toLowerCase(Locale.ROOT);
        if (!SessionSettings.TRANSACTION_CHARACTERISTICS.contains(name)) {
            settings.set(set.name(), set.value());
            return;
        }
        // PostgreSQL warns for the SET TRANSACTION syntax only, not for SET transaction_isolation = ...
        if (!transactions.inBlock() && SET_TRANSACTION.matcher(set.text()).lookingAt()) {
            wire.notice(Severity.WARNING, SqlState.NO_ACTIVE_SQL_TRANSACTION,
                    "SET TRANSACTION can only be used in transaction blocks");
        }
        transactions.setCharacteristic(name, set.value());
    }

    private void reset(ResetStatement reset) {
        String name = reset.name().toLowerCase(Locale.ROOT);
        if (name.equals("all")) {
            for (String setting : List.copyOf(settings.all().keySet())) {
                if (SessionSettings.TRANSACTION_CHARACTERISTICS.contains(setting)) {
                    continue;
                }
                try {
                    settings.set(setting, null);
                } catch (PgException readOnly) {
                    // RESET ALL leaves read-only parameters alone, as PostgreSQL does
                }
            }
            return;
        }
        if (SessionSettings.TRANSACTION_CHARACTERISTICS.contains(name)) {
            if (name.equals("transaction_isolation") && !transactions.inBlock()) {
                wire.notice(Severity.WARNING, SqlState.NO_ACTIVE_SQL_TRANSACTION,
                        "RESET TRANSACTION can only be used in transaction blocks");
            }
            transactions.setCharacteristic(name, null);
            return;
        }
        settings.set(reset.name(), null);
    }

    private static List<ResultColumn> showColumns(ShowStatement show) {
        ColumnType text = ColumnType.of(PgType.TEXT);
        if (show.name().equals("all")) {
            return List.of(ResultColumn.of("name", text), ResultColumn.of("setting", text),
                    ResultColumn.of("description", text));
        }
        return List.of(ResultColumn.of(SessionSettings.displayName(show.name()), text));
    }

    private List<Object[]> showRows(ShowStatement show) {
        if (show.name().equals("all")) {
            return settings.all().entrySet().stream()
                    .map(e -> new Object[] {SessionSettings.displayName(e.getKey()), e.getValue(), ""})
                    .toList();
        }
        String value = switch (show.name()) {
            case "modgres.planner" -> services.planner().name();
            case "modgres.executor" -> services.executor().name();
            case "modgres.parser" -> services.parser().name();
            default -> settings.get(show.name());
        };
        return List.<Object[]>of(new Object[] {value});
    }

    /** The rows of a utility statement, already computed. */
    private static final class ListCursor implements RowCursor {
        private final List<Object[]> rows;
        private int next;

        ListCursor(List<Object[]> rows) {
            this.rows = rows;
        }

        @Override
        public Object[] next() {
            return next < rows.size() ? rows.get(next++) : null;
        }

        @Override
        public long rowCount() {
            return next;
        }

        @Override
        public void close() {
            next = rows.size();
        }
    }
}
