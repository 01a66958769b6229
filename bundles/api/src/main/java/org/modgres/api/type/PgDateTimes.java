package org.modgres.api.type;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * PostgreSQL's date/time conventions as Java values. {@code infinity} and {@code -infinity} are the
 * MAX and MIN constants of {@link LocalDate}, {@link LocalDateTime} and {@link OffsetDateTime};
 * {@code time '24:00:00'} is {@link LocalTime#MAX}. The binary formats count from 2000-01-01.
 */
final class PgDateTimes {
    static final LocalDate POSTGRES_EPOCH = LocalDate.of(2000, 1, 1);
    static final LocalDateTime POSTGRES_EPOCH_TIME = POSTGRES_EPOCH.atStartOfDay();
    static final long MICROS_PER_DAY = 86_400_000_000L;

    /** 4714-11-24 BC, the first day of the Julian day count. */
    static final LocalDate MIN_DATE = LocalDate.of(-4713, 11, 24);
    static final LocalDate MAX_DATE = LocalDate.of(5_874_897, 12, 31);
    static final LocalDateTime MIN_TIMESTAMP = MIN_DATE.atStartOfDay();
    static final LocalDateTime MAX_TIMESTAMP = LocalDateTime.of(294_276, 12, 31, 23, 59, 59, 999_999_000);

    private PgDateTimes() {
    }

    static boolean isInfinite(LocalDate d) {
        return d.equals(LocalDate.MAX) || d.equals(LocalDate.MIN);
    }

    static boolean isInfinite(LocalDateTime t) {
        return t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN);
    }

    static boolean isInfinite(OffsetDateTime t) {
        return t.equals(OffsetDateTime.MAX) || t.equals(OffsetDateTime.MIN);
    }

    static boolean inRange(LocalDate d) {
        return !d.isBefore(MIN_DATE) && !d.isAfter(MAX_DATE);
    }

    static boolean inRange(LocalDateTime t) {
        return !t.isBefore(MIN_TIMESTAMP) && !t.isAfter(MAX_TIMESTAMP);
    }

    /** Rounds to microseconds, PostgreSQL's resolution, half up. */
    static LocalDateTime roundToMicros(LocalDateTime t) {
        return t.getNano() % 1000 == 0 ? t : t.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    static OffsetDateTime roundToMicros(OffsetDateTime t) {
        return t.getNano() % 1000 == 0 ? t : t.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    /** Returns the microseconds since midnight; 24:00:00 when the time is {@link LocalTime#MAX}. */
    static long microsOfDay(LocalTime t) {
        if (t.equals(LocalTime.MAX)) {
            return MICROS_PER_DAY;
        }
        return Math.min(MICROS_PER_DAY, (t.toNanoOfDay() + 500) / 1000);
    }

    static LocalTime timeOfMicros(long micros) {
        return micros == MICROS_PER_DAY ? LocalTime.MAX : LocalTime.ofNanoOfDay(micros * 1000);
    }

    /** Returns microseconds since 2000-01-01 00:00 of a timestamp in range. */
    static long microsSinceEpoch(LocalDateTime t) {
        LocalDateTime rounded = roundToMicros(t);
        long days = rounded.toLocalDate().toEpochDay() - POSTGRES_EPOCH.toEpochDay();
        return Math.addExact(Math.multiplyExact(days, MICROS_PER_DAY), rounded.toLocalTime().toNanoOfDay() / 1000);
    }

    static LocalDateTime timestampOfMicros(long micros) {
        long days = Math.floorDiv(micros, MICROS_PER_DAY);
        long microsOfDay = Math.floorMod(micros, MICROS_PER_DAY);
        return LocalDateTime.of(POSTGRES_EPOCH.plusDays(days), LocalTime.ofNanoOfDay(microsOfDay * 1000));
    }

    static LocalDateTime utc(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
