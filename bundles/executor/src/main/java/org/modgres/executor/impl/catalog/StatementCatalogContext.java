package org.modgres.executor.impl.catalog;

import java.util.Map;

import org.modgres.api.catalog.SystemRelationContext;
import org.modgres.api.exec.ExecutionContext;
import org.modgres.api.storage.SequenceValues;
import org.modgres.api.storage.Transaction;

/** What system relations and functions see of the statement running them: its session and transaction. */
public final class StatementCatalogContext implements SystemRelationContext {

    private final ExecutionContext execution;

    public StatementCatalogContext(ExecutionContext execution) {
        this.execution = execution;
    }

    @Override
    public Transaction transaction() {
        return execution.transaction();
    }

    @Override
    public String currentUser() {
        return execution.currentUser();
    }

    @Override
    public String sessionUser() {
        return execution.sessionUser();
    }

    @Override
    public String databaseName() {
        return execution.databaseName();
    }

    @Override
    public int processId() {
        return execution.processId();
    }

    @Override
    public Map<String, String> settings() {
        return execution.settings();
    }

    @Override
    public SequenceValues sequenceValues() {
        return execution.sequenceValues();
    }

    @Override
    public String setSetting(String name, String value, boolean local) {
        return execution.setSetting(name, value, local);
    }
}
