package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.modgres.api.role.DefaultAcl;
import org.modgres.api.storage.ObjectComment;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.RoleMembership;
import org.modgres.api.storage.SchemaInfo;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.ViewInfo;
import org.modgres.shmem.impl.checkpoint.RowSink;
import org.modgres.shmem.impl.checkpoint.SequenceEntry;

/**
 * The committed state of every table at one instant, made while no change can happen: references
 * to the live row versions (cheap: their values are read from the heap pages as the image is
 * written, and their tuples are not freed while a checkpoint runs, see {@link Heaps}), with the changes of transactions still
 * active taken back through their undo entries. Written to files after the gate is open again.
 *
 * <p>Tables an active transaction dropped are in the image from the start: the drop is not
 * committed, so the table still exists for recovery.
 */
final class CheckpointImage {

    /** One table's rows: the copied ids and rows, and on top the rows undo entries changed (null: removed). */
    static final class TableCopy {
        final MemoryTable table;
        /** The definition as committed: an active transaction's change of it is taken back. */
        TableInfo info;
        final long nextRowId;
        final long changes;
        /** The file of an earlier checkpoint that holds this table as it is, or null when it must be written. */
        final MemoryTable.CheckpointMark reused;
        private final long[] ids;
        /** The copied rows' versions: their values are read from their pages only as they are written. */
        private final RowVersion[] rows;
        private final TreeMap<Long, Object[]> overlay = new TreeMap<>();

        private TableCopy(MemoryTable table, boolean reuse) {
            this(table, table.info(), table.rows(), reuse);
        }

        private TableCopy(MemoryTable table, TableInfo info, RowStore store, boolean reuse) {
            this.table = table;
            this.info = info;
            this.nextRowId = table.nextRowId();
            this.changes = table.changes();
            this.reused = reuse ? table.checkpointed() : null;
            if (reuse) {
                ids = new long[0];
                rows = new RowVersion[0];
                return;
            }
            // the number of rows is not known without counting: grow the arrays instead
            long[] copiedIds = new long[1024];
            RowVersion[] copiedRows = new RowVersion[1024];
            int n = 0;
            for (RowStore.Cursor row = store.cursor(); row.next(); ) {
                RowVersion newest = row.version();
                // a row with an xmax is deleted: if that delete is still active, its undo entry puts the row back
                if (newest.xmax() != RowVersion.NONE) {
                    continue;
                }
                if (n == copiedIds.length) {
                    copiedIds = Arrays.copyOf(copiedIds, n * 2);
                    copiedRows = Arrays.copyOf(copiedRows, n * 2);
                }
                copiedIds[n] = row.id();
                copiedRows[n] = newest;
                n++;
            }
            ids = Arrays.copyOf(copiedIds, n);
            rows = Arrays.copyOf(copiedRows, n);
        }

        /** Whether no undo entry changed the copy, so that it is the live table exactly. */
        boolean exact() {
            return overlay.isEmpty();
        }

        private boolean contains(long rowId) {
            if (overlay.containsKey(rowId)) {
                return overlay.get(rowId) != null;
            }
            return Arrays.binarySearch(ids, rowId) >= 0;
        }

        /** Hands over the rows in id order: the copied ones merged with the overlay. */
        void forEach(RowSink sink) {
            int i = 0;
            for (Map.Entry<Long, Object[]> changed : overlay.entrySet()) {
                long id = changed.getKey();
                while (i < ids.length && ids[i] < id) {
                    sink.row(ids[i], rows[i].values());
                    i++;
                }
                if (i < ids.length && ids[i] == id) {
                    i++;
                }
                if (changed.getValue() != null) {
                    sink.row(id, changed.getValue());
                }
            }
            for (; i < ids.length; i++) {
                sink.row(ids[i], rows[i].values());
            }
        }
    }

    private final long redoPosition;
    private final long nextOid;
    private final long nextXid;
    private final Map<Long, TableCopy> tables = new LinkedHashMap<>();
    /** The roles as committed, by OID: the live ones with active transactions' changes taken back. */
    private final Map<Long, RoleInfo> roles = new TreeMap<>();
    /** The sequences as committed, by OID, with their values now. */
    private final Map<Long, SequenceEntry> sequences = new TreeMap<>();
    /** The owners and access control lists as committed, by relation OID. */
    private final Map<Long, RelationPrivileges> privileges = new TreeMap<>();
    /** The memberships as committed, by role and member. */
    private final Map<MemoryMemberships.Key, RoleMembership> memberships = new HashMap<>();
    /** The default access control lists as committed. */
    private final Map<MemoryDefaultAcls.Key, DefaultAcl> defaultAcls = new HashMap<>();
    /** The comments as committed. */
    private final Map<MemoryComments.Key, ObjectComment> comments = new TreeMap<>(MemoryComments.ORDER);

