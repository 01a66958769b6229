package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.Collection;
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

/** The tables that exist, by schema and name and by OID. */
final class MemoryCatalog implements Catalog {

    /** The first OID PostgreSQL gives to user objects (FirstNormalObjectId). */
    static final long FIRST_NORMAL_OBJECT_ID = 16384;

    private final ConcurrentHashMap<List<String>, MemoryTable> tables = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, MemoryTable> byOid = new ConcurrentHashMap<>();
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
        if (tables.putIfAbsent(key(info), table) != null) {
            throw new PgException(SqlState.DUPLICATE_TABLE, "relation \"" + info.name() + "\" already exists");
        }
        byOid.put(info.oid(), table);
        version.incrementAndGet();
        return table;
    }

    MemoryTable drop(String schema, String name) {
        MemoryTable table = tables.remove(List.of(schema, name));
        if (table == null) {
            throw new PgException(SqlState.UNDEFINED_TABLE, "table \"" + name + "\" does not exist");
        }
        byOid.remove(table.oid(), table);
        version.incrementAndGet();
        return table;
    }

    /** Gives a table a new definition (a primary key added or taken back); cached plans become stale. */
    void redefine(MemoryTable table, TableInfo info) {
        table.redefine(info);
        version.incrementAndGet();
    }

    /** Puts back a table that a rolled-back transaction dropped. */
    void restore(MemoryTable table) {
        tables.put(key(table.info()), table);
        byOid.put(table.oid(), table);
        version.incrementAndGet();
    }

    /** Removes a table that a rolled-back transaction created. */
    void forget(MemoryTable table) {
        tables.remove(key(table.info()), table);
        byOid.remove(table.oid(), table);
        version.incrementAndGet();
    }

    /**
     * Adds a table with the OID it was created with, for recovery. A table of the same name is
     * replaced, as the later of two conflicting definitions wins.
     */
    MemoryTable install(TableInfo info) {
        MemoryTable table = new MemoryTable(info);
        MemoryTable previous = tables.put(key(info), table);
        if (previous != null) {
            byOid.remove(previous.oid(), previous);
        }
        MemoryTable sameOid = byOid.put(info.oid(), table);
        if (sameOid != null && sameOid != previous) {
            tables.remove(key(sameOid.info()), sameOid);
        }
        reserveOidsBelow(info.oid() + 1);
        version.incrementAndGet();
        return table;
    }

    /** Returns the table with this OID, or null. */
    MemoryTable byOid(long oid) {
        return byOid.get(oid);
    }

    /** Removes the table with this OID, for recovery; returns it, or null when there is none. */
    MemoryTable removeByOid(long oid) {
        MemoryTable table = byOid.remove(oid);
        if (table != null) {
            tables.remove(key(table.info()), table);
            version.incrementAndGet();
        }
        return table;
    }

    Collection<MemoryTable> all() {
        return byOid.values();
    }

    long nextOid() {
        return nextOid.get();
    }

    /** Makes sure no OID below {@code next} is handed out again. */
    void reserveOidsBelow(long next) {
        nextOid.accumulateAndGet(next, Math::max);
    }

    private static List<String> key(TableInfo info) {
        return List.of(info.schema(), info.name());
    }
}
