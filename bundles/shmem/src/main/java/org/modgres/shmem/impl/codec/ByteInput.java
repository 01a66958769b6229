package org.modgres.shmem.impl.codec;

import java.nio.charset.StandardCharsets;

/** Reads what {@link ByteOutput} wrote, from a slice of an array. */
public final class ByteInput {

    private final byte[] bytes;
    private final int limit;
    private int position;

    public ByteInput(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    public ByteInput(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.position = offset;
        this.limit = offset + length;
    }

    /** Returns how many bytes are left. */
    public int remaining() {
        return limit - position;
    }

    public int readByte() {
        require(1);
        return bytes[position++];
    }

    public int readInt() {
        require(4);
        int value = (bytes[position] & 0xFF) | (bytes[position + 1] & 0xFF) << 8
                | (bytes[position + 2] & 0xFF) << 16 | (bytes[position + 3] & 0xFF) << 24;
        position += 4;
        return value;
    }

    public long readLong() {
        require(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value |= (bytes[position++] & 0xFFL) << (8 * i);
        }
        return value;
    }

    public long readVarLong() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            require(1);
            byte b = bytes[position++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new CorruptDataException("variable-length number longer than 10 bytes");
    }

    public long readSignedVarLong() {
        long v = readVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    /** Reads a variable-length number that must be a length within the remaining bytes. */
    public int readLength() {
        long length = readVarLong();
        if (length < 0 || length > remaining()) {
            throw new CorruptDataException("length " + length + " exceeds the " + remaining() + " bytes left");
        }
        return (int) length;
    }

    public byte[] readBytes(int length) {
        require(length);
        byte[] value = new byte[length];
        System.arraycopy(bytes, position, value, 0, length);
        position += length;
        return value;
    }

    public byte[] readByteArray() {
        return readBytes(readLength());
    }

    public String readString() {
        int length = readLength();
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    private void require(int length) {
        if (length < 0 || length > limit - position) {
            throw new CorruptDataException("needs " + length + " more bytes, " + (limit - position) + " left");
        }
    }
}
