package org.modgres.session.impl;

import java.util.List;

import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.exec.ExecutionContext;
import org.modgres.api.storage.Transaction;

/** What an executor runs one statement of a backend with. */
final class BackendExecutionContext implements ExecutionContext {

    private final Transaction transaction;
    private final List<Object> parameters;
    private final Interrupts interrupts;
    private final Wire wire;

    BackendExecutionContext(Transaction transaction, List<Object> parameters, Interrupts interrupts, Wire wire) {
        this.transaction = transaction;
        this.parameters = parameters;
        this.interrupts = interrupts;
        this.wire = wire;
    }

    @Override
    public Transaction transaction() {
        return transaction;
    }

    @Override
    public List<Object> parameters() {
        return parameters;
    }

    @Override
    public void checkInterrupts() {
        interrupts.check();
    }

    @Override
    public void notice(String message) {
        wire.notice(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION, message);
    }
}
