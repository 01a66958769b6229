package org.modgres.executor.impl;

import java.util.List;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.exec.ExecutionContext;
import org.modgres.api.plan.CreateTablePlan;
import org.modgres.api.plan.DropTablePlan;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.Transaction;

/** CREATE TABLE and DROP TABLE, with PostgreSQL's IF [NOT] EXISTS notices. */
final class DdlRunner {

    private DdlRunner() {
    }

    static void createTable(CreateTablePlan plan, ExecutionContext context) {
        try {
            context.transaction().createTable(plan.definition());
        } catch (PgException e) {
            if (!plan.ifNotExists() || e.sqlState() != SqlState.DUPLICATE_TABLE) {
                throw e;
            }
            context.notice("relation \"" + plan.definition().name() + "\" already exists, skipping");
        }
    }

    static void dropTables(DropTablePlan plan, ExecutionContext context) {
        Transaction transaction = context.transaction();
        for (List<String> qualified : plan.tables()) {
            String name = qualified.get(qualified.size() - 1);
            String schema = qualified.size() >= 2 ? qualified.get(qualified.size() - 2) : Catalog.DEFAULT_SCHEMA;
            try {
                transaction.dropTable(schema, name);
            } catch (PgException e) {
                if (e.sqlState() != SqlState.UNDEFINED_TABLE) {
                    throw e;
                }
                if (!plan.ifExists()) {
                    throw new PgException(SqlState.UNDEFINED_TABLE, "table \"" + name + "\" does not exist");
                }
                context.notice("table \"" + name + "\" does not exist, skipping");
            }
        }
    }
}
