package org.modgres.api.type;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * PostgreSQL's binary numeric: Int16 ndigits, Int16 weight (of the first digit, in powers of
 * 10000), UInt16 sign (0x0000 +, 0x4000 -, 0xC000 NaN, 0xD000/0xF000 infinities), UInt16 dscale
 * (decimal digits after the point), then ndigits base-10000 digits with leading and trailing zero
 * digits left out. 12345.678 is {@code 0003 0001 0000 0003 0001 0929 1a7c}.
 */
final class NumericBinary {
    private static final int POSITIVE = 0x0000;
    private static final int NEGATIVE = 0x4000;
    private static final int NAN = 0xC000;
    private static final int POSITIVE_INFINITY = 0xD000;
    private static final int NEGATIVE_INFINITY = 0xF000;
    private static final int MAX_DSCALE = 0x3FFF;
    private static final int NBASE = 10_000;
    private static final int DEC_DIGITS = 4;

    private NumericBinary() {
    }

    static byte[] encode(BigDecimal value) {
        int dscale = Math.max(0, value.scale());
        if (value.signum() == 0) {
            return header(0, 0, POSITIVE, dscale).array();
        }
        // Scale the magnitude to a whole number of base-10000 digits after the point, then cut its
        // decimal text into groups of four from the point.
        int fractionGroups = (dscale + DEC_DIGITS - 1) / DEC_DIGITS;
        int shift = fractionGroups * DEC_DIGITS - value.scale();
        BigInteger whole = value.unscaledValue().abs().multiply(BigInteger.TEN.pow(shift));
        String decimal = whole.toString();
        int pad = (DEC_DIGITS - decimal.length() % DEC_DIGITS) % DEC_DIGITS;
        int groups = (decimal.length() + pad) / DEC_DIGITS;
        short[] digits = new short[groups];
        for (int g = 0; g < groups; g++) {
            int end = (g + 1) * DEC_DIGITS - pad;
            digits[g] = (short) Integer.parseInt(decimal.substring(Math.max(0, end - DEC_DIGITS), end));
        }
        int ndigits = groups;
        while (digits[ndigits - 1] == 0) {
            ndigits--;
        }
        int weight = groups - fractionGroups - 1;
        ByteBuffer out = header(ndigits, weight, value.signum() < 0 ? NEGATIVE : POSITIVE, dscale);
        for (int i = 0; i < ndigits; i++) {
            out.putShort(digits[i]);
        }
        return out.array();
    }

    static BigDecimal decode(byte[] bytes, String lengthError) {
        if (bytes.length < 8) {
            throw new PgException(SqlState.INVALID_BINARY_REPRESENTATION, lengthError);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int ndigits = in.getShort() & 0xffff;
        int weight = in.getShort();
        int sign = in.getShort() & 0xffff;
        int dscale = in.getShort() & 0xffff;
        if (sign == NAN || sign == POSITIVE_INFINITY || sign == NEGATIVE_INFINITY) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "numeric NaN and infinity are not supported");
        }
        if (sign != POSITIVE && sign != NEGATIVE) {
            throw new PgException(SqlState.INVALID_BINARY_REPRESENTATION, "invalid sign in external \"numeric\" value");
        }
        if (dscale > MAX_DSCALE) {
            throw new PgException(SqlState.INVALID_BINARY_REPRESENTATION, "invalid scale in external \"numeric\" value");
        }
        if (bytes.length != 8 + 2 * ndigits) {
            throw new PgException(SqlState.INVALID_BINARY_REPRESENTATION, lengthError);
        }
        StringBuilder decimal = new StringBuilder(ndigits * DEC_DIGITS + 1);
        for (int i = 0; i < ndigits; i++) {
            int digit = in.getShort();
            if (digit < 0 || digit >= NBASE) {
                throw new PgException(SqlState.INVALID_BINARY_REPRESENTATION,
                        "invalid digit in external \"numeric\" value");
            }
            String d = Integer.toString(digit);
            decimal.repeat('0', DEC_DIGITS - d.length()).append(d);
        }
        if (ndigits == 0) {
            return BigDecimal.ZERO.setScale(dscale);
        }
        BigDecimal magnitude = new BigDecimal(new BigInteger(decimal.toString()), DEC_DIGITS * (ndigits - 1 - weight));
        // SPEC (numeric_recv): digits beyond the display scale are truncated away.
        BigDecimal value = magnitude.setScale(dscale, RoundingMode.DOWN);
        return sign == NEGATIVE ? value.negate() : value;
    }

    private static ByteBuffer header(int ndigits, int weight, int sign, int dscale) {
        if (dscale > MAX_DSCALE) {
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
        }
        ByteBuffer out = ByteBuffer.allocate(8 + 2 * ndigits);
        out.putShort((short) ndigits).putShort((short) weight).putShort((short) sign).putShort((short) dscale);
        return out;
    }
}
