package org.modgres.session.impl;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * Reads PostgreSQL's binary COPY format as CopyData messages bring it, in pieces cut anywhere:
 * the PGCOPY signature, the flags and the header extension, then tuples of an Int16 field count
 * and Int32-length-prefixed fields (-1 for NULL), until the Int16 -1 trailer. The checks and their
 * messages are those of PostgreSQL's copyfromparse.c; as there, the end of the data before the
 * trailer (between tuples) simply ends the rows.
 */
final class CopyBinaryReader {

    /** Receives each tuple's fields, null for NULL, with the tuple's 1-based number. */
    interface Tuples {
        void tuple(byte[][] fields, long number);
    }

    static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** Flag bit 16 meant "has OIDs" in the format's first version; no row has an OID any more. */
    private static final int OIDS_FLAG = 1 << 16;

    private final String table;
    private final List<String> columnNames;
    private final int fieldCount;
    private final Tuples tuples;
    private byte[] buffer = new byte[8192];
    private int start;
    private int end;
    private boolean headerRead;
    private boolean trailerRead;
    private long tupleNumber;

    CopyBinaryReader(String table, List<String> columnNames, Tuples tuples) {
        this.table = table;
        this.columnNames = List.copyOf(columnNames);
        this.fieldCount = columnNames.size();
        this.tuples = tuples;
    }

    /** Takes the next piece of data and hands on every tuple it completes. */
    void feed(byte[] data) {
        if (trailerRead && data.length > 0) {
            throw afterTrailer();
        }
        append(data);
        if (!headerRead && !readHeader(false)) {
            return;
        }
        while (!trailerRead && readTuple(false)) {
            // each call hands on one tuple
        }
        if (trailerRead && end > start) {
            throw afterTrailer();
        }
    }

    /** Ends the data: a header or tuple cut short is an error, a missing trailer is not. */
    void finish() {
        if (!headerRead) {
            readHeader(true);
        }
        while (!trailerRead && readTuple(true)) {
            // each call hands on one tuple
        }
    }

    /** Returns whether the whole header has arrived and is valid; at the end of data a missing part is an error. */
    private boolean readHeader(boolean atEnd) {
        int available = end - start;
        if (available < SIGNATURE.length) {
            if (atEnd || !Arrays.equals(buffer, start, end, SIGNATURE, 0, available)) {
                throw badFormat("COPY file signature not recognized");
            }
            return false;
        }
        if (!Arrays.equals(buffer, start, start + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw badFormat("COPY file signature not recognized");
        }
        if (available < SIGNATURE.length + 4) {
            return missing(atEnd, "invalid COPY file header (missing flags)");
        }
        int flags = intAt(start + SIGNATURE.length);
        if ((flags & OIDS_FLAG) != 0) {
            throw badFormat("invalid COPY file header (WITH OIDS)");
        }
        if ((flags & ~OIDS_FLAG) >>> 16 != 0) {
            throw badFormat("unrecognized critical flags in COPY file header");
        }
        if (available < SIGNATURE.length + 8) {
            return missing(atEnd, "invalid COPY file header (missing length)");
        }
        int extension = intAt(start + SIGNATURE.length + 4);
        if (extension < 0) {
            throw badFormat("invalid COPY file header (wrong length)");
        }
        if ((long) available < SIGNATURE.length + 8L + extension) {
            return missing(atEnd, "invalid COPY file header (wrong length)");
        }
        // the extension's contents are skipped, as PostgreSQL does: none is defined
        start += SIGNATURE.length + 8 + extension;
        headerRead = true;
        return true;
    }

    /** Hands on the next whole tuple; returns false when it has not all arrived (or the trailer came). */
    private boolean readTuple(boolean atEnd) {
        if (end - start < 2) {
            // fewer than two bytes left at the end is the end of the data, as PostgreSQL's CopyGetInt16 takes it
            return false;
        }
        int count = ByteBuffer.wrap(buffer, start, 2).getShort();
        long number = tupleNumber + 1;
        if (count == -1) {
            trailerRead = true;
            tupleNumber = number;
            start += 2;
            if (end > start) {
                throw afterTrailer();
            }
            return false;
        }
        if (count != fieldCount) {
            throw badFormat("row field count is " + count + ", expected " + fieldCount).withContext(context(number));
        }
        int position = start + 2;
        byte[][] fields = new byte[count][];
        for (int i = 0; i < count; i++) {
            String column = context(number) + ", column " + columnNames.get(i);
            if (end - position < 4) {
                return missing(atEnd, "unexpected EOF in COPY data", column);
            }
            int length = intAt(position);
            position += 4;
            if (length == -1) {
                continue;
            }
            if (length < 0) {
                throw badFormat("invalid field size").withContext(column);
            }
            if (end - position < length) {
                return missing(atEnd, "unexpected EOF in COPY data", column);
            }
            fields[i] = Arrays.copyOfRange(buffer, position, position + length);
            position += length;
        }
        start = position;
        tupleNumber = number;
        tuples.tuple(fields, number);
        return true;
    }

    private boolean missing(boolean atEnd, String message) {
        if (atEnd) {
            throw badFormat(message);
        }
        return false;
    }

    private boolean missing(boolean atEnd, String message, String context) {
        if (atEnd) {
            throw badFormat(message).withContext(context);
        }
        return false;
    }

    private PgException afterTrailer() {
        return badFormat("received copy data after EOF marker").withContext(context(tupleNumber));
    }

    private String context(long number) {
        return "COPY " + table + ", line " + number;
    }

    private int intAt(int position) {
        return ByteBuffer.wrap(buffer, position, 4).getInt();
    }

    private void append(byte[] data) {
        if (start > 0 && start == end) {
            start = 0;
            end = 0;
        }
        if (end + data.length > buffer.length) {
            int live = end - start;
            byte[] grown = live + data.length > buffer.length
                    ? new byte[Math.max(buffer.length * 2, live + data.length)] : buffer;
            System.arraycopy(buffer, start, grown, 0, live);
            buffer = grown;
            start = 0;
            end = live;
        }
        System.arraycopy(data, 0, buffer, end, data.length);
        end += data.length;
    }

    private static PgException badFormat(String message) {
        return new PgException(SqlState.BAD_COPY_FILE_FORMAT, message);
    }
}
