package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.modgres.api.type.PgInterval;
import org.modgres.shmem.impl.btree.KeyEncoding;

/** The byte order of encoded keys is the key order: KeyOrder's, with PostgreSQL's rules where they differ. */
class KeyEncodingTest {

    private static byte[] encode(Object... values) {
        return KeyEncoding.encode(values, null);
    }

    private static int sign(int order) {
        return Integer.signum(order);
    }

    private static void assertSameOrder(List<Object> values) {
        for (Object left : values) {
            for (Object right : values) {
                assertEquals(sign(KeyOrder.values(left, right)),
                        sign(Arrays.compareUnsigned(encode(left), encode(right))), left + " vs " + right);
            }
        }
    }

    private static List<Object> random(int n, Function<Random, Object> value) {
        Random random = new Random(n);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(value.apply(random));
        }
        return values;
    }

    @Test
    void integers_numerics_floats_and_text_sort_as_key_order_does() {
        assertSameOrder(random(200, r -> r.nextBoolean() ? (Object) (long) (r.nextInt(2000) - 1000) : (Object) r.nextLong()));
        assertSameOrder(random(200, r -> new BigDecimal(r.nextLong() % 100_000).scaleByPowerOfTen(r.nextInt(12) - 6)));
        assertSameOrder(random(200, r -> switch (r.nextInt(6)) {
            case 0 -> Double.POSITIVE_INFINITY;
            case 1 -> Double.NEGATIVE_INFINITY;
            case 2 -> Double.NaN;
            default -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20);
        }));
        String alphabet = "aAbB zZ0~\u007f\u00e9\u4e2d\ud83d\ude00\u0000\uffff";
        assertSameOrder(random(200, r -> {
            StringBuilder text = new StringBuilder();
            for (int i = r.nextInt(5); i > 0; i--) {
                text.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            return text.toString();
        }));
        assertSameOrder(random(100, r -> {
            byte[] bytes = new byte[r.nextInt(4)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (r.nextInt(3) - 1);
            }
            return bytes;
        }));
        assertSameOrder(List.of(true, false));
        assertSameOrder(random(100, r -> LocalDate.ofEpochDay(r.nextInt(2_000_000) - 1_000_000)));
        assertSameOrder(random(100, r -> LocalTime.ofNanoOfDay(r.nextLong(86_400_000_000_000L))));
        assertSameOrder(random(100, r -> LocalDateTime.ofEpochSecond(r.nextLong(10_000_000_000L) - 5_000_000_000L,
                r.nextInt(1_000_000_000), ZoneOffset.UTC)));
        assertSameOrder(random(100, r -> OffsetDateTime.of(LocalDateTime.ofEpochSecond(r.nextInt(100_000), 0,
                ZoneOffset.UTC), ZoneOffset.UTC)));
        assertSameOrder(random(100, r -> new PgInterval(r.nextInt(5) - 2, r.nextInt(90) - 45,
                r.nextLong(1_000_000_000_000L) - 500_000_000_000L)));
    }

    @Test
    void equal_values_encode_alike_as_postgres_compares_them() {
        assertArrayEquals(encode(new BigDecimal("1.0")), encode(new BigDecimal("1.00")));
        assertArrayEquals(encode(new BigDecimal("0")), encode(new BigDecimal("0.000")));
        assertArrayEquals(encode(-0.0), encode(0.0));
        assertArrayEquals(encode(Double.NaN), encode(Double.longBitsToDouble(0x7ff0000000000123L)));
        assertArrayEquals(encode(new PgInterval(1, 0, 0)), encode(new PgInterval(0, 30, 0)));
        assertArrayEquals(encode(OffsetDateTime.parse("2024-01-01T12:00:00Z")),
                encode(OffsetDateTime.parse("2024-01-01T13:00:00+01:00")));
        assertArrayEquals(KeyEncoding.encode(new Object[] {"ab  "}, new boolean[] {true}),
                KeyEncoding.encode(new Object[] {"ab"}, new boolean[] {true}));
        assertArrayEquals(encode(7L), KeyEncoding.encodeIntegral(7));
        assertArrayEquals(encode(7), encode((short) 7));
    }

    @Test
    void nulls_sort_after_values_and_a_key_prefix_is_a_byte_prefix() {
        assertTrue(Arrays.compareUnsigned(encode(Long.MAX_VALUE), encode((Object) null)) < 0);
        assertTrue(Arrays.compareUnsigned(encode("\uffff\uffff"), encode((Object) null)) < 0);
        assertTrue(Arrays.compareUnsigned(encode(1, null), encode(2, "a")) < 0);
        assertTrue(Arrays.compareUnsigned(encode(1, "z"), encode(1, null)) < 0);
        byte[] prefix = encode("ab");
        byte[] longer = encode("ab", 5);
        assertArrayEquals(prefix, Arrays.copyOf(longer, prefix.length));
        assertTrue(Arrays.compareUnsigned(encode("ab", 5), encode("abc", 1)) < 0, "column by column");
        assertTrue(Arrays.compareUnsigned(encode(new BigDecimal("-0.12")), encode(new BigDecimal("-0.123"))) > 0);
        assertTrue(Arrays.compareUnsigned(encode(new BigDecimal("0.12")), encode(new BigDecimal("0.123"))) < 0);
        assertTrue(Arrays.compareUnsigned(encode(new BigDecimal("-5")), encode(new BigDecimal("0"))) < 0);
        assertTrue(Arrays.compareUnsigned(encode(Double.POSITIVE_INFINITY), encode(Double.NaN)) < 0);
    }

    @Test
    void uuids_and_arrays_sort_as_the_executor_sorts_them() {
        UUID low = new UUID(0x7fffffffffffffffL, 0);
        UUID high = new UUID(0x8000000000000000L, 0);
        assertTrue(Arrays.compareUnsigned(encode(low), encode(high)) < 0, "unsigned, as memcmp");
        List<Integer> withNull = new ArrayList<>(Arrays.asList(1, null));
        assertTrue(Arrays.compareUnsigned(encode(List.of(1)), encode(List.of(1, 0))) < 0, "shorter first");
        assertTrue(Arrays.compareUnsigned(encode(List.of(1, 5)), encode(withNull)) < 0, "NULL element last");
        assertTrue(Arrays.compareUnsigned(encode(List.of(1, 5)), encode(List.of(2))) < 0);
    }
}