    /** The schemas of CREATE SCHEMA as committed, by OID. */
    private final Map<Long, SchemaInfo> schemas = new TreeMap<>();
    /** The views as committed, by OID. */
    private final Map<Long, ViewInfo> views = new TreeMap<>();

    private CheckpointImage(long redoPosition, long nextOid, long nextXid) {
        this.redoPosition = redoPosition;
        this.nextOid = nextOid;
        this.nextXid = nextXid;
    }

    /**
     * Takes the image; call while no change can happen.
     *
     * @param redoPosition the log's end: every transaction logged before it is in the image, every
     *                     later one is still active and taken back
     */
    static CheckpointImage take(MemoryCatalog catalog, List<UndoEntry> pendingUndo, long redoPosition, long nextXid) {
        CheckpointImage image = new CheckpointImage(redoPosition, catalog.nextOid(), nextXid);
        for (RoleInfo role : catalog.roles().all()) {
            image.roles.put(role.oid(), role);
        }
        for (MemorySequence sequence : catalog.sequences().all()) {
            image.putSequence(sequence);
        }
        for (SchemaInfo schema : catalog.schemaObjects().created()) {
            image.schemas.put(schema.oid(), schema);
        }
        for (ViewInfo view : catalog.schemaObjects().allViews()) {
            image.views.put(view.oid(), view);
        }
        for (RelationPrivileges entry : catalog.privileges().all()) {
            image.privileges.put(entry.relation(), entry);
        }
        for (RoleMembership membership : catalog.memberships().all()) {
            image.memberships.put(MemoryMemberships.key(membership), membership);
        }
        for (DefaultAcl entry : catalog.defaultAcls().all()) {
            image.defaultAcls.put(MemoryDefaultAcls.Key.of(entry), entry);
        }
        for (ObjectComment comment : catalog.commentStore().all()) {
            image.comments.put(MemoryComments.Key.of(comment), comment);
        }
        Set<MemoryTable> touched = new HashSet<>();
        List<MemoryTable> tables = new ArrayList<>(catalog.all());
        for (UndoEntry entry : pendingUndo) {
            if (entry.table() != null) {
                touched.add(entry.table());
            }
            if (entry instanceof UndoEntry.TableDropped dropped) {
                tables.add(dropped.table());
            }
        }
        for (MemoryTable table : tables) {
            MemoryTable.CheckpointMark mark = table.checkpointed();
            boolean reuse = mark != null && mark.changes() == table.changes() && !touched.contains(table);
            image.tables.putIfAbsent(table.oid(), new TableCopy(table, reuse));
        }
        for (UndoEntry entry : pendingUndo) {
            entry.undo(image);
        }
        // the lists of databases and functions stay: neither is ever dropped
        image.privileges.values().removeIf(entry -> entry.target() != org.modgres.api.role.PrivilegeTarget.DATABASE
                && entry.target() != org.modgres.api.role.PrivilegeTarget.FUNCTION
                && !image.tables.containsKey(entry.relation()) && !image.sequences.containsKey(entry.relation())
                && !image.views.containsKey(entry.relation()) && !image.schemas.containsKey(entry.relation())
                && entry.relation() != org.modgres.api.storage.Catalog.PUBLIC_SCHEMA_OID);
        return image;
    }

    long redoPosition() {
        return redoPosition;
    }

    long nextOid() {
        return nextOid;
    }

    long nextXid() {
        return nextXid;
    }

    List<TableCopy> tables() {
        return List.copyOf(tables.values());
    }

    List<SequenceEntry> sequences() {
        return List.copyOf(sequences.values());
    }

    void putSequence(MemorySequence sequence) {
        MemorySequence.State state = sequence.checkpointState();
        sequences.put(sequence.oid(), new SequenceEntry(sequence.info(), state.lastValue(), state.isCalled()));
    }

    void removeSequence(long oid) {
        sequences.remove(oid);
    }

