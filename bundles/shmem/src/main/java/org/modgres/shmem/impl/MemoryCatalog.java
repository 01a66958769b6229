package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.ObjectComment;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.ForeignKeyReference;
import org.modgres.api.storage.SchemaInfo;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.SequenceOptions;
import org.modgres.api.storage.SequenceOwner;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.ViewInfo;

/** The tables that exist, by schema and name and by OID, and the roles. */
final class MemoryCatalog implements Catalog {

    /** The first OID PostgreSQL gives to user objects (FirstNormalObjectId). */
    static final long FIRST_NORMAL_OBJECT_ID = 16384;

    private final Heaps heaps;
    private final ConcurrentHashMap<List<String>, MemoryTable> tables = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, MemoryTable> byOid = new ConcurrentHashMap<>();
    private final AtomicLong nextOid = new AtomicLong(FIRST_NORMAL_OBJECT_ID);
    private final AtomicLong version = new AtomicLong();
    private volatile ForeignKeysAt foreignKeys;
    private final MemoryRoles roles = new MemoryRoles();
    private final MemoryPrivileges privileges = new MemoryPrivileges();
    private final MemoryMemberships memberships = new MemoryMemberships();
    private final MemoryDefaultAcls defaultAcls = new MemoryDefaultAcls();
    private final MemoryComments comments = new MemoryComments();
    private final MemorySequences sequences = new MemorySequences(version::incrementAndGet);
    private final MemorySchemaObjects schemaObjects = new MemorySchemaObjects();

    /** @param heaps where the tables' rows are stored */
    MemoryCatalog(Heaps heaps) {
        this.heaps = heaps;
    }

    Heaps heaps() {
        return heaps;
    }

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
    public Optional<SequenceInfo> sequence(String schema, String name) {
        return Optional.ofNullable(sequences.find(schema, name)).map(MemorySequence::info);
    }

    @Override
    public Optional<SequenceInfo> sequence(long oid) {
        return Optional.ofNullable(sequences.byOid(oid)).map(MemorySequence::info);
    }

    @Override
    public List<SequenceInfo> sequences(String schema) {
        return sequences.infos(schema);
    }

    @Override
    public Optional<SchemaInfo> schema(String name) {
        return Optional.ofNullable(schemaObjects.schema(name));
    }

    @Override
    public List<SchemaInfo> schemas() {
        return schemaObjects.schemas();
    }

    @Override
    public Optional<ViewInfo> view(String schema, String name) {
        return Optional.ofNullable(schemaObjects.view(schema, name));
    }

    @Override
    public Optional<ViewInfo> view(long oid) {
        return Optional.ofNullable(schemaObjects.view(oid));
    }

    @Override
    public List<ViewInfo> views(String schema) {
        return schemaObjects.views(schema);
    }

    /** Returns the schemas and views, which share the relation names and the OID counter with the tables. */
    MemorySchemaObjects schemaObjects() {
        return schemaObjects;
    }

    /** Says that schemas or views changed, so that cached plans become stale. */
    void schemaObjectsChanged() {
        version.incrementAndGet();
    }

    /** Refuses a new relation in a schema that does not exist or under a name a view has. */
    void checkNewRelation(String schema, String name) {
        if (schemaObjects.schema(schema) == null) {
            throw new PgException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + schema + "\" does not exist");
        }
        if (schemaObjects.view(schema, name) != null) {
            throw new PgException(SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
        }
    }

    /** Returns the sequences, which share the relation names and the OID counter with the tables. */
    MemorySequences sequences() {
        return sequences;
    }

