package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.TableInfo;

/** The tables that exist, by schema and name. */
final class MemoryCatalog implements Catalog {

    /** The first OID PostgreSQL gives to user objects (FirstNormalObjectId). */
    private static final long FIRST_NORMAL_OBJECT_ID = 16384;

    private final ConcurrentHashMap<List<String>, MemoryTable> tables = new ConcurrentHashMap<>();
    private final AtomicLong nextOid = new AtomicLong(FIRST_NORMAL_OBJECT_ID);
    private final AtomicLong version = new AtomicLong();

    @Override
    public Optional<TableInfo> table(String schema, String name) {
        MemoryTable table = tables.get(List.of(schema, name));
        return table == null ? Optional.empty() : Optional.of(table.info());
    }

    @Override
    public List<TableInfo> tables(String schema) {
        List<TableInfo> result = new ArrayList<>();
        for (MemoryTable table : tables.values()) {
            if (table.info().schema().equals(schema)) {
                result.add(table.info());
            }
        }
        result.sort(Comparator.comparing(TableInfo::name));
        return result;
    }

    @Override
    public long version() {
        return version.get();
    }

    MemoryTable lookup(String schema, String name) {
        MemoryTable table = tables.get(List.of(schema, name));
        if (table == null) {
            throw new PgException(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist");
        }
        return table;
    }

    MemoryTable create(TableDefinition definition) {
        TableInfo info = new TableInfo(nextOid.getAndIncrement(), definition.schema(), definition.name(),
                definition.columns(), definition.primaryKey());
        MemoryTable table = new MemoryTable(info);
        if (tables.putIfAbsent(List.of(info.schema(), info.name()), table) != null) {
            throw new PgException(SqlState.DUPLICATE_TABLE, "relation \"" + info.name() + "\" already exists");
        }
        version.incrementAndGet();
        return table;
    }

    MemoryTable drop(String schema, String name) {
        MemoryTable table = tables.remove(List.of(schema, name));
        if (table == null) {
            throw new PgException(SqlState.UNDEFINED_TABLE, "table \"" + name + "\" does not exist");
        }
        version.incrementAndGet();
        return table;
    }

    /** Puts back a table that a rolled-back transaction dropped. */
    void restore(MemoryTable table) {
        tables.put(List.of(table.info().schema(), table.info().name()), table);
        version.incrementAndGet();
    }

    /** Removes a table that a rolled-back transaction created. */
    void forget(MemoryTable table) {
        tables.remove(List.of(table.info().schema(), table.info().name()), table);
        version.incrementAndGet();
    }
}
