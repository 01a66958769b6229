package org.modgres.shmem.impl;

import java.nio.file.Path;

import org.modgres.api.role.DefaultAcl;
import org.modgres.api.storage.ObjectComment;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.RoleMembership;
import org.modgres.api.storage.SchemaInfo;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.ViewInfo;
import org.modgres.shmem.impl.codec.DefaultAclCodec;
import org.modgres.shmem.impl.codec.ObjectCommentCodec;
import org.modgres.shmem.impl.codec.RelationPrivilegesCodec;
import org.modgres.shmem.impl.codec.RoleInfoCodec;
import org.modgres.shmem.impl.codec.RoleMembershipCodec;
import org.modgres.shmem.impl.codec.SchemaObjectCodec;
import org.modgres.shmem.impl.codec.SequenceInfoCodec;
import org.modgres.shmem.impl.codec.TableInfoCodec;
import org.modgres.shmem.impl.wal.RecordBatch;

/** Encodes one transaction's changes as log records, as they happen, for the log append at commit. */
final class RedoWriter {

    /** A batch in memory that has grown past this many bytes moves to a spill file before the next record. */
    static final int SPILL_THRESHOLD = 4 << 20;

    private final long xid;
    private final RecordBatch batch = new RecordBatch();
    /** Where large transactions spill their records, or null to keep them all in memory. */
    private final Path spillDirectory;
    private RedoSpill spill;

    RedoWriter(long xid, Path spillDirectory) {
        this.xid = xid;
        this.spillDirectory = spillDirectory;
    }

    void createTable(TableInfo info) {
        begin(RedoType.CREATE_TABLE);
        TableInfoCodec.write(batch, info);
        batch.endRecord();
    }

    void alterTable(TableInfo info) {
        begin(RedoType.ALTER_TABLE);
        TableInfoCodec.write(batch, info);
        batch.endRecord();
    }

    void rewriteTable(TableInfo info, TableRewrite rewrite) {
        begin(RedoType.REWRITE_TABLE);
        TableInfoCodec.write(batch, info);
        rewrite.write(batch, info);
        batch.endRecord();
    }

    /** Returns a mark of the records so far, for {@link #rewind(long)}. */
    long mark() {
        return spilled() + batch.mark();
    }

    /** Forgets the records written after a {@link #mark()}: their changes were rolled back. */
    void rewind(long mark) {
        long spilled = spilled();
        if (mark >= spilled) {
            batch.rewind(mark - spilled);
        } else {
            spill.truncate(mark);
            batch.reset();
        }
    }

    private long spilled() {
        return spill == null ? 0 : spill.size();
    }

    void dropTable(long oid) {
        begin(RedoType.DROP_TABLE);
        batch.writeVarLong(oid);
        batch.endRecord();
    }

    void createRole(RoleInfo role) {
        begin(RedoType.CREATE_ROLE);
        RoleInfoCodec.write(batch, role);
        batch.endRecord();
    }

    void alterRole(RoleInfo role) {
        begin(RedoType.ALTER_ROLE);
        RoleInfoCodec.write(batch, role);
        batch.endRecord();
    }

    void setPrivileges(RelationPrivileges privileges) {
        begin(RedoType.RELATION_PRIVILEGES);
        RelationPrivilegesCodec.write(batch, privileges);
        batch.endRecord();
    }

    /** Logs a default access control list set, or removed when {@code present} is false. */
    void setDefaultAcl(DefaultAcl entry, boolean present) {
        begin(RedoType.DEFAULT_ACL);
        batch.writeVarLong(present ? 1 : 0);
        DefaultAclCodec.write(batch, entry);
        batch.endRecord();
    }

    /** Logs a comment set, or removed when {@code present} is false. */
    void setComment(ObjectComment comment, boolean present) {
        begin(RedoType.COMMENT);
        batch.writeVarLong(present ? 1 : 0);
        ObjectCommentCodec.write(batch, comment);
        batch.endRecord();
    }

    void grantMembership(RoleMembership membership) {
        begin(RedoType.GRANT_MEMBERSHIP);
        RoleMembershipCodec.write(batch, membership);
        batch.endRecord();
    }

    void revokeMembership(long role, long member) {
        begin(RedoType.REVOKE_MEMBERSHIP);
        batch.writeVarLong(role);
        batch.writeVarLong(member);
        batch.endRecord();
    }

