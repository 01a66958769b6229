package org.modgres.session.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.Plan;
import org.modgres.api.plan.ResultColumn;
import org.modgres.api.sql.CopyStatement;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.Statement;
import org.modgres.api.sql.StatementKind;
import org.modgres.api.type.BinaryFormat;
import org.modgres.api.type.PgType;
import org.modgres.api.type.TextFormat;
import org.modgres.protocol.backend.BindComplete;
import org.modgres.protocol.backend.CloseComplete;
import org.modgres.protocol.backend.CommandComplete;
import org.modgres.protocol.backend.EmptyQueryResponse;
import org.modgres.protocol.backend.NoData;
import org.modgres.protocol.backend.ParameterDescription;
import org.modgres.protocol.backend.ParseComplete;
import org.modgres.protocol.backend.PortalSuspended;
import org.modgres.protocol.frontend.Bind;
import org.modgres.protocol.frontend.Close;
import org.modgres.protocol.frontend.Describe;
import org.modgres.protocol.frontend.Execute;
import org.modgres.protocol.frontend.Parse;

/**
 * The extended query protocol: Parse, Bind, Describe, Execute and Close, with PostgreSQL's
 * lifetimes: the unnamed statement lasts until the next Parse of it, named statements until
 * Close, portals until Close or the end of their transaction.
 */
final class ExtendedQueryHandler {

    private final Backend backend;
    private final Map<String, PreparedStatement> statements;
    private final Map<String, Portal> portals = new HashMap<>();
    private final CopyHandler copies;

    ExtendedQueryHandler(Backend backend) {
        this.backend = backend;
        this.copies = new CopyHandler(backend);
        this.statements = backend.runner.namedStatements();
    }

    void parse(Parse parse) {
        String name = parse.statementName();
        if (!name.isEmpty() && statements.containsKey(name)) {
            throw new PgException(SqlState.DUPLICATE_PREPARED_STATEMENT,
                    "prepared statement \"" + name + "\" already exists");
        }
        List<Statement> parsed = backend.services.parser().parse(parse.sql());
        if (parsed.size() > 1) {
            throw new PgException(SqlState.SYNTAX_ERROR, "cannot insert multiple commands into a prepared statement");
        }
        Statement statement = parsed.isEmpty() ? null : parsed.get(0);
        checkAllowedInFailedTransaction(statement);
        List<PgType> declared = new ArrayList<>();
        for (int oid : parse.parameterTypeOids()) {
            declared.add(oid == 0 ? null : declaredType(oid));
        }
        PreparedStatement prepared = new PreparedStatement(name, parse.sql(), statement, declared);
        backend.runner.prepare(prepared);
        statements.put(name, prepared);
        backend.wire.send(ParseComplete.INSTANCE);
    }

