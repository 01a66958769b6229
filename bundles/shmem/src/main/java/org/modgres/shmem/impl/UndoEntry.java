package org.modgres.shmem.impl;

import org.modgres.api.role.DefaultAcl;
import org.modgres.api.storage.ObjectComment;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.RoleMembership;
import org.modgres.api.storage.SchemaInfo;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.ViewInfo;

/**
 * How to take back one change of a transaction that has not committed: applied to the live tables
 * on rollback, and to a checkpoint's copy so that the copy holds committed data only.
 */
sealed interface UndoEntry {

    /** The order of the change among the changes of all transactions; later changes are undone first. */
    long sequence();

    /** The table changed; null for a change of a role. */
    MemoryTable table();

    void undo(MemoryCatalog catalog);

    void undo(CheckpointImage image);

    record RowInserted(long sequence, MemoryTable table, long rowId) implements UndoEntry {
        @Override
        public void undo(MemoryCatalog catalog) {
            table.remove(rowId);
        }

        @Override
        public void undo(CheckpointImage image) {
            image.removeRow(table, rowId);
        }
    }

    /** An update made {@code replacing} the newest version of the row, on top of {@code previous}. */
    record RowUpdated(long sequence, MemoryTable table, long rowId, RowVersion replacing, RowVersion previous)
            implements UndoEntry {
        @Override
        public void undo(MemoryCatalog catalog) {
            table.restore(rowId, replacing, previous);
        }

        @Override
        public void undo(CheckpointImage image) {
            image.putRowIfPresent(table, rowId, previous.values());
        }
    }

    /** A delete set the xmax of {@code deleted}, the newest version of the row. */
    record RowDeleted(long sequence, MemoryTable table, long rowId, RowVersion deleted) implements UndoEntry {
        @Override
        public void undo(MemoryCatalog catalog) {
            deleted.release();
            table.changed();
        }

        @Override
        public void undo(CheckpointImage image) {
            image.putRow(table, rowId, deleted.values());
        }
    }

    record TableCreated(long sequence, MemoryTable table) implements UndoEntry {
        @Override
        public void undo(MemoryCatalog catalog) {
            catalog.forget(table);
            catalog.heaps().retireFile(table.rows().heap());
        }

        @Override
        public void undo(CheckpointImage image) {
            image.removeTable(table);
        }
    }

    /** The image holds dropped tables from the start (see {@link CheckpointImage}), so only rollback has work. */
    record TableDropped(long sequence, MemoryTable table) implements UndoEntry {
        @Override
        public void undo(MemoryCatalog catalog) {
            catalog.restore(table);
        }

        @Override
        public void undo(CheckpointImage image) {
        }
    }

    /**
     * A table's rows were rewritten for a column added or dropped: {@code previousRows} are the
     * rows as they were, described by {@code previous}. Later changes of the transaction are taken
     * back first, and other transactions waited, so these are exactly the rows to go back to.
     */
    record RowsRewritten(long sequence, MemoryTable table, TableInfo previous, RowStore previousRows)
            implements UndoEntry {
        @Override
        public void undo(MemoryCatalog catalog) {
            catalog.heaps().retireFile(table.rows().heap());
            catalog.replaceRows(table, previousRows, previous);
            table.rewrittenBy(RowVersion.NONE);
        }

        @Override
        public void undo(CheckpointImage image) {
            image.replaceRows(table, previous, previousRows);
        }
    }

    /** A table was given a new definition; {@code previous} is the one it had. */
    record TableAltered(long sequence, MemoryTable table, TableInfo previous) implements UndoEntry {
        @Override
        public void undo(MemoryCatalog catalog) {
            catalog.redefine(table, previous);
        }

        @Override
        public void undo(CheckpointImage image) {
            image.redefine(table, previous);
        }
    }

    /** A change of a role, or of other catalog entries kept beside roles (comments): it touches no table. */
    sealed interface RoleChange extends UndoEntry {
        @Override
        default MemoryTable table() {
            return null;
        }
    }

    record RoleCreated(long sequence, RoleInfo role) implements RoleChange {
        @Override
        public void undo(MemoryCatalog catalog) {
            catalog.roles().remove(role.oid());
        }

        @Override
        public void undo(CheckpointImage image) {
            image.removeRole(role.oid());
        }
    }

    /** A role was altered or renamed; {@code previous} is what it was. */
    record RoleAltered(long sequence, RoleInfo previous) implements RoleChange {
        @Override
        public void undo(MemoryCatalog catalog) {
            catalog.roles().install(previous);
        }

