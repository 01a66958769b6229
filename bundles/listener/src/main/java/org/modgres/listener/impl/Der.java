package org.modgres.listener.impl;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The few DER (ASN.1 distinguished encoding) elements an X.509 certificate is made of, each
 * returned as its complete encoding: tag, length, contents.
 */
final class Der {

    private static final int INTEGER = 0x02;
    private static final int BIT_STRING = 0x03;
    private static final int NULL = 0x05;
    private static final int OBJECT_IDENTIFIER = 0x06;
    private static final int UTF8_STRING = 0x0c;
    private static final int UTC_TIME = 0x17;
    private static final int SEQUENCE = 0x30;
    private static final int SET = 0x31;
    private static final int OCTET_STRING = 0x04;
    private static final int BOOLEAN = 0x01;

    private Der() {
    }

    static byte[] sequence(byte[]... elements) {
        return element(SEQUENCE, concat(elements));
    }

    static byte[] set(byte[]... elements) {
        return element(SET, concat(elements));
    }

    static byte[] integer(BigInteger value) {
        return element(INTEGER, value.toByteArray());
    }

    static byte[] bitString(byte[] bits) {
        byte[] contents = new byte[bits.length + 1];
        // no unused bits in the last byte
        System.arraycopy(bits, 0, contents, 1, bits.length);
        return element(BIT_STRING, contents);
    }

    static byte[] octetString(byte[] bytes) {
        return element(OCTET_STRING, bytes);
    }

    static byte[] bool(boolean value) {
        return element(BOOLEAN, new byte[] {(byte) (value ? 0xff : 0)});
    }

    static byte[] nullValue() {
        return element(NULL, new byte[0]);
    }

    static byte[] utf8(String text) {
        return element(UTF8_STRING, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A time as UTCTime, {@code YYMMDDHHMMSSZ}, which X.509 uses for years before 2050. */
    static byte[] utcTime(String yymmddhhmmss) {
        return element(UTC_TIME, (yymmddhhmmss + "Z").getBytes(StandardCharsets.US_ASCII));
    }

    /** An explicitly tagged, constructed context-specific element: {@code [tag] EXPLICIT}. */
    static byte[] explicit(int tag, byte[] inner) {
        return element(0xa0 | tag, inner);
    }

    /** An object identifier in dotted form, such as {@code 2.5.4.3}. */
    static byte[] oid(String dotted) {
        String[] parts = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            long arc = Long.parseLong(parts[i]);
            // base 128, most significant group first, every group but the last with its high bit set
            int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
            for (int g = groups - 1; g >= 0; g--) {
                int bits = (int) (arc >>> (7 * g)) & 0x7f;
                out.write(g > 0 ? bits | 0x80 : bits);
            }
        }
        return element(OBJECT_IDENTIFIER, out.toByteArray());
    }

    /** An element with any tag, such as an implicitly tagged one: {@code 0x82} is a dNSName in a GeneralName. */
    static byte[] element(int tag, byte[] contents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(contents.length + 6);
        out.write(tag);
        int length = contents.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(contents);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
