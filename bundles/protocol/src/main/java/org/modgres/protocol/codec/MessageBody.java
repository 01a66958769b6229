package org.modgres.protocol.codec;

import java.nio.charset.StandardCharsets;

import org.modgres.protocol.MessageType;
import org.modgres.protocol.PgProtocolException;

/**
 * A read cursor over the body of one message. Every read checks the bytes left first, so a
 * malformed body raises a {@link PgProtocolException} with PostgreSQL's {@code pqformat.c} texts,
 * never an index exception.
 */
final class MessageBody {
    private final MessageType type;
    private final byte[] data;
    private int position;

    MessageBody(MessageType type, byte[] data) {
        this.type = type;
        this.data = data;
    }

    int remaining() {
        return data.length - position;
    }

    byte readByte() {
        if (remaining() < 1) {
            throw malformed("no data left in message");
        }
        return data[position++];
    }

    /** Reads a count or length sent as Int16; PostgreSQL reads these unsigned, so 0..65535. */
    int readUnsignedInt16() {
        require(2);
        int value = ((data[position] & 0xff) << 8) | (data[position + 1] & 0xff);
        position += 2;
        return value;
    }

    short readInt16() {
        return (short) readUnsignedInt16();
    }

    int readInt32() {
        require(4);
        int value = ((data[position] & 0xff) << 24) | ((data[position + 1] & 0xff) << 16)
                | ((data[position + 2] & 0xff) << 8) | (data[position + 3] & 0xff);
        position += 4;
        return value;
    }

    byte[] readBytes(int length) {
        require(length);
        byte[] bytes = new byte[length];
        System.arraycopy(data, position, bytes, 0, length);
        position += length;
        return bytes;
    }

    /** Reads a value preceded by its Int32 length, where -1 stands for NULL. */
    byte[] readNullableBytes() {
        int length = readInt32();
        return length == -1 ? null : readBytes(length);
    }

    byte[] readRemaining() {
        return readBytes(remaining());
    }

    /** Reads a NUL-terminated UTF-8 string. */
    String readCString() {
        int end = position;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        if (end == data.length) {
            throw malformed("invalid string in message");
        }
        String s = new String(data, position, end - position, StandardCharsets.UTF_8);
        position = end + 1;
        return s;
    }

    /**
     * Fails unless {@code count} items of at least {@code minItemSize} bytes each can still follow,
     * so that a forged count cannot make the decoder allocate a large array.
     */
    void requireItems(int count, int minItemSize) {
        require((long) count * minItemSize);
    }

    /** Fails when bytes are left over after the last field. */
    void requireEnd() {
        if (remaining() != 0) {
            throw malformed("invalid message format");
        }
    }

    PgProtocolException malformed(String message) {
        return PgProtocolException.malformed(type, message);
    }

    private void require(long length) {
        if (length < 0 || length > remaining()) {
            throw malformed("insufficient data left in message");
        }
    }
}