    /** Adds a new sequence under a new OID. */
    synchronized MemorySequence createSequence(String schema, String name, SequenceOptions options,
                                               SequenceOwner owner) {
        checkNewRelation(schema, name);
        if (tables.containsKey(List.of(schema, name)) || sequences.find(schema, name) != null) {
            throw new PgException(SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
        }
        MemorySequence sequence = MemorySequence.created(
                new SequenceInfo(nextOid.getAndIncrement(), schema, name, options, owner));
        sequences.add(sequence);
        return sequence;
    }

    @Override
    public long version() {
        return version.get();
    }

    /** Returns the table with this name, or null. */
    MemoryTable find(String schema, String name) {
        return tables.get(List.of(schema, name));
    }

    MemoryTable lookup(String schema, String name) {
        MemoryTable table = tables.get(List.of(schema, name));
        if (table == null) {
            throw new PgException(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist");
        }
        return table;
    }

    synchronized MemoryTable create(TableDefinition definition) {
        checkNewRelation(definition.schema(), definition.name());
        if (sequences.find(definition.schema(), definition.name()) != null) {
            throw new PgException(SqlState.DUPLICATE_TABLE, "relation \"" + definition.name() + "\" already exists");
        }
        TableInfo info = new TableInfo(nextOid.getAndIncrement(), definition.schema(), definition.name(),
                definition.columns(), definition.primaryKey(), definition.constraints());
        MemoryTable table = new MemoryTable(info, heaps);
        if (tables.putIfAbsent(key(info), table) != null) {
            throw new PgException(SqlState.DUPLICATE_TABLE, "relation \"" + info.name() + "\" already exists");
        }
        byOid.put(info.oid(), table);
        version.incrementAndGet();
        return table;
    }

    MemoryTable drop(String schema, String name) {
        MemoryTable existing = tables.get(List.of(schema, name));
        if (existing != null) {
            String shown = SchemaObjectChanges.displayName(schema, name);
            List<String> foreignKeys = new ArrayList<>();
            for (MemoryTable other : tables.values()) {
                if (other == existing) {
                    continue;
                }
                for (TableConstraint.ForeignKey key : other.info().constraints(TableConstraint.ForeignKey.class)) {
                    if (key.referencedSchema().equals(schema) && key.referencedTable().equals(name)) {
                        foreignKeys.add("constraint " + key.name() + " on table "
                                + SchemaObjectChanges.displayName(other.info().schema(), other.info().name())
                                + " depends on table " + shown);
                    }
                }
            }
            SchemaObjectChanges.checkNoDependents(schemaObjects, existing.oid(), "table", shown, foreignKeys);
        }
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
        List<String> before = key(table.info());
        table.redefine(info);
        if (!before.equals(key(info))) {
            tables.remove(before, table);
            tables.put(key(info), table);
        }
        version.incrementAndGet();
    }

    /** Gives a table rows in a new layout (a column added or dropped) with their definition. */
    void replaceRows(MemoryTable table, RowStore rows, TableInfo info) {
        table.replaceRows(rows, info);
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
        MemoryTable table = new MemoryTable(info, heaps);
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

    /**
     * Returns the foreign keys that reference a table. Every UPDATE and DELETE asks, so they are
     * gathered from all tables once per version of the catalog, not per statement.
     */
    List<ForeignKeyReference> foreignKeysTo(String schema, String name) {
        long now = version.get();
        ForeignKeysAt known = foreignKeys;
        if (known == null || known.version() != now) {
            Map<List<String>, List<ForeignKeyReference>> byTarget = new HashMap<>();
            for (MemoryTable other : all()) {
                TableInfo info = other.info();
                for (TableConstraint.ForeignKey key : info.constraints(TableConstraint.ForeignKey.class)) {
                    byTarget.computeIfAbsent(List.of(key.referencedSchema(), key.referencedTable()),
                            target -> new ArrayList<>()).add(new ForeignKeyReference(info.schema(), info.name(), key));
                }
            }
            // stamped with the version read before, so that a change made meanwhile is gathered again
            known = new ForeignKeysAt(now, byTarget);
            foreignKeys = known;
        }
        return known.byTarget().getOrDefault(List.of(schema, name), List.of());
    }

    /** The foreign keys of all tables by the table they reference, as of a version of the catalog. */
    private record ForeignKeysAt(long version, Map<List<String>, List<ForeignKeyReference>> byTarget) {
    }

    Collection<MemoryTable> all() {
        return byOid.values();
    }

    /** Returns the roles, which share the OID counter with the tables as in PostgreSQL. */
    MemoryRoles roles() {
        return roles;
    }

    /** Returns the owners and access control lists of the relations. */
    MemoryPrivileges privileges() {
        return privileges;
    }

    /** Returns the memberships of roles in roles. */
    MemoryMemberships memberships() {
        return memberships;
    }

    /** Returns the default access control lists of new objects. */
    MemoryComments commentStore() {
        return comments;
    }

    @Override
    public List<ObjectComment> comments() {
        return comments.all();
    }

    MemoryDefaultAcls defaultAcls() {
        return defaultAcls;
    }

    /** Hands out a new OID. */
    long newOid() {
        return nextOid.getAndIncrement();
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
