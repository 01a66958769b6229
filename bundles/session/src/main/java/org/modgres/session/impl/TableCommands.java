package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.LockStatement;
import org.modgres.api.sql.TruncateStatement;
import org.modgres.api.sql.VacuumStatement;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;

/**
 * TRUNCATE, VACUUM and ANALYZE: utility statements the session runs against the
 * storage itself, as PostgreSQL's ProcessUtility does, without a planner or executor.
 */
final class TableCommands {

    private final Services services;
    private final TransactionBlock transactions;
    private final Wire wire;
    private final String database;

    TableCommands(Services services, TransactionBlock transactions, Wire wire, String database) {
        this.services = services;
        this.transactions = transactions;
        this.wire = wire;
        this.database = database;
    }

    /** Takes the locks of LOCK TABLE, which last until the transaction block ends, in the order named. */
    void lock(LockStatement lock) {
        if (!transactions.inBlock()) {
            throw new PgException(SqlState.NO_ACTIVE_SQL_TRANSACTION, "LOCK TABLE can only be used in transaction blocks");
        }
        Relations relations = relations();
        List<TableInfo> tables = new ArrayList<>();
        for (List<String> name : lock.tables()) {
            tables.add(relations.require(name));
        }
        Transaction transaction = transactions.startStatement();
        for (TableInfo table : tables) {
            transaction.lockTable(table.schema(), table.name(), lock.mode(), lock.nowait());
        }
    }

    /** Empties every table named, inside the transaction: a rollback brings the rows back. */
    void truncate(TruncateStatement truncate) {
        transactions.checkWritable(truncate.kind().commandName());
        Relations relations = relations();
        // all names are checked before any table is emptied, as PostgreSQL locks them all first
        Set<TableInfo> tables = new LinkedHashSet<>();
        for (List<String> name : truncate.tables()) {
            tables.add(relations.require(name));
        }
        Transaction transaction = transactions.startStatement();
        for (TableInfo table : tables) {
            transaction.truncate(table.schema(), table.name());
        }
        if (truncate.restartIdentity()) {
            // as setval, outside the transaction: PostgreSQL takes it back on rollback, Modgres does not
            for (SequenceInfo sequence : services.storage().catalog().sequences(Catalog.DEFAULT_SCHEMA)) {
                if (sequence.owner() != null && tables.stream()
                        .anyMatch(table -> sequence.owner().isOf(table.schema(), table.name()))) {
                    transaction.setval(sequence.oid(), sequence.options().start(), false);
                }
            }
        }
    }

    /**
     * VACUUM reclaims the row versions no transaction can see any more, outside any transaction;
     * ANALYZE has no statistics to gather yet, so it only checks that what it names exists.
     */
    void vacuum(VacuumStatement vacuum) {
        if (vacuum.vacuum() && (transactions.inBlock() || transactions.started())) {
            // a Query message of several statements, or a pipeline since the last Sync, is a block too
            throw new PgException(SqlState.ACTIVE_SQL_TRANSACTION, "VACUUM cannot run inside a transaction block");
        }
        Relations relations = relations();
        List<TableInfo> tables;
        if (vacuum.targets().isEmpty()) {
            tables = relations.all();
        } else {
            tables = new ArrayList<>();
            for (VacuumStatement.Target target : vacuum.targets()) {
                TableInfo table = relations.require(target.table());
                Relations.requireColumns(table, target.columns());
                tables.add(table);
            }
        }
        if (vacuum.vacuum()) {
            SharedStorage storage = services.storage();
            for (TableInfo table : tables) {
                storage.vacuum(table.schema(), table.name());
            }
        }
    }

    /** CHECKPOINT: PostgreSQL 15 lets superusers alone take one, also inside a transaction block. */
    void checkpoint(String currentUser) {
        if (!new AccessControl(services.roles(), currentUser).superuser()) {
            throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "must be superuser to do CHECKPOINT");
        }
        services.storage().checkpoint();
    }

    private Relations relations() {
        return new Relations(services.storage().catalog(), database);
    }
}
