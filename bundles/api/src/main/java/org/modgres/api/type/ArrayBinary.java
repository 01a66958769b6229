package org.modgres.api.type;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * The binary form of one-dimensional arrays and of the vectors, as array_send writes it: the
 * number of dimensions, a has-nulls flag, the element type's OID, each dimension's length and
 * lower bound, then each element as a length (-1 for NULL) and its bytes.
 */
final class ArrayBinary {
    private ArrayBinary() {
    }

    static byte[] encode(PgType type, List<?> elements) {
        PgType elementType = type.elementType();
        List<byte[]> encoded = new ArrayList<>(elements.size());
        int size = elements.isEmpty() ? 12 : 20;
        boolean hasNulls = false;
        for (Object element : elements) {
            byte[] bytes = BinaryFormat.encode(elementType, element);
            hasNulls |= bytes == null;
            encoded.add(bytes);
            size += 4 + (bytes == null ? 0 : bytes.length);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(elements.isEmpty() ? 0 : 1).putInt(hasNulls ? 1 : 0).putInt(elementType.oid());
        if (!elements.isEmpty()) {
            out.putInt(elements.size()).putInt(1);
        }
        for (byte[] bytes : encoded) {
            if (bytes == null) {
                out.putInt(-1);
            } else {
                out.putInt(bytes.length).put(bytes);
            }
        }
        return out.array();
    }

    static List<Object> decode(PgType type, byte[] bytes, String formatError) {
        PgType elementType = type.elementType();
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            int dimensions = in.getInt();
            in.getInt();
            int elementOid = in.getInt();
            if (dimensions < 0 || dimensions > 1) {
                throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "multidimensional arrays are not supported");
            }
            if (elementOid != elementType.oid()) {
                throw new PgException(SqlState.DATATYPE_MISMATCH, "wrong element type");
            }
            int length = 0;
            if (dimensions == 1) {
                length = in.getInt();
                in.getInt();
            }
            if (length < 0 || length > in.remaining() / 4) {
                throw new PgException(SqlState.INVALID_BINARY_REPRESENTATION, formatError);
            }
            List<Object> elements = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                int elementLength = in.getInt();
                if (elementLength == -1) {
                    elements.add(null);
                    continue;
                }
                if (elementLength < 0 || elementLength > in.remaining()) {
                    throw new PgException(SqlState.INVALID_BINARY_REPRESENTATION, formatError);
                }
                byte[] element = new byte[elementLength];
                in.get(element);
                elements.add(BinaryFormat.decode(elementType, element));
            }
            if (in.hasRemaining()) {
                throw new PgException(SqlState.INVALID_BINARY_REPRESENTATION, formatError);
            }
            return Collections.unmodifiableList(elements);
        } catch (BufferUnderflowException e) {
            throw new PgException(SqlState.INVALID_BINARY_REPRESENTATION, formatError);
        }
    }
}
