package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.exec.Executor;
import org.modgres.api.exec.RowCursor;
import org.modgres.api.plan.Plan;
import org.modgres.api.plan.Planner;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.plan.ResultColumn;
import org.modgres.api.role.TablePrivilege;
import org.modgres.api.sql.CheckpointStatement;
import org.modgres.api.sql.CursorStatement;
import org.modgres.api.sql.DiscardStatement;
import org.modgres.api.sql.LockStatement;
import org.modgres.api.sql.ExplainStatement;
import org.modgres.api.sql.DefaultPrivilegesStatement;
import org.modgres.api.sql.GrantStatement;
import org.modgres.api.sql.IndexStatement;
import org.modgres.api.sql.SchemaStatement;
import org.modgres.api.sql.ViewStatement;
import org.modgres.api.sql.CommentStatement;
import org.modgres.api.sql.OwnerStatement;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.PreparedStatementCommand;
import org.modgres.api.sql.ResetStatement;
import org.modgres.api.sql.RoleStatement;
import org.modgres.api.sql.SavepointStatement;
import org.modgres.api.sql.SequenceStatement;
import org.modgres.api.sql.SetStatement;
import org.modgres.api.sql.ShowStatement;
import org.modgres.api.sql.Statement;
import org.modgres.api.sql.StatementKind;
import org.modgres.api.sql.TransactionStatement;
import org.modgres.api.sql.TruncateStatement;
import org.modgres.api.sql.VacuumStatement;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/**
 * Runs the statement of a portal: utility statements here (TRUNCATE, VACUUM and ANALYZE in
 * {@link TableCommands}), the rest through the planner and executor serving the backend when the
 * statement starts.
 */
final class StatementRunner {

    /** The statements a READ ONLY transaction refuses. */
    private static final Set<StatementKind> WRITES = EnumSet.of(StatementKind.INSERT, StatementKind.UPDATE,
            StatementKind.DELETE, StatementKind.CREATE_TABLE, StatementKind.DROP_TABLE, StatementKind.ALTER_TABLE);

    private static final List<ResultColumn> EXPLAIN_COLUMNS =
            List.of(ResultColumn.of("QUERY PLAN", ColumnType.of(PgType.TEXT)));

    private final Services services;
    private final SessionSettings settings;
    private final TransactionBlock transactions;
    private final Interrupts interrupts;
    private final Wire wire;
    private final SessionIdentity identity;
    private final TableCommands tableCommands;
    private final SqlCursors cursors = new SqlCursors();
    private final SqlPreparedStatements prepared = new SqlPreparedStatements();
    private final RoleCommands roleCommands;
    private final SequenceCommands sequenceCommands;
    private final IndexCommands indexCommands;
    private final PrivilegeCommands privilegeCommands;
    private final DefaultPrivilegeCommands defaultPrivilegeCommands;
    private final SettingCommands settingCommands;
    private final SchemaViewCommands schemaViewCommands;
    private final OwnerCommands ownerCommands;
    private final CommentCommands commentCommands;
    private SessionSearchPath searchPath;

    StatementRunner(Services services, SessionSettings settings, TransactionBlock transactions,
                    Interrupts interrupts, Wire wire, SessionIdentity identity) {
        this.services = services;
        this.settings = settings;
        this.transactions = transactions;
        this.interrupts = interrupts;
        this.wire = wire;
        this.identity = identity;
        this.tableCommands = new TableCommands(services, transactions, wire, identity.database());
        this.privilegeCommands = new PrivilegeCommands(services, transactions, wire, identity.database(),
                identity.roles());
        this.defaultPrivilegeCommands = new DefaultPrivilegeCommands(services, transactions, identity.roles());
        this.sequenceCommands = new SequenceCommands(services, transactions, wire, identity.database(),
                privilegeCommands);
        this.indexCommands = new IndexCommands(services, transactions, wire, identity.database(), privilegeCommands);
        this.settingCommands = new SettingCommands(settings, transactions, wire, identity);
        this.schemaViewCommands = new SchemaViewCommands(services, transactions, wire, identity, this);
        this.ownerCommands = new OwnerCommands(services, transactions, wire, identity.database(), identity.roles());
        this.commentCommands = new CommentCommands(services, transactions, identity.database(), identity.roles());
        this.roleCommands = new RoleCommands(services.roles(), transactions, settings, wire, identity.roles(),
                new RoleDependencies(services.roles(), services.storage(), services.functions()));
    }

