package org.modgres.executor.batch;

import java.util.List;
import java.util.Map;

import org.modgres.api.exec.ExecutionContext;
import org.modgres.api.storage.Transaction;

/** What a statement runs with in these tests: a transaction, parameters and settings, without a session. */
record SessionlessContext(Transaction transaction, List<Object> parameters, Map<String, String> settings)
        implements ExecutionContext {

    @Override
    public void checkInterrupts() {
        // nothing cancels a test's statement
    }

    @Override
    public void notice(String message) {
        // the tests look at rows and errors, not notices
    }
}