    void bind(Bind bind) {
        PreparedStatement prepared = statement(bind.statementName());
        checkAllowedInFailedTransaction(prepared.statement);
        String portalName = bind.portalName();
        if (!portalName.isEmpty() && portals.containsKey(portalName)) {
            throw new PgException(SqlState.DUPLICATE_CURSOR, "cursor \"" + portalName + "\" already exists");
        }
        List<PgType> types = parameterTypes(prepared);
        byte[][] values = bind.parameterValues();
        if (values.length != types.size()) {
            throw new PgException(SqlState.PROTOCOL_VIOLATION, "bind message supplies " + values.length
                    + " parameters, but prepared statement \"" + prepared.name + "\" requires " + types.size());
        }
        List<Object> parameters = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            parameters.add(decode(types.get(i), bind.parameterFormat(i), values[i], i));
        }
        Portal old = portals.put(portalName, new Portal(portalName, prepared, parameters, bind.resultFormats()));
        if (old != null) {
            old.close();
        }
        backend.wire.send(BindComplete.INSTANCE);
    }

    void describe(Describe describe) {
        if (describe.kind() == Describe.STATEMENT) {
            PreparedStatement prepared = statement(describe.name());
            checkDescribableInFailedTransaction(prepared);
            List<PgType> types = parameterTypes(prepared);
            backend.wire.send(new ParameterDescription(types.stream().mapToInt(PgType::oid).toArray()));
            Portal probe = new Portal("", prepared, List.of(), new short[0]);
            sendRowDescription(backend.runner.describe(probe), null);
        } else {
            Portal portal = portal(describe.name());
            checkDescribableInFailedTransaction(portal.statement);
            sendRowDescription(backend.runner.describe(portal), portal);
        }
    }

    void execute(Execute execute) throws IOException {
        Portal portal = portal(execute.portalName());
        if (portal.statement.statement == null) {
            backend.wire.send(EmptyQueryResponse.INSTANCE);
            return;
        }
        checkAllowedInFailedTransaction(portal.statement.statement);
        if (portal.completed) {
            executeCompleted(portal);
            return;
        }
        if (portal.statement.statement instanceof CopyStatement copy) {
            executeCopy(portal, copy);
            return;
        }
        if (portal.cursor == null) {
            backend.activity(portal.statement.sql);
            backend.services.audit().execute(backend.logSession, portal.statement.name,
                    portal.statement.statement.kind(), portal.statement.sql);
            backend.interrupts.startStatement(backend.settings.statementTimeoutMillis());
            backend.runner.start(portal);
        }
        List<ResultColumn> columns = portal.columns == null ? List.of() : portal.columns;
        long sent = backend.streamRows(portal, columns, execute.maxRows());
        if (!portal.exhausted) {
            backend.wire.send(PortalSuspended.INSTANCE);
            return;
        }
        portal.completed = true;
        backend.wire.send(new CommandComplete(StatementRunner.commandTag(portal, sent)));
        portal.close();
    }

    /**
     * Runs COPY from an Execute, as libpq's PQexecParams sends it: the CopyIn or CopyOut exchange
     * and CommandComplete answer the Execute; the Sync that follows ends the implicit transaction.
     */
    private void executeCopy(Portal portal, CopyStatement copy) throws IOException {
        backend.activity(portal.statement.sql);
        backend.services.audit().execute(backend.logSession, portal.statement.name, copy.kind(),
                portal.statement.sql);
        backend.interrupts.startStatement(backend.settings.statementTimeoutMillis());
        backend.runner.checkNotFailed();
        portal.completed = true;
        copies.run(copy);
        portal.close();
    }

    /**
     * Runs a portal again after it completed: a query returns no more rows, as PostgreSQL's
     * fetch at the end does, but a command ran once and for all.
     */
    private void executeCompleted(Portal portal) {
        StatementKind kind = portal.statement.statement.kind();
        if (kind != StatementKind.SELECT && kind != StatementKind.VALUES && kind != StatementKind.SHOW
                && kind != StatementKind.EXPLAIN) {
            throw new PgException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "portal \"" + portal.name + "\" cannot be run");
        }
        backend.wire.send(new CommandComplete(StatementRunner.commandTag(portal, 0)));
    }

    void close(Close close) {
        if (close.kind() == Close.STATEMENT) {
            statements.remove(close.name());
        } else {
            Portal portal = portals.remove(close.name());
            if (portal != null) {
                portal.close();
            }
        }
        backend.wire.send(CloseComplete.INSTANCE);
    }

    /** Drops every portal: their transaction has ended. */
    void closePortals() {
        for (Portal portal : portals.values()) {
            portal.close();
        }
        portals.clear();
    }

    private void sendRowDescription(List<ResultColumn> columns, Portal portal) {
        if (columns.isEmpty()) {
            backend.wire.send(NoData.INSTANCE);
        } else {
            backend.wire.send(RowEncoder.describe(columns, portal));
        }
    }

    private List<PgType> parameterTypes(PreparedStatement prepared) {
        Plan plan = backend.runner.prepare(prepared);
        if (plan != null) {
            return plan.parameterTypes();
        }
        List<PgType> declared = new ArrayList<>();
        for (PgType t : prepared.declaredTypes) {
            declared.add(t == null ? PgType.TEXT : t);
        }
        return declared;
    }

    private Object decode(PgType type, short format, byte[] value, int index) {
        if (value == null) {
            return null;
        }
        return format == 1
                ? BinaryFormat.decodeParameter(type, value, index + 1)
                : TextFormat.parse(type, new String(value, StandardCharsets.UTF_8), backend.settings.timeZone());
    }

    private PreparedStatement statement(String name) {
        PreparedStatement prepared = statements.get(name);
        if (prepared == null) {
            throw new PgException(SqlState.INVALID_SQL_STATEMENT_NAME,
                    "prepared statement \"" + name + "\" does not exist");
        }
        return prepared;
    }

    private Portal portal(String name) {
        Portal portal = portals.get(name);
        if (portal == null) {
            throw new PgException(SqlState.INVALID_CURSOR_NAME, "portal \"" + name + "\" does not exist");
        }
        return portal;
    }

    private void checkAllowedInFailedTransaction(Statement statement) {
        if (backend.transactions.state() == TransactionBlock.State.FAILED
                && !StatementRunner.endsFailedTransaction(statement)) {
            throw new PgException(SqlState.IN_FAILED_SQL_TRANSACTION,
                    "current transaction is aborted, commands ignored until end of transaction block");
        }
    }

    /** PostgreSQL refuses to describe what would need a snapshot (queries and DML) in a failed block. */
    private void checkDescribableInFailedTransaction(PreparedStatement prepared) {
        if (prepared.statement instanceof PlannableStatement) {
            checkAllowedInFailedTransaction(prepared.statement);
        }
    }

    private static PgType declaredType(int oid) {
        PgType type = PgType.byOid(oid);
        if (type == null) {
            throw new PgException(SqlState.UNDEFINED_OBJECT, "type with OID " + oid + " does not exist");
        }
        return type;
    }
}
