package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.modgres.api.role.DefaultAcl;
import org.modgres.api.storage.ObjectComment;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.TableInfo;
import org.modgres.shmem.impl.codec.ByteInput;
import org.modgres.shmem.impl.codec.CorruptDataException;
import org.modgres.shmem.impl.codec.DefaultAclCodec;
import org.modgres.shmem.impl.codec.ObjectCommentCodec;
import org.modgres.shmem.impl.codec.RelationPrivilegesCodec;
import org.modgres.shmem.impl.codec.RoleInfoCodec;
import org.modgres.shmem.impl.codec.RoleMembershipCodec;
import org.modgres.shmem.impl.codec.SchemaObjectCodec;
import org.modgres.shmem.impl.codec.SequenceInfoCodec;
import org.modgres.shmem.impl.codec.TableInfoCodec;
import org.modgres.shmem.impl.wal.LogRecord;

/**
 * Applies log records to the catalog at recovery. A transaction's records are held until its
 * commit record and then applied in order; those of a transaction whose commit never came are
 * dropped. Changes set rows by id to the logged values, so applying them after the checkpoint
 * that preceded them gives the committed state.
 */
final class RedoReplayer {

    /** What was replayed, for the recovery log line. */
    static final class Counts {
        long transactions;
        long aborted;
        long inserts;
        long updates;
        long deletes;
        long tablesCreated;
        long tablesDropped;
        long roleChanges;
        /** Changes of tables that a later record of the same log drops anyway, or that no longer exist. */
        long skipped;

        @Override
        public String toString() {
            return transactions + " transactions (" + inserts + " inserts, " + updates + " updates, " + deletes
                    + " deletes, " + tablesCreated + " tables created, " + tablesDropped + " dropped"
                    + (roleChanges > 0 ? ", " + roleChanges + " role changes" : "")
                    + (skipped > 0 ? ", " + skipped + " changes of missing tables skipped" : "") + ")";
        }
    }

    private final MemoryCatalog catalog;
    private final Map<Long, List<byte[]>> pending = new HashMap<>();
    private final Counts counts = new Counts();
    private long completeEnd;
    private long records;
    private long highestXid;

    /** @param start where replay starts: until a record ends a transaction, the log is complete up to here */
    RedoReplayer(MemoryCatalog catalog, long start) {
        this.catalog = catalog;
        this.completeEnd = start;
    }

    void apply(LogRecord record) {
        ByteInput in = new ByteInput(record.payload());
        RedoType type = type(in);
        long xid = in.readVarLong();
        highestXid = Math.max(highestXid, xid);
        records++;
        switch (type) {
            case COMMIT -> {
                List<byte[]> changes = pending.remove(xid);
                if (changes != null) {
                    changes.forEach(this::applyChange);
                }
                counts.transactions++;
            }
            case ABORT -> {
                pending.remove(xid);
                counts.aborted++;
            }
            case SEQUENCE_VALUE -> {
                if (xid == 0) {
                    applySequenceValue(in);
                } else {
                    pending.computeIfAbsent(xid, x -> new ArrayList<>()).add(record.payload());
                }
            }
            default -> pending.computeIfAbsent(xid, x -> new ArrayList<>()).add(record.payload());
        }
        if (pending.isEmpty()) {
            completeEnd = record.end();
        }
    }

    /** Returns the end of the last record after which no transaction was open: where the log is cut. */
    long completeEnd() {
        return completeEnd;
    }

    long records() {
        return records;
    }

    /** Returns the number of transactions whose records were read without their commit. */
    int incompleteTransactions() {
        return pending.size();
    }

    long highestXid() {
        return highestXid;
    }

    Counts counts() {
        return counts;
    }

