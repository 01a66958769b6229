package org.modgres.executor.impl.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.executor.impl.value.Numerics;
import org.modgres.executor.impl.value.PgErrors;
import org.modgres.executor.impl.value.ValueType;

/**
 * PostgreSQL's gcd, lcm, atan2, scale, to_hex, bit_length, overlay and bytea functions (get_byte,
 * set_byte, sha256, convert_from), by upper-case name.
 */
final class SupplementaryFunctions {

    private SupplementaryFunctions() {
    }

    /** Returns the evaluator of a call of such a function, or null for any other name. */
    static Evaluator resolve(String name, Evaluator[] args, ValueType resultType) {
        return switch (name) {
            case "GCD" -> new FunctionCall(a -> gcdOrLcm(a[0], a[1], true, resultType), args);
            case "LCM" -> new FunctionCall(a -> gcdOrLcm(a[0], a[1], false, resultType), args);
            case "ATAN2" -> new FunctionCall(a -> Math.atan2(((Number) a[0]).doubleValue(),
                    ((Number) a[1]).doubleValue()), args);
            case "SCALE" -> new FunctionCall(a -> a[0] instanceof BigDecimal d ? Math.max(d.scale(), 0) : 0, args);
            case "TO_HEX" -> new FunctionCall(a -> a[0] instanceof Long l ? Long.toHexString(l)
                    : Integer.toHexString(((Number) a[0]).intValue()), args);
            case "BIT_LENGTH" -> new FunctionCall(a -> 8 * (a[0] instanceof byte[] bytes ? bytes.length
                    : StringFunctions.text(a[0]).getBytes(StandardCharsets.UTF_8).length), args);
            case "OVERLAY" -> new FunctionCall(SupplementaryFunctions::overlay, args);
            case "GET_BYTE" -> new FunctionCall(a -> {
                byte[] bytes = (byte[]) a[0];
                return bytes[index(bytes, ((Number) a[1]).longValue())] & 0xff;
            }, args);
            case "SET_BYTE" -> new FunctionCall(a -> {
                byte[] bytes = ((byte[]) a[0]).clone();
                bytes[index(bytes, ((Number) a[1]).longValue())] = (byte) ((Number) a[2]).intValue();
                return bytes;
            }, args);
            case "SHA256" -> new FunctionCall(a -> sha256((byte[]) a[0]), args);
            case "CONVERT_FROM" -> new FunctionCall(a -> convertFrom((byte[]) a[0], StringFunctions.text(a[1])), args);
            default -> null;
        };
    }

    /** gcd or lcm of integers or numerics; the result is never negative. */
    private static Object gcdOrLcm(Object a, Object b, boolean gcd, ValueType resultType) {
        if (a instanceof BigDecimal || b instanceof BigDecimal) {
            BigDecimal x = Numerics.toBigDecimal((Number) a).abs();
            BigDecimal y = Numerics.toBigDecimal((Number) b).abs();
            BigDecimal divisor = gcd(x, y);
            if (gcd) {
                return divisor;
            }
            return divisor.signum() == 0 ? BigDecimal.ZERO.setScale(Math.max(x.scale(), y.scale()))
                    : x.divide(divisor).multiply(y).setScale(Math.max(x.scale(), y.scale()));
        }
        BigInteger x = BigInteger.valueOf(((Number) a).longValue());
        BigInteger y = BigInteger.valueOf(((Number) b).longValue());
        BigInteger divisor = x.gcd(y);
        BigInteger result = gcd ? divisor
                : divisor.signum() == 0 ? BigInteger.ZERO : x.divide(divisor).multiply(y).abs();
        ValueType type = resultType.isIntegral() ? resultType : ValueType.BIGINT;
        if (result.bitLength() > 63) {
            throw PgErrors.outOfRange(type);
        }
        return Numerics.narrow(result.longValue(), type);
    }

    private static BigDecimal gcd(BigDecimal x, BigDecimal y) {
        while (y.signum() != 0) {
            BigDecimal remainder = x.remainder(y);
            x = y;
            y = remainder;
        }
        return x;
    }

    /** overlay(s placing r from start [for count]): s's text before start, r, then s's text from start + count. */
    private static String overlay(Object[] args) {
        String replacement = StringFunctions.text(args[1]);
        long start = ((Number) args[2]).longValue();
        long count = args.length > 3 ? ((Number) args[3]).longValue() : StringFunctions.charLength(replacement);
        String head = StringFunctions.substring(new Object[] {args[0], 1L, start - 1});
        String tail = StringFunctions.substring(new Object[] {args[0], start + count});
        return head + replacement + tail;
    }

    private static int index(byte[] bytes, long n) {
        if (n < 0 || n >= bytes.length) {
            throw new PgException(SqlState.ARRAY_SUBSCRIPT_ERROR,
                    "index " + n + " out of valid range, 0.." + (bytes.length - 1));
        }
        return (int) n;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The bytes as text in a PostgreSQL encoding (UTF8, LATIN1, SQL_ASCII, ...). */
    private static String convertFrom(byte[] bytes, String encoding) {
        String key = encoding.toUpperCase(Locale.ROOT).replace("_", "").replace("-", "");
        Charset charset = switch (key) {
            case "UTF8", "UNICODE" -> StandardCharsets.UTF_8;
            case "LATIN1", "ISO88591" -> StandardCharsets.ISO_8859_1;
            case "SQLASCII" -> StandardCharsets.UTF_8;
            case "WIN1252" -> Charset.forName("windows-1252");
            default -> throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                    "invalid source encoding name \"" + encoding + "\"");
        };
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PgException(SqlState.CHARACTER_NOT_IN_REPERTOIRE,
                    "invalid byte sequence for encoding \"" + encoding.toUpperCase(Locale.ROOT) + "\"");
        }
    }
}
