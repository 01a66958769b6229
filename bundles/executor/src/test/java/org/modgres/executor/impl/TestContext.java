package org.modgres.executor.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.modgres.api.exec.ExecutionContext;
import org.modgres.api.storage.Transaction;

/** An execution context in one transaction that records notices and counts interrupt checks. */
final class TestContext implements ExecutionContext {

    private final Transaction transaction;
    private final List<Object> parameters;
    private final Map<String, String> settings;
    final List<String> notices = new ArrayList<>();
    int interruptChecks;

    TestContext(Transaction transaction, List<Object> parameters) {
        this(transaction, parameters, Map.of());
    }

    TestContext(Transaction transaction, List<Object> parameters, Map<String, String> settings) {
        this.transaction = transaction;
        this.parameters = parameters;
        this.settings = settings;
    }

    @Override
    public Map<String, String> settings() {
        return settings;
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
        interruptChecks++;
    }

    @Override
    public void notice(String message) {
        notices.add(message);
    }
}