    private void applyChange(byte[] payload) {
        ByteInput in = new ByteInput(payload);
        RedoType type = type(in);
        in.readVarLong();
        switch (type) {
            case CREATE_TABLE -> {
                TableInfo info = TableInfoCodec.read(in);
                catalog.install(info);
                counts.tablesCreated++;
            }
            case REWRITE_TABLE -> {
                TableInfo info = TableInfoCodec.read(in);
                TableRewrite rewrite = TableRewrite.read(in, info);
                MemoryTable table = catalog.byOid(info.oid());
                if (table == null) {
                    counts.skipped++;
                    return;
                }
                TupleHeap previousHeap = table.rows().heap();
                catalog.replaceRows(table, table.rewrittenRows(rewrite::apply, info), info);
                catalog.heaps().retireFile(previousHeap);
            }
            case ALTER_TABLE -> {
                TableInfo info = TableInfoCodec.read(in);
                MemoryTable table = catalog.byOid(info.oid());
                if (table == null) {
                    counts.skipped++;
                    return;
                }
                catalog.redefine(table, info);
            }
            case DROP_TABLE -> {
                MemoryTable dropped = catalog.removeByOid(in.readVarLong());
                if (dropped != null) {
                    catalog.heaps().retireFile(dropped.rows().heap());
                }
                counts.tablesDropped++;
            }
            case CREATE_ROLE, ALTER_ROLE -> {
                RoleInfo role = RoleInfoCodec.read(in);
                catalog.roles().install(role);
                catalog.reserveOidsBelow(role.oid() + 1);
                counts.roleChanges++;
            }
            case DROP_ROLE -> {
                catalog.roles().remove(in.readVarLong());
                counts.roleChanges++;
            }
            case RELATION_PRIVILEGES -> catalog.privileges().put(RelationPrivilegesCodec.read(in));
            case DEFAULT_ACL -> {
                boolean present = in.readVarLong() != 0;
                DefaultAcl entry = DefaultAclCodec.read(in);
                if (present) {
                    catalog.defaultAcls().put(entry);
                    catalog.reserveOidsBelow(entry.oid() + 1);
                } else {
                    catalog.defaultAcls().remove(MemoryDefaultAcls.Key.of(entry));
                }
            }
            case COMMENT -> {
                boolean present = in.readVarLong() != 0;
                ObjectComment comment = ObjectCommentCodec.read(in);
                catalog.commentStore().put(MemoryComments.Key.of(comment), present ? comment : null);
            }
            case GRANT_MEMBERSHIP -> {
                catalog.memberships().put(RoleMembershipCodec.read(in));
                counts.roleChanges++;
            }
            case REVOKE_MEMBERSHIP -> {
                catalog.memberships().remove(in.readVarLong(), in.readVarLong());
                counts.roleChanges++;
            }
            case CREATE_SEQUENCE -> {
                SequenceInfo info = SequenceInfoCodec.read(in);
                catalog.sequences().install(MemorySequence.created(info));
                catalog.reserveOidsBelow(info.oid() + 1);
            }
            case ALTER_SEQUENCE -> {
                SequenceInfo info = SequenceInfoCodec.read(in);
                MemorySequence sequence = catalog.sequences().byOid(info.oid());
                if (sequence == null) {
                    counts.skipped++;
                    return;
                }
                catalog.sequences().redefine(sequence, info);
            }
            case DROP_SEQUENCE -> {
                MemorySequence sequence = catalog.sequences().byOid(in.readVarLong());
                if (sequence != null) {
                    catalog.sequences().remove(sequence);
                }
            }
            case SEQUENCE_VALUE -> applySequenceValue(in);
            case CREATE_SCHEMA, DROP_SCHEMA, CREATE_VIEW, DROP_VIEW -> applySchemaObject(type, in);
            case INSERT, UPDATE -> {
                MemoryTable table = catalog.byOid(in.readVarLong());
                long rowId = in.readVarLong();
                if (table == null) {
                    counts.skipped++;
                    return;
                }
                table.put(rowId, table.codec().read(in));
                if (type == RedoType.INSERT) {
                    counts.inserts++;
                } else {
                    counts.updates++;
                }
            }
            case DELETE -> {
                MemoryTable table = catalog.byOid(in.readVarLong());
                long rowId = in.readVarLong();
                if (table == null) {
                    counts.skipped++;
                    return;
                }
                table.remove(rowId);
                counts.deletes++;
            }
            default -> throw new CorruptDataException("a " + type + " record among a transaction's changes");
        }
    }

    private void applySchemaObject(RedoType type, ByteInput in) {
        MemorySchemaObjects objects = catalog.schemaObjects();
        switch (type) {
            case CREATE_SCHEMA -> {
                org.modgres.api.storage.SchemaInfo schema = SchemaObjectCodec.readSchema(in);
                objects.installSchema(schema);
                catalog.reserveOidsBelow(schema.oid() + 1);
            }
            case DROP_SCHEMA -> objects.removeSchemaByOid(in.readVarLong());
            case CREATE_VIEW -> {
                org.modgres.api.storage.ViewInfo view = SchemaObjectCodec.readView(in);
                objects.putView(view);
                catalog.reserveOidsBelow(view.oid() + 1);
            }
            default -> objects.removeView(in.readVarLong());
        }
        catalog.schemaObjectsChanged();
    }

    /** Sets a sequence's value as logged; a sequence created by a transaction not yet committed is not there. */
    private void applySequenceValue(ByteInput in) {
        MemorySequence sequence = catalog.sequences().byOid(in.readVarLong());
        long value = in.readLong();
        boolean isCalled = in.readByte() != 0;
        if (sequence == null) {
            counts.skipped++;
            return;
        }
        sequence.apply(new MemorySequence.State(value, isCalled));
    }

    private static RedoType type(ByteInput in) {
        int code = in.readByte();
        RedoType type = RedoType.of(code);
        if (type == null) {
            throw new CorruptDataException("unknown log record type " + code);
        }
        return type;
    }
}