        @Override
        public void undo(CheckpointImage image) {
            image.putRole(previous);
        }
    }

    record RoleDropped(long sequence, RoleInfo role) implements RoleChange {
        @Override
        public void undo(MemoryCatalog catalog) {
            catalog.roles().install(role);
        }

        @Override
        public void undo(CheckpointImage image) {
            image.putRole(role);
        }
    }

    /** A relation's owner or access control list was set; {@code previous} is null when it had none. */
    record PrivilegesSet(long sequence, long relation, RelationPrivileges previous) implements RoleChange {
        @Override
        public void undo(MemoryCatalog catalog) {
            if (previous == null) {
                catalog.privileges().remove(relation);
            } else {
                catalog.privileges().put(previous);
            }
        }

        @Override
        public void undo(CheckpointImage image) {
            image.putPrivileges(relation, previous);
        }
    }

    /** A default access control list was set or removed; {@code previous} is null when there was none. */
    record DefaultAclSet(long sequence, MemoryDefaultAcls.Key key, DefaultAcl previous) implements RoleChange {
        @Override
        public void undo(MemoryCatalog catalog) {
            if (previous == null) {
                catalog.defaultAcls().remove(key);
            } else {
                catalog.defaultAcls().put(previous);
            }
        }

        @Override
        public void undo(CheckpointImage image) {
            image.putDefaultAcl(key, previous);
        }
    }

    /** A comment was set or removed; {@code previous} is null when there was none. */
    record CommentSet(long sequence, MemoryComments.Key key, ObjectComment previous) implements RoleChange {
        @Override
        public void undo(MemoryCatalog catalog) {
            catalog.commentStore().put(key, previous);
        }

        @Override
        public void undo(CheckpointImage image) {
            image.putComment(key, previous);
        }
    }

    /** A membership was granted, changed or revoked; {@code previous} is null when there was none. */
    record MembershipSet(long sequence, long role, long member, RoleMembership previous) implements RoleChange {
        @Override
        public void undo(MemoryCatalog catalog) {
            if (previous == null) {
                catalog.memberships().remove(role, member);
            } else {
                catalog.memberships().put(previous);
            }
        }

        @Override
        public void undo(CheckpointImage image) {
            image.putMembership(role, member, previous);
        }
    }

    /** A change of a sequence's definition, which touches no table; its value is not transactional. */
    sealed interface SequenceChange extends UndoEntry {
        @Override
        default MemoryTable table() {
            return null;
        }
    }

    record SequenceCreated(long sequence, MemorySequence created) implements SequenceChange {
        @Override
        public void undo(MemoryCatalog catalog) {
            catalog.sequences().remove(created);
        }

        @Override
        public void undo(CheckpointImage image) {
            image.removeSequence(created.oid());
        }
    }

    record SequenceDropped(long sequence, MemorySequence dropped) implements SequenceChange {
        @Override
        public void undo(MemoryCatalog catalog) {
            catalog.sequences().install(dropped);
        }

        @Override
        public void undo(CheckpointImage image) {
            image.putSequence(dropped);
        }
    }

    /** A sequence was given new options or a new owner; {@code previous} is the definition it had. */
    record SequenceAltered(long sequence, MemorySequence altered, SequenceInfo previous) implements SequenceChange {
        @Override
        public void undo(MemoryCatalog catalog) {
            catalog.sequences().redefine(altered, previous);
        }

        @Override
        public void undo(CheckpointImage image) {
            image.redefineSequence(previous);
        }
    }

    /** A schema was created ({@code created}) or dropped; see {@link SchemaObjectChanges}. */
    record SchemaChanged(long sequence, SchemaInfo schema, boolean created) implements RoleChange {
        @Override
        public void undo(MemoryCatalog catalog) {
            if (created) {
                catalog.schemaObjects().removeSchema(schema);
            } else {
                catalog.schemaObjects().installSchema(schema);
            }
            catalog.schemaObjectsChanged();
        }

        @Override
        public void undo(CheckpointImage image) {
            image.putSchema(schema.oid(), created ? null : schema);
        }
    }

    /** A view was created, replaced or dropped; {@code previous} is null when it did not exist. */
    record ViewChanged(long sequence, long oid, ViewInfo previous) implements RoleChange {
        @Override
        public void undo(MemoryCatalog catalog) {
            if (previous == null) {
                catalog.schemaObjects().removeView(oid);
            } else {
                catalog.schemaObjects().putView(previous);
            }
            catalog.schemaObjectsChanged();
        }

        @Override
        public void undo(CheckpointImage image) {
            image.putView(oid, previous);
        }
    }
}
