package org.modgres.session.impl;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A message from the server, with decoders for the fields tests look at. */
record ServerMessage(char type, byte[] body) {

    /** CommandComplete's tag. */
    String tag() {
        return cString(0);
    }

    /** ReadyForQuery's transaction status. */
    char status() {
        return (char) body[0];
    }

    /** A field of ErrorResponse or NoticeResponse, or null. */
    String field(char code) {
        int at = 0;
        while (body[at] != 0) {
            char fieldCode = (char) body[at];
            String value = cString(at + 1);
            if (fieldCode == code) {
                return value;
            }
            at += 1 + value.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        return null;
    }

    String sqlState() {
        return field('C');
    }

    /** A DataRow's values, null for SQL NULL. */
    List<byte[]> values() {
        ByteBuffer in = ByteBuffer.wrap(body);
        List<byte[]> values = new ArrayList<>();
        for (int i = in.getShort(); i > 0; i--) {
            int length = in.getInt();
            byte[] value = null;
            if (length >= 0) {
                value = new byte[length];
                in.get(value);
            }
            values.add(value);
        }
        return values;
    }

    /** A DataRow's values as text. */
    List<String> texts() {
        return values().stream().map(v -> v == null ? null : new String(v, StandardCharsets.UTF_8)).toList();
    }

    /** RowDescription's fields. */
    List<Field> fields() {
        ByteBuffer in = ByteBuffer.wrap(body);
        List<Field> fields = new ArrayList<>();
        int at = 2;
        for (int i = in.getShort(); i > 0; i--) {
            String name = cString(at);
            in.position(at + name.getBytes(StandardCharsets.UTF_8).length + 1);
            int tableOid = in.getInt();
            short column = in.getShort();
            int typeOid = in.getInt();
            short typlen = in.getShort();
            int typmod = in.getInt();
            short format = in.getShort();
            fields.add(new Field(name, tableOid, column, typeOid, typlen, typmod, format));
            at = in.position();
        }
        return fields;
    }

    /** ParameterDescription's type OIDs. */
    List<Integer> parameterOids() {
        ByteBuffer in = ByteBuffer.wrap(body);
        List<Integer> oids = new ArrayList<>();
        for (int i = in.getShort(); i > 0; i--) {
            oids.add(in.getInt());
        }
        return oids;
    }

    /** ParameterStatus's name and value. */
    List<String> parameter() {
        String name = cString(0);
        return List.of(name, cString(name.getBytes(StandardCharsets.UTF_8).length + 1));
    }

    int int32(int offset) {
        return ByteBuffer.wrap(body).getInt(offset);
    }

    private String cString(int from) {
        int end = from;
        while (body[end] != 0) {
            end++;
        }
        return new String(body, from, end - from, StandardCharsets.UTF_8);
    }

    /** RowDescription's description of one column. */
    record Field(String name, int tableOid, short column, int typeOid, short typlen, int typmod, short format) {
    }

    @Override
    public String toString() {
        return switch (type) {
            case 'E', 'N' -> type + "(" + sqlState() + " " + field('M') + ")";
            case 'C' -> "C(" + tag() + ")";
            case 'Z' -> "Z(" + status() + ")";
            case 'D' -> "D" + texts();
            default -> String.valueOf(type);
        };
    }
}
