package org.modgres.shmem.impl.codec;

import org.modgres.api.storage.ObjectComment;

/** Writes and reads a comment on an object, for the log and checkpoints. */
public final class ObjectCommentCodec {

    private ObjectCommentCodec() {
    }

    public static void write(ByteOutput out, ObjectComment comment) {
        out.writeVarLong(comment.objectOid());
        out.writeVarLong(comment.classOid());
        out.writeVarLong(comment.subId());
        out.writeString(comment.description());
    }

    public static ObjectComment read(ByteInput in) {
        long objectOid = in.readVarLong();
        long classOid = in.readVarLong();
        int subId = (int) in.readVarLong();
        return new ObjectComment(objectOid, classOid, subId, in.readString());
    }
}
