package org.modgres.session.impl;

import java.io.IOException;
import java.util.List;

import org.modgres.api.plan.ResultColumn;
import org.modgres.api.sql.CopyStatement;
import org.modgres.api.sql.Statement;
import org.modgres.protocol.backend.CommandComplete;
import org.modgres.protocol.backend.EmptyQueryResponse;

/**
 * The simple query protocol: a Query message holds one or more statements, run in order in one
 * implicit transaction unless they open blocks of their own; the first error ends the message.
 */
final class SimpleQueryHandler {

    private final Backend backend;
    private final CopyHandler copies;

    SimpleQueryHandler(Backend backend) {
        this.backend = backend;
        this.copies = new CopyHandler(backend);
    }

    /** Runs a Query message; the caller sends ReadyForQuery afterwards, also after an error. */
    void handle(String sql) throws IOException {
        PreparedStatement planned = backend.runner.prepareShared(sql);
        if (planned != null) {
            backend.activity(sql);
            backend.services.audit().statement(backend.logSession, planned.statement.kind(), sql);
            run(planned);
            backend.transactions.endImplicit();
            return;
        }
        List<Statement> statements = backend.services.parser().parse(sql);
        if (statements.isEmpty()) {
            backend.wire.send(EmptyQueryResponse.INSTANCE);
            return;
        }
        // several statements run in one implicit block, which VACUUM and savepoints refuse as PostgreSQL does
        backend.transactions.multiStatementQuery(statements.size() > 1);
        try {
            for (Statement statement : statements) {
                backend.activity(statement.text());
                backend.services.audit().statement(backend.logSession, statement.kind(), statement.text());
                runOne(statement);
            }
        } finally {
            backend.transactions.multiStatementQuery(false);
        }
        backend.transactions.endImplicit();
    }

    private void runOne(Statement statement) throws IOException {
        if (statement instanceof CopyStatement copy) {
            backend.interrupts.startStatement(backend.settings.statementTimeoutMillis());
            backend.runner.checkNotFailed();
            copies.run(copy);
            return;
        }
        run(new PreparedStatement("", statement.text(), statement, List.of(), true));
    }

    private void run(PreparedStatement prepared) throws IOException {
        Portal portal = new Portal("", prepared, List.of(), new short[0]);
        try {
            backend.interrupts.startStatement(backend.settings.statementTimeoutMillis());
            backend.runner.start(portal);
            List<ResultColumn> columns = portal.columns == null ? List.of() : portal.columns;
            if (!columns.isEmpty()) {
                backend.wire.send(RowEncoder.describe(columns, portal));
            }
            long sent = backend.streamRows(portal, columns, 0);
            backend.wire.send(new CommandComplete(StatementRunner.commandTag(portal, sent)));
        } finally {
            portal.close();
        }
    }
}
