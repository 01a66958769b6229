package org.modgres.executor.impl.expr;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.type.PgInterval;
import org.modgres.executor.impl.value.Numerics;
import org.modgres.executor.impl.value.PgErrors;
import org.modgres.executor.impl.value.SessionTimeZone;

/**
 * PostgreSQL's operators on intervals and datetimes: {@code timestamp ± interval} (months by the
 * calendar, clamped to the month's last day, then days, then the time), the same for
 * {@code timestamptz} with the calendar of the session's TimeZone, {@code date ± interval}
 * (a timestamp), {@code date ± integer} (days) and {@code date - date} (an integer), {@code time ± interval} (wrapping at midnight), {@code timestamp - timestamp}
 * (an interval with days justified out of hours), and interval arithmetic.
 */
record DateTimeArithmetic(ArithmeticOp op) implements Arithmetic {

    @Override
    public Object apply(Object left, Object right) {
        return switch (op) {
            case ADD -> add(left, right);
            case SUBTRACT -> subtract(left, right);
            case MULTIPLY -> left instanceof PgInterval i ? i.multiply(factor(right))
                    : right instanceof PgInterval i ? i.multiply(factor(left)) : unsupported(left, right);
            case DIVIDE -> left instanceof PgInterval i ? i.divide(factor(right)) : unsupported(left, right);
            case MODULO -> unsupported(left, right);
        };
    }

    private Object add(Object left, Object right) {
        if (left instanceof PgInterval i && !(right instanceof PgInterval)) {
            return add(right, i);
        }
        if (left instanceof LocalDate d && right instanceof Number days) {
            return plusDays(d, days.longValue());
        }
        if (left instanceof Number days && right instanceof LocalDate d) {
            return plusDays(d, days.longValue());
        }
        if (!(right instanceof PgInterval interval)) {
            return unsupported(left, right);
        }
        return switch (left) {
            case PgInterval i -> i.plus(interval);
            case LocalDateTime t -> plus(t, interval);
            case LocalDate d -> plus(d.atStartOfDay(), interval);
            case OffsetDateTime t -> plus(t, interval, SessionTimeZone.current());
            case LocalTime t -> plus(t, interval);
            default -> unsupported(left, right);
        };
    }

    private Object subtract(Object left, Object right) {
        if (right instanceof PgInterval interval) {
            return left instanceof PgInterval i ? i.minus(interval) : add(left, interval.negate());
        }
        return switch (left) {
            case LocalDate d when right instanceof Number days -> plusDays(d, -days.longValue());
            case LocalDate a when right instanceof LocalDate b -> daysBetween(a, b);
            case LocalDateTime a when right instanceof LocalDateTime b -> difference(micros(a), micros(b));
            case OffsetDateTime a when right instanceof OffsetDateTime b ->
                    difference(micros(a), micros(b));
            default -> unsupported(left, right);
        };
    }

    /** PostgreSQL's date_pli and date_mii: infinity stays infinity, a date past its range fails. */
    private static LocalDate plusDays(LocalDate date, long days) {
        if (date.equals(LocalDate.MAX) || date.equals(LocalDate.MIN)) {
            return date;
        }
        try {
            LocalDate result = date.plusDays(days);
            // PostgreSQL's dates run from 4714-11-24 BC to 5874897 AD
            if (result.isBefore(LocalDate.of(-4713, 11, 24)) || result.getYear() > 5_874_897) {
                throw dateOutOfRange();
            }
            return result;
        } catch (DateTimeException | ArithmeticException e) {
            throw dateOutOfRange();
        }
    }