    SessionIdentity identity() {
        return identity;
    }

    /** The named prepared statements, shared by the protocol's Parse and SQL's PREPARE. */
    Map<String, PreparedStatement> namedStatements() {
        return prepared.named();
    }

    /** Plans a prepared statement if it is not planned yet, so that its parameter types are known. */
    Plan prepare(PreparedStatement prepared) {
        if (!(prepared.statement instanceof PlannableStatement)) {
            return null;
        }
        return plan(prepared, services.planner());
    }

    /**
     * Returns a simple Query's text as a statement already planned, when the serving planner
     * shares a plan for statements of its shape: the text is then never parsed. Null otherwise.
     */
    PreparedStatement prepareShared(String sql) {
        Planner planner = services.planner();
        long generation = planner.generation();
        Plan plan = planner.planShared(sql, planningContext(List.of(), true));
        if (plan == null) {
            return null;
        }
        PreparedStatement prepared = new PreparedStatement("", sql, new PlannableStatement(sql, plan.kind(), null, 0),
                List.of(), true);
        // there is no tree to take: planning it again (after DDL, say) parses the text
        prepared.takeTree();
        prepared.cache(plan, planner, generation, searchPath().schemas());
        return prepared;
    }

    /** Returns the columns the portal's statement returns; empty when it returns no rows. */
    List<ResultColumn> describe(Portal portal) {
        if (portal.columns == null) {
            portal.columns = switch (portal.statement.statement) {
                case null -> List.of();
                case ShowStatement show -> showColumns(show);
                case ExplainStatement explain -> EXPLAIN_COLUMNS;
                case CursorStatement.Fetch fetch when !fetch.move() -> cursors.get(fetch.name()).columns();
                case PreparedStatementCommand.Execute execute ->
                        plan(prepared.get(execute.name()), services.planner()).columns();
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
        try {
            searchPath().during(() -> {
                startInPath(portal);
                return null;
            });
        } catch (PgException e) {
            throw DeniedSchemaPositions.located(e, portal.statement.statement.kind(), portal.statement.sql);
        }
    }

    /**
     * Returns the session's search path as it is now: the schemas of search_path that exist.
     */
    SessionSearchPath searchPath() {
        AccessControl access = new AccessControl(services.roles(), identity.currentUser());
        Catalog catalog = services.storage().catalog();
        searchPath = SessionSearchPath.of(searchPath, settings.get("search_path"), identity.currentUser(), catalog,
                access.superuser() ? null : schema -> access.hasOnSchema(catalog, schema, TablePrivilege.USAGE));
        return searchPath;
    }

    /** Returns what statements of this session are planned against. */
    PlanningContext planningContext(List<PgType> declaredTypes, boolean sharesPlansAcrossLiterals) {
        return new PlanningContext(services.storage().catalog(), declaredTypes, sharesPlansAcrossLiterals,
                searchPath().schemas(), services.parser());
    }

    private void startInPath(Portal portal) {
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
            portal.cursor = executor.execute(plan, executionContext(portal));
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
            case SetStatement set -> settingCommands.set(set);
            case ResetStatement reset -> settingCommands.reset(reset);
            case ShowStatement show -> {
                portal.columns = showColumns(show);
                rows = showRows(show);
            }
            case ExplainStatement explain -> {
                portal.columns = EXPLAIN_COLUMNS;
                rows = explain(explain, portal);
            }
            case CursorStatement cursor -> rows = runCursorStatement(cursor, portal);
            case PreparedStatementCommand.Execute execute -> {
                execute(execute, portal);
                return;
            }
            case PreparedStatementCommand.Prepare prepare -> prepare(prepare, portal);
            case PreparedStatementCommand.Deallocate deallocate -> {
                prepared.remove(deallocate.name());
                portal.tagOverride = deallocate.name() == null ? "DEALLOCATE ALL" : "DEALLOCATE";
            }
            case TruncateStatement truncate -> {
                privilegeCommands.checkTruncate(truncate);
                tableCommands.truncate(truncate);
            }
            case VacuumStatement vacuum -> tableCommands.vacuum(vacuum);
            case CheckpointStatement checkpoint -> tableCommands.checkpoint(identity.currentUser());
            case LockStatement lock -> {
                privilegeCommands.checkLock(lock);
                tableCommands.lock(lock);
            }
            case GrantStatement grant -> privilegeCommands.run(grant);
            case DefaultPrivilegesStatement defaults -> defaultPrivilegeCommands.run(defaults);
            case RoleStatement role -> roleCommands.run(role);
            case SequenceStatement sequence -> sequenceCommands.run(sequence);
            case IndexStatement index -> indexCommands.run(index);
            case SchemaStatement schema -> schemaViewCommands.run(schema);
            case ViewStatement view -> schemaViewCommands.run(view);
            case OwnerStatement owner -> ownerCommands.run(owner);
            case CommentStatement comment -> commentCommands.run(comment);
            case DiscardStatement discard -> {
                settingCommands.discard(discard, cursors, prepared);
                portal.tagOverride = discard.commandTag();
            }
            default -> throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    "statement " + statement.kind() + " is not supported yet");
        }
        portal.cursor = new RowList(rows);
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
        StatementKind kind = portal.executedKind != null ? portal.executedKind : portal.statement.statement.kind();
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
        List<String> path = searchPath().schemas();
        Plan cached = prepared.cachedPlan(planner, catalogVersion, path);
        if (cached != null) {
            return cached;
        }
        long generation = planner.generation();
        PlannableStatement statement = (PlannableStatement) (prepared.takeTree()
                ? prepared.statement
                : services.parser().parse(prepared.statement.text()).get(0));
        Plan plan = planner.plan(statement, planningContext(prepared.declaredTypes,
                prepared.sharesPlansAcrossLiterals));
        prepared.cache(plan, planner, generation, path);
        return plan;
    }

