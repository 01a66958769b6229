package org.modgres.session.impl;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.exec.ExecutionContext;
import org.modgres.api.storage.SequenceValues;
import org.modgres.api.storage.Transaction;

/** What an executor runs one statement of a backend with. */
final class BackendExecutionContext implements ExecutionContext {

    private final Transaction transaction;
    private final List<Object> parameters;
    private final Interrupts interrupts;
    private final Wire wire;
    private final SessionIdentity identity;
    private final Map<String, String> settings;
    private final SettingCommands settingCommands;

    BackendExecutionContext(Transaction transaction, List<Object> parameters, Interrupts interrupts, Wire wire,
                            SessionIdentity identity, Map<String, String> settings) {
        this(transaction, parameters, interrupts, wire, identity, settings, null);
    }

    /** @param settingCommands what set_config changes settings with; null where it may not (COPY) */
    BackendExecutionContext(Transaction transaction, List<Object> parameters, Interrupts interrupts, Wire wire,
                            SessionIdentity identity, Map<String, String> settings, SettingCommands settingCommands) {
        this.settingCommands = settingCommands;
        this.transaction = transaction;
        this.parameters = parameters;
        this.interrupts = interrupts;
        this.wire = wire;
        this.identity = identity;
        this.settings = Collections.unmodifiableMap(settings);
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

    @Override
    public void notice(String message, String detail) {
        wire.notice(new PgException(SqlState.SUCCESSFUL_COMPLETION, Severity.NOTICE, message, detail, null, 0, null));
    }

    /** Returns the current role: the session user unless SET ROLE chose another. */
    @Override
    public String currentUser() {
        return identity.roles().currentUser();
    }

    @Override
    public String sessionUser() {
        return identity.roles().sessionUser();
    }

    @Override
    public String databaseName() {
        return identity.database();
    }

    @Override
    public int processId() {
        return identity.processId();
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }

    @Override
    public SequenceValues sequenceValues() {
        return identity.sequenceValues();
    }

    @Override
    public String setSetting(String name, String value, boolean local) {
        if (settingCommands == null) {
            return ExecutionContext.super.setSetting(name, value, local);
        }
        return settingCommands.setConfig(name, value, local);
    }
}