    /** PostgreSQL's date_mi: the days between two dates, as an integer. */
    private static Integer daysBetween(LocalDate a, LocalDate b) {
        if (a.equals(LocalDate.MAX) || a.equals(LocalDate.MIN) || b.equals(LocalDate.MAX) || b.equals(LocalDate.MIN)) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "cannot subtract infinite dates");
        }
        return Math.toIntExact(a.toEpochDay() - b.toEpochDay());
    }

    private static PgException dateOutOfRange() {
        return new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range");
    }

    private static double factor(Object number) {
        if (number instanceof Number n) {
            return Numerics.toBigDecimal(n).doubleValue();
        }
        throw PgErrors.functionNotSupported("interval arithmetic with " + number.getClass().getSimpleName());
    }

    private Object unsupported(Object left, Object right) {
        throw PgErrors.functionNotSupported(op + " on " + left.getClass().getSimpleName() + " and "
                + right.getClass().getSimpleName());
    }

    /** PostgreSQL's timestamp_pl_interval; infinity stays infinity. */
    static LocalDateTime plus(LocalDateTime t, PgInterval interval) {
        if (t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN)) {
            return t;
        }
        try {
            LocalDateTime result = t.plusMonths(interval.months()).plusDays(interval.days())
                    .plusNanos(Math.multiplyExact(interval.microseconds(), 1000L));
            return checked(result);
        } catch (DateTimeException | ArithmeticException e) {
            throw timestampOutOfRange();
        }
    }

    /** PostgreSQL's timestamptz_pl_interval: months and days in the zone's calendar, then the time. */
    static OffsetDateTime plus(OffsetDateTime t, PgInterval interval, ZoneId zone) {
        if (t.equals(OffsetDateTime.MAX) || t.equals(OffsetDateTime.MIN)) {
            return t;
        }
        try {
            ZonedDateTime local = t.atZoneSameInstant(zone);
            if (interval.months() != 0) {
                local = resolve(local.toLocalDateTime().plusMonths(interval.months()), zone);
            }
            if (interval.days() != 0) {
                local = resolve(local.toLocalDateTime().plusDays(interval.days()), zone);
            }
            OffsetDateTime result = local.toOffsetDateTime()
                    .plusNanos(Math.multiplyExact(interval.microseconds(), 1000L));
            checked(result.atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime());
            return result;
        } catch (DateTimeException | ArithmeticException e) {
            throw timestampOutOfRange();
        }
    }

    /**
     * A local time in a zone as PostgreSQL resolves it: in a gap the offset before the jump
     * (which Java's default also gives), in an overlap the offset after it.
     */
    private static ZonedDateTime resolve(LocalDateTime local, ZoneId zone) {
        return ZonedDateTime.of(local, zone).withLaterOffsetAtOverlap();
    }

    /** PostgreSQL's time_pl_interval: the time part only, wrapped into one day. */
    static LocalTime plus(LocalTime t, PgInterval interval) {
        long micros = (t.toNanoOfDay() / 1000 + interval.microseconds() % PgInterval.MICROS_PER_DAY)
                % PgInterval.MICROS_PER_DAY;
        if (micros < 0) {
            micros += PgInterval.MICROS_PER_DAY;
        }
        return LocalTime.ofNanoOfDay(micros * 1000);
    }

    private static LocalDateTime checked(LocalDateTime t) {
        // PostgreSQL's timestamps run from 4714-11-24 BC to 294276 AD
        if (t.getYear() < -4713 || t.getYear() > 294_276) {
            throw timestampOutOfRange();
        }
        return t;
    }

    private static PgInterval difference(long a, long b) {
        try {
            return PgInterval.ofMicroseconds(Math.subtractExact(a, b)).justifyHours();
        } catch (ArithmeticException e) {
            throw PgInterval.outOfRange();
        }
    }

    private static long micros(LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN)) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "cannot subtract infinite timestamps");
        }
        java.time.Instant instant = t.toInstant(java.time.ZoneOffset.UTC);
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    private static long micros(OffsetDateTime t) {
        if (t.equals(OffsetDateTime.MAX) || t.equals(OffsetDateTime.MIN)) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "cannot subtract infinite timestamps");
        }
        return Math.addExact(Math.multiplyExact(t.toEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    private static PgException timestampOutOfRange() {
        return new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
    }
}