    /** Closes the cursors that end with the transaction that just ended. */
    void transactionEnded() {
        cursors.transactionEnded();
    }

    /** Runs DECLARE, FETCH, MOVE or CLOSE; FETCH returns its rows with the cursor's columns. */
    private List<Object[]> runCursorStatement(CursorStatement statement, Portal portal) {
        switch (statement) {
            case CursorStatement.Declare declare -> {
                if (!declare.hold() && !transactions.inBlock()) {
                    throw new PgException(SqlState.NO_ACTIVE_SQL_TRANSACTION,
                            "DECLARE CURSOR can only be used in transaction blocks");
                }
                PreparedStatement query = new PreparedStatement("", declare.query().text(), declare.query(),
                        portal.statement.declaredTypes);
                Plan plan = planInside(declare.text(), query, services.planner());
                RowCursor rows = services.executor().execute(plan, executionContext(portal));
                cursors.declare(declare.name(), plan.columns(), rows, declare.hold());
            }
            case CursorStatement.Fetch fetch when fetch.move() ->
                    portal.tagOverride = "MOVE " + SqlCursors.skip(cursors.get(fetch.name()), fetch.count());
            case CursorStatement.Fetch fetch -> {
                SqlCursors.Cursor cursor = cursors.get(fetch.name());
                portal.columns = cursor.columns();
                return SqlCursors.read(cursor, fetch.count());
            }
            case CursorStatement.Close close -> cursors.close(close.name());
        }
        return List.of();
    }

    /** PREPARE: plans the statement now, as PostgreSQL does, so that its errors and parameter types show. */
    private void prepare(PreparedStatementCommand.Prepare prepare, Portal portal) {
        List<PgType> declared = prepare.parameterTypes().isEmpty() ? List.of()
                : oneRow(SqlPreparedStatements.typeQuery(prepare.parameterTypes()), portal).columns.stream()
                        .map(column -> column.type().type()).toList();
        PreparedStatement statement = new PreparedStatement(prepare.name(), prepare.statement().text(),
                prepare.statement(), declared);
        planInside(prepare.text(), statement, services.planner());
        prepared.add(statement);
    }

