package org.modgres.protocol.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.modgres.protocol.MessageType;

/**
 * A growable byte array that messages are encoded into back to back. {@link #begin} writes the
 * type byte and reserves the length word, which {@link #end} fills in once the body is known.
 */
final class OutputBuffer {
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 16;

    private final int initialCapacity;
    private byte[] bytes;
    private int size;
    private int lengthPosition = -1;

    OutputBuffer(int initialCapacity) {
        this.initialCapacity = initialCapacity;
        this.bytes = new byte[initialCapacity];
    }

    void begin(MessageType type) {
        ensure(5);
        bytes[size++] = type.code();
        lengthPosition = size;
        size += 4;
    }

    void end() {
        putInt32(lengthPosition, size - lengthPosition);
        lengthPosition = -1;
    }

    /** Drops the message begun last, e.g. when encoding it failed half way. */
    void abandon() {
        if (lengthPosition > 0) {
            size = lengthPosition - 1;
            lengthPosition = -1;
        }
    }

    void writeByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    void writeInt16(int value) {
        ensure(2);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    void writeInt32(int value) {
        ensure(4);
        putInt32(size, value);
        size += 4;
    }

    void writeBytes(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    /**
     * Writes a string as UTF-8 with a NUL terminator. NUL characters inside are dropped: the
     * protocol has no way to carry them, and PostgreSQL text never contains them.
     */
    void writeCString(String value) {
        int length = value.length();
        ensure(length + 1);
        int p = size;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                size = p;
                writeNonAscii(value.substring(i));
                return;
            }
            if (c != 0) {
                bytes[p++] = (byte) c;
            }
        }
        bytes[p++] = 0;
        size = p;
    }

    private void writeNonAscii(String rest) {
        byte[] utf8 = rest.getBytes(StandardCharsets.UTF_8);
        ensure(utf8.length + 1);
        for (byte b : utf8) {
            if (b != 0) {
                bytes[size++] = b;
            }
        }
        bytes[size++] = 0;
    }

    /** Makes room for {@code more} bytes at once, so a caller can then copy without further checks. */
    void ensure(long more) {
        long needed = size + more;
        if (needed <= bytes.length) {
            return;
        }
        if (needed > MAX_CAPACITY) {
            throw new IllegalStateException("message buffer would exceed " + MAX_CAPACITY + " bytes");
        }
        bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_CAPACITY, Math.max(needed, 2L * bytes.length)));
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    /**
     * Empties the buffer. A buffer that grew for a large result goes back to its initial size, so an
     * idle connection does not keep megabytes.
     */
    void clear() {
        size = 0;
        lengthPosition = -1;
        if (bytes.length > 16 * initialCapacity) {
            bytes = new byte[initialCapacity];
        }
    }

    private void putInt32(int position, int value) {
        bytes[position] = (byte) (value >>> 24);
        bytes[position + 1] = (byte) (value >>> 16);
        bytes[position + 2] = (byte) (value >>> 8);
        bytes[position + 3] = (byte) value;
    }
}
