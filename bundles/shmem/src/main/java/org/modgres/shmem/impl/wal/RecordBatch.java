package org.modgres.shmem.impl.wal;

import org.modgres.shmem.impl.codec.ByteOutput;

/**
 * Records framed for the log, appended to it in one piece. A writer calls {@link #beginRecord()},
 * writes the payload with the {@link ByteOutput} methods, then {@link #endRecord()}.
 */
public final class RecordBatch extends ByteOutput {

    private int recordStart = -1;

    public RecordBatch() {
        super(512);
    }

    public void beginRecord() {
        if (recordStart >= 0) {
            throw new IllegalStateException("the previous record is not ended");
        }
        recordStart = reserve(RecordFraming.HEADER_SIZE);
    }

    public void endRecord() {
        if (recordStart < 0) {
            throw new IllegalStateException("no record begun");
        }
        int length = size() - recordStart - RecordFraming.HEADER_SIZE;
        if (!RecordFraming.plausibleLength(length)) {
            throw new IllegalStateException("record payload of " + length + " bytes");
        }
        putInt(recordStart, length);
        putInt(recordStart + 4, RecordFraming.checksum(array(), recordStart, length));
        recordStart = -1;
    }

    /** Returns whether every begun record is ended, so that the batch can be appended. */
    public boolean complete() {
        return recordStart < 0;
    }

    /** Returns a mark of the complete records so far, for {@link #rewind(long)}. */
    public long mark() {
        if (recordStart >= 0) {
            throw new IllegalStateException("a record is begun");
        }
        return size();
    }

    /** Forgets the records appended after a {@link #mark()}. */
    public void rewind(long mark) {
        truncate((int) mark);
        recordStart = -1;
    }

    public void reset() {
        clear();
        recordStart = -1;
    }
}
