package org.modgres.shmem.impl.wal;

import java.util.zip.CRC32C;

/**
 * How a record is framed in the log: a header of its payload length (4 bytes, little-endian) and a
 * CRC-32C (4 bytes) computed over the length and the payload, then the payload. A torn or
 * overwritten record fails one of the two checks.
 */
public final class RecordFraming {

    public static final int HEADER_SIZE = 8;
    /** The largest payload a record may have; a length beyond it is taken as garbage. */
    public static final int MAX_PAYLOAD = 1 << 30;

    private RecordFraming() {
    }

    /** Returns the checksum of a record whose header starts at {@code offset}, the length already in place. */
    public static int checksum(byte[] bytes, int offset, int payloadLength) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, 4);
        crc.update(bytes, offset + HEADER_SIZE, payloadLength);
        return (int) crc.getValue();
    }

    public static int readInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8 | (bytes[offset + 2] & 0xFF) << 16
                | (bytes[offset + 3] & 0xFF) << 24;
    }

    /** Returns whether a header's length can be a record's. */
    public static boolean plausibleLength(int payloadLength) {
        return payloadLength > 0 && payloadLength <= MAX_PAYLOAD;
    }
}