    void dropRole(long oid) {
        begin(RedoType.DROP_ROLE);
        batch.writeVarLong(oid);
        batch.endRecord();
    }

    void createSchema(SchemaInfo schema) {
        begin(RedoType.CREATE_SCHEMA);
        SchemaObjectCodec.writeSchema(batch, schema);
        batch.endRecord();
    }

    void dropSchema(long oid) {
        begin(RedoType.DROP_SCHEMA);
        batch.writeVarLong(oid);
        batch.endRecord();
    }

    void createView(ViewInfo view) {
        begin(RedoType.CREATE_VIEW);
        SchemaObjectCodec.writeView(batch, view);
        batch.endRecord();
    }

    void dropView(long oid) {
        begin(RedoType.DROP_VIEW);
        batch.writeVarLong(oid);
        batch.endRecord();
    }

    void createSequence(SequenceInfo info) {
        begin(RedoType.CREATE_SEQUENCE);
        SequenceInfoCodec.write(batch, info);
        batch.endRecord();
    }

    void alterSequence(SequenceInfo info) {
        begin(RedoType.ALTER_SEQUENCE);
        SequenceInfoCodec.write(batch, info);
        batch.endRecord();
    }

    void dropSequence(long oid) {
        begin(RedoType.DROP_SEQUENCE);
        batch.writeVarLong(oid);
        batch.endRecord();
    }

    void sequenceValue(long oid, MemorySequence.State state) {
        writeSequenceValue(batch, xid, oid, state);
    }

    /** Returns a change of a sequence's value as a batch of its own, outside any transaction. */
    static RecordBatch sequenceValueAlone(long oid, MemorySequence.State state) {
        RecordBatch alone = new RecordBatch();
        writeSequenceValue(alone, 0, oid, state);
        return alone;
    }

    private static void writeSequenceValue(RecordBatch out, long xid, long oid, MemorySequence.State state) {
        out.beginRecord();
        out.writeByte(RedoType.SEQUENCE_VALUE.code());
        out.writeVarLong(xid);
        out.writeVarLong(oid);
        out.writeLong(state.lastValue());
        out.writeByte(state.isCalled() ? 1 : 0);
        out.endRecord();
    }

    void insert(MemoryTable table, long rowId, Object[] row) {
        writeRow(RedoType.INSERT, table, rowId, row);
    }

    void update(MemoryTable table, long rowId, Object[] row) {
        writeRow(RedoType.UPDATE, table, rowId, row);
    }

    void delete(MemoryTable table, long rowId) {
        begin(RedoType.DELETE);
        batch.writeVarLong(table.oid());
        batch.writeVarLong(rowId);
        batch.endRecord();
    }

    /**
     * Ends the records with a commit record and appends them to the journal, the spilled ones
     * first; returns where they end. The caller holds off checkpoints meanwhile, so that none
     * falls between two of the batches.
     */
    long commitTo(Journal journal, long timeMicros) {
        RecordBatch last = commit(timeMicros);
        if (spill != null) {
            spill.forEachBatch(journal::append);
        }
        long end = journal.append(last);
        discard();
        return end;
    }

    /** Ends the records with a commit record and returns those not spilled. */
    RecordBatch commit(long timeMicros) {
        begin(RedoType.COMMIT);
        batch.writeLong(timeMicros);
        batch.endRecord();
        return batch;
    }

    /** Removes the spill file, if there is one: the records were appended or the transaction rolled back. */
    void discard() {
        if (spill != null) {
            spill.close();
            spill = null;
        }
    }

    /** Ends the records with an abort record and returns them. */
    RecordBatch abort() {
        begin(RedoType.ABORT);
        batch.endRecord();
        return batch;
    }

    private void writeRow(RedoType type, MemoryTable table, long rowId, Object[] row) {
        begin(type);
        batch.writeVarLong(table.oid());
        batch.writeVarLong(rowId);
        table.codec().write(batch, row);
        batch.endRecord();
    }

    private void begin(RedoType type) {
        if (spillDirectory != null && batch.size() >= SPILL_THRESHOLD) {
            if (spill == null) {
                spill = RedoSpill.create(spillDirectory, xid);
            }
            spill.add(batch);
            batch.reset();
        }
        batch.beginRecord();
        batch.writeByte(type.code());
        batch.writeVarLong(xid);
    }
}
