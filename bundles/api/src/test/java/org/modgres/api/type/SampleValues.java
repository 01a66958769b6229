package org.modgres.api.type;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One typical value of each type, of the Java class {@link PgType} names. */
final class SampleValues {
    private SampleValues() {
    }

    static Object of(PgType type) {
        return switch (type) {
            case BOOL -> true;
            case BYTEA -> new byte[] {0, 1, 2, -1};
            case NAME -> "pg_class";
            case INT8 -> -9_000_000_000L;
            case INT2 -> (short) 12;
            case INT4 -> -42;
            case TEXT, VARCHAR, BPCHAR, UNKNOWN -> "héllo wörld";
            case OID -> 3_000_000_000L;
            case FLOAT4 -> 0.1f;
            case FLOAT8 -> 1.2345678901234567e-05;
            case DATE -> LocalDate.of(2024, 2, 29);
            case TIME -> LocalTime.of(3, 4, 5, 123_456_000);
            case TIMESTAMP -> LocalDateTime.of(2024, 1, 2, 3, 4, 5, 500_000_000);
            case TIMESTAMPTZ -> OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 123_000, ZoneOffset.ofHoursMinutes(5, 30));
            case NUMERIC -> new BigDecimal("-12345.678900");
            case VOID -> null;
            case INTERVAL -> new PgInterval(14, -3, 14_706_789_000L);
            case UUID -> UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
            case CHAR -> "r";
            case JSON -> PgJson.parse("{\"b\": [1, 2.50],  \"a\" : null}");
            case JSONB -> PgJsonb.parse("{\"b\": [1, 2.50], \"a\": {\"é\": \"x\\ny\"}}");
            case INT2VECTOR, INT2_ARRAY -> List.of((short) 1, (short) -3);
            case OIDVECTOR, OID_ARRAY -> List.of(23L, 3_000_000_000L);
            case INT4_ARRAY -> Arrays.asList(1, null, 3);
            case INT8_ARRAY -> List.of(-9_000_000_000L);
            case CHAR_ARRAY -> List.of("d", "f");
            case NAME_ARRAY -> List.of("pg_catalog", "public");
            case TEXT_ARRAY -> Arrays.asList("a b", "", "NULL", null, "q\"u\\o{t}e,d", "plain");
            // byte[] and offsets do not compare equal after a round trip; ArrayFormatTest covers their contents
            case BYTEA_ARRAY, TIMESTAMPTZ_ARRAY -> Arrays.asList((Object) null);
            case BOOL_ARRAY, BPCHAR_ARRAY, VARCHAR_ARRAY, FLOAT4_ARRAY, FLOAT8_ARRAY, TIMESTAMP_ARRAY, DATE_ARRAY,
                 TIME_ARRAY, INTERVAL_ARRAY, NUMERIC_ARRAY, UUID_ARRAY, JSON_ARRAY, JSONB_ARRAY ->
                    Arrays.asList(of(type.elementType()), null);
        };
    }
}