    /** EXECUTE: evaluates the arguments as the parameters' types, then runs the statement in this portal. */
    private void execute(PreparedStatementCommand.Execute execute, Portal portal) {
        PreparedStatement statement = prepared.get(execute.name());
        List<PgType> types = plan(statement, services.planner()).parameterTypes();
        SqlPreparedStatements.checkArgumentCount(execute.name(), types, execute.arguments().size());
        List<Object> values = List.of();
        if (!types.isEmpty()) {
            Portal arguments = oneRow(SqlPreparedStatements.argumentQuery(execute.arguments(), types), portal);
            try (RowCursor row = arguments.cursor) {
                values = Arrays.asList(row.next());
            }
        }
        Portal executed = new Portal("", statement, values, portal.resultFormats);
        start(executed);
        portal.columns = executed.columns;
        portal.cursor = executed.cursor;
        portal.executedKind = statement.statement.kind();
    }

    /**
     * Plans a statement written inside another (PREPARE, DECLARE, EXPLAIN); the position of an
     * error counts from the start of the outer statement, as PostgreSQL reports it.
     */
    private Plan planInside(String outerText, PreparedStatement inner, Planner planner) {
        try {
            return plan(inner, planner);
        } catch (PgException e) {
            int offset = outerText.lastIndexOf(inner.sql);
            throw e.position() > 0 && offset > 0 ? e.withPosition(e.position() + offset) : e;
        }
    }

    /** Starts a query of the session's own making in a portal of its own. */
    private Portal oneRow(String sql, Portal within) {
        PlannableStatement query = (PlannableStatement) services.parser().parse(sql).get(0);
        Portal portal = new Portal("", new PreparedStatement("", sql, query, List.of()), List.of(),
                within.resultFormats);
        start(portal);
        return portal;
    }

    private BackendExecutionContext executionContext(Portal portal) {
        return new BackendExecutionContext(transactions.startStatement(), portal.parameters, interrupts, wire,
                identity, settings.all(), settingCommands);
    }

    /**
     * Plans the explained statement as it would run now, and with ANALYZE runs it, reading all
     * its rows. The lines name the planner and executor, which PostgreSQL has no need to say.
     */
    private List<Object[]> explain(ExplainStatement explain, Portal portal) {
        Planner planner = services.planner();
        Executor executor = services.executor();
        PreparedStatement explained = new PreparedStatement("", explain.explained().text(), explain.explained(),
                portal.statement.declaredTypes);
        long planningStart = System.nanoTime();
        Plan plan = planInside(explain.text(), explained, planner);
        long planningNanos = System.nanoTime() - planningStart;
        if (plan instanceof RelationalPlan relational) {
            // as PostgreSQL's ExecutorStart, which EXPLAIN runs too, refuses what the role may not read or write
            PrivilegeCheckingExecutor.check(relational, new AccessControl(services.roles(), identity.currentUser()),
                    services.storage().catalog(), services.functions());
        }
        List<String> lines = new ArrayList<>(planner.explain(plan));
        if (explain.analyze()) {
            if (WRITES.contains(explain.explained().kind())) {
                transactions.checkWritable(explain.explained().kind().commandName());
            }
            long executionStart = System.nanoTime();
            long rows;
            try (RowCursor cursor = executor.execute(plan, executionContext(portal))) {
                long read = 0;
                while (cursor.next() != null) {
                    read++;
                }
                rows = Math.max(read, cursor.rowCount());
            }
            long executionNanos = System.nanoTime() - executionStart;
            lines.add("Rows: " + rows);
            lines.add(String.format(Locale.ROOT, "Planning Time: %.3f ms", planningNanos / 1e6));
            lines.add(String.format(Locale.ROOT, "Execution Time: %.3f ms", executionNanos / 1e6));
        }
        lines.add("Planner: " + planner.name());
        lines.add("Executor: " + executor.name());
        return lines.stream().map(line -> new Object[] {line}).toList();
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
            return settings.sorted().entrySet().stream()
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
}
