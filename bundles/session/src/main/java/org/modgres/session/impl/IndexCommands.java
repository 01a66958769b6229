package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.List;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.IndexStatement;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableIndex;
import org.modgres.api.storage.TableInfo;

/**
 * CREATE INDEX and DROP INDEX, run against the storage by the session as PostgreSQL's
 * ProcessUtility does. Only the table's owner may index it or drop its indexes.
 */
final class IndexCommands {

    private final Services services;
    private final TransactionBlock transactions;
    private final Wire wire;
    private final String database;
    private final PrivilegeCommands privileges;

    IndexCommands(Services services, TransactionBlock transactions, Wire wire, String database,
                  PrivilegeCommands privileges) {
        this.services = services;
        this.transactions = transactions;
        this.wire = wire;
        this.database = database;
        this.privileges = privileges;
    }

    void run(IndexStatement statement) {
        transactions.checkWritable(statement.kind().commandName());
        switch (statement) {
            case IndexStatement.Create create -> create(create);
            case IndexStatement.Drop drop -> drop(drop);
        }
    }

    private void create(IndexStatement.Create create) {
        Relations relations = new Relations(services.storage().catalog(), database);
        TableInfo table = relations.require(create.table());
        privileges.checkOwner(create.table());
        privileges.checkCreateIn(table.schema());
        List<Integer> columns = new ArrayList<>();
        for (String column : create.columns()) {
            int position = table.columnIndex(column);
            if (position < 0) {
                throw new PgException(SqlState.UNDEFINED_COLUMN, "column \"" + column + "\" does not exist");
            }
            columns.add(position);
        }
        String name = create.name();
        if (name != null && relationExists(table.schema(), name)) {
            if (create.ifNotExists()) {
                notice("relation \"" + name + "\" already exists, skipping");
                return;
            }
            throw new PgException(SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
        }
        if (name == null) {
            name = freeName(table.schema(), table.name() + "_" + String.join("_", create.columns()) + "_idx");
        }
        transactions.startStatement().createIndex(table.schema(), table.name(),
                new TableIndex(name, columns, create.unique()));
    }

    private void drop(IndexStatement.Drop drop) {
        // every name is checked before any index is dropped, as PostgreSQL looks them all up first
        List<List<String>> found = new ArrayList<>();
        for (List<String> written : drop.names()) {
            List<String> name = Relations.qualified(written, database);
            TableInfo table = tableWithIndex(name.get(0), name.get(1));
            if (table == null && !isKeyIndex(name.get(0), name.get(1))) {
                if (!drop.ifExists()) {
                    throw new PgException(SqlState.UNDEFINED_OBJECT, "index \"" + name.get(1) + "\" does not exist");
                }
                notice("index \"" + name.get(1) + "\" does not exist, skipping");
                continue;
            }
            if (table != null) {
                privileges.checkOwner(List.of(table.schema(), table.name()));
            }
            found.add(name);
        }
        for (List<String> name : found) {
            // the storage refuses a constraint's index with PostgreSQL's message
            transactions.startStatement().dropIndex(name.get(0), name.get(1));
        }
    }

    /** Returns PostgreSQL's choice of a default name: the wanted one, else with 1, 2, ... appended. */
    private String freeName(String schema, String wanted) {
        String name = wanted;
        for (int n = 1; relationExists(schema, name); n++) {
            name = wanted + n;
        }
        return name;
    }

    private boolean relationExists(String schema, String name) {
        Catalog catalog = services.storage().catalog();
        return catalog.table(schema, name).isPresent() || catalog.sequence(schema, name).isPresent()
                || tableWithIndex(schema, name) != null || isKeyIndex(schema, name);
    }

    private TableInfo tableWithIndex(String schema, String name) {
        for (TableInfo table : services.storage().catalog().tables(schema)) {
            if (table.indexes().stream().anyMatch(index -> index.name().equals(name))) {
                return table;
            }
        }
        return null;
    }

    /** Tells whether the name is that of the index of a primary key or UNIQUE constraint. */
    private boolean isKeyIndex(String schema, String name) {
        for (TableInfo table : services.storage().catalog().tables(schema)) {
            if (!table.primaryKey().isEmpty() && name.equals(table.name() + "_pkey")
                    || table.constraints(TableConstraint.Unique.class).stream().anyMatch(u -> u.name().equals(name))) {
                return true;
            }
        }
        return false;
    }

    private void notice(String message) {
        wire.notice(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION, message);
    }
}