    void redefineSequence(SequenceInfo previous) {
        SequenceEntry entry = sequences.get(previous.oid());
        if (entry != null) {
            sequences.put(previous.oid(), new SequenceEntry(previous, entry.lastValue(), entry.isCalled()));
        }
    }

    List<SchemaInfo> schemas() {
        return List.copyOf(schemas.values());
    }

    List<ViewInfo> views() {
        return List.copyOf(views.values());
    }

    /** Sets a schema as committed; null for none. */
    void putSchema(long oid, SchemaInfo schema) {
        if (schema == null) {
            schemas.remove(oid);
        } else {
            schemas.put(oid, schema);
        }
    }

    /** Sets a view as committed; null for none. */
    void putView(long oid, ViewInfo view) {
        if (view == null) {
            views.remove(oid);
        } else {
            views.put(oid, view);
        }
    }

    List<RelationPrivileges> privileges() {
        return List.copyOf(privileges.values());
    }

    /** Sets a relation's entry as committed; null for none. */
    void putPrivileges(long relation, RelationPrivileges entry) {
        if (entry == null) {
            privileges.remove(relation);
        } else {
            privileges.put(relation, entry);
        }
    }

    /** Returns the default access control lists as committed, by role, schema and kind. */
    List<DefaultAcl> defaultAcls() {
        List<DefaultAcl> all = new ArrayList<>(defaultAcls.values());
        all.sort(MemoryDefaultAcls.ORDER);
        return all;
    }

    /** Sets a default access control list as committed; null for none. */
    void putDefaultAcl(MemoryDefaultAcls.Key key, DefaultAcl entry) {
        if (entry == null) {
            defaultAcls.remove(key);
        } else {
            defaultAcls.put(key, entry);
        }
    }

    /** Returns the comments as committed, in pg_description's order. */
    List<ObjectComment> comments() {
        return new ArrayList<>(comments.values());
    }

    /** Sets a comment as committed; null for none. */
    void putComment(MemoryComments.Key key, ObjectComment comment) {
        if (comment == null) {
            comments.remove(key);
        } else {
            comments.put(key, comment);
        }
    }

    /** Returns the memberships as committed, by role then member. */
    List<RoleMembership> memberships() {
        List<RoleMembership> all = new ArrayList<>(memberships.values());
        all.sort(MemoryMemberships.ORDER);
        return all;
    }

    /** Sets a membership as committed; null for none. */
    void putMembership(long role, long member, RoleMembership membership) {
        MemoryMemberships.Key key = new MemoryMemberships.Key(role, member);
        if (membership == null) {
            memberships.remove(key);
        } else {
            memberships.put(key, membership);
        }
    }

    List<RoleInfo> roles() {
        return List.copyOf(roles.values());
    }

    void removeRole(long oid) {
        roles.remove(oid);
    }

    void putRole(RoleInfo role) {
        roles.put(role.oid(), role);
    }

    void removeRow(MemoryTable table, long rowId) {
        TableCopy copy = tables.get(table.oid());
        if (copy != null && copy.table == table) {
            copy.overlay.put(rowId, null);
        }
    }

    void putRow(MemoryTable table, long rowId, Object[] row) {
        TableCopy copy = tables.get(table.oid());
        if (copy != null && copy.table == table) {
            copy.overlay.put(rowId, row);
        }
    }

    void putRowIfPresent(MemoryTable table, long rowId, Object[] row) {
        TableCopy copy = tables.get(table.oid());
        if (copy != null && copy.table == table && copy.contains(rowId)) {
            copy.overlay.put(rowId, row);
        }
    }

    void redefine(MemoryTable table, TableInfo previous) {
        TableCopy copy = tables.get(table.oid());
        if (copy != null && copy.table == table) {
            copy.info = previous;
        }
    }

    /** Takes back a rewrite of a table's rows: the copy is made again from the rows as they were. */
    void replaceRows(MemoryTable table, TableInfo previous, RowStore previousRows) {
        TableCopy copy = tables.get(table.oid());
        if (copy != null && copy.table == table) {
            tables.put(table.oid(), new TableCopy(table, previous, previousRows, false));
        }
    }

    void removeTable(MemoryTable table) {
        TableCopy copy = tables.get(table.oid());
        if (copy != null && copy.table == table) {
            tables.remove(table.oid());
        }
    }
}
