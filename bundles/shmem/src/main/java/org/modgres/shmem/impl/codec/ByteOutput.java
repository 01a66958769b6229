package org.modgres.shmem.impl.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array written front to back, little-endian, with variable-length integers
 * (LEB128; signed values zig-zag encoded) so that small numbers take one byte.
 */
public class ByteOutput {

    private byte[] bytes;
    private int size;

    public ByteOutput() {
        this(256);
    }

    public ByteOutput(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    /** Returns the number of bytes written. */
    public final int size() {
        return size;
    }

    /** Returns the backing array; bytes {@code [0, size())} are the ones written. */
    public final byte[] array() {
        return bytes;
    }

    /** Forgets everything written, keeping the capacity. */
    public final void clear() {
        size = 0;
    }

    /** Forgets what was written after the first {@code newSize} bytes. */
    protected final void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("cannot cut " + size + " bytes to " + newSize);
        }
        size = newSize;
    }

    public final void writeByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    public final void writeInt(int value) {
        ensure(4);
        putInt(size, value);
        size += 4;
    }

    public final void writeLong(long value) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            bytes[size++] = (byte) (value >>> (8 * i));
        }
    }

    /** Writes a non-negative number in as few bytes as it needs (7 bits a byte). */
    public final void writeVarLong(long value) {
        ensure(10);
        long v = value;
        while ((v & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
    }

    /** Writes a number of either sign so that small magnitudes take few bytes. */
    public final void writeSignedVarLong(long value) {
        writeVarLong((value << 1) ^ (value >> 63));
    }

    public final void writeBytes(byte[] source) {
        writeBytes(source, 0, source.length);
    }

    public final void writeBytes(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    /** Writes a length-prefixed byte array. */
    public final void writeByteArray(byte[] value) {
        writeVarLong(value.length);
        writeBytes(value);
    }

    /** Writes a length-prefixed UTF-8 string. */
    public final void writeString(String value) {
        writeByteArray(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Skips {@code length} bytes to be filled in later with {@link #putInt}; returns where they start. */
    public final int reserve(int length) {
        ensure(length);
        int start = size;
        size += length;
        return start;
    }

    /** Overwrites four bytes written earlier. */
    public final void putInt(int offset, int value) {
        bytes[offset] = (byte) value;
        bytes[offset + 1] = (byte) (value >>> 8);
        bytes[offset + 2] = (byte) (value >>> 16);
        bytes[offset + 3] = (byte) (value >>> 24);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            long wanted = Math.max((long) bytes.length * 2, (long) size + more);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("more than 2 GiB of data in one buffer");
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }
}
