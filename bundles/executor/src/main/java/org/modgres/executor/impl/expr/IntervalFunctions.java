package org.modgres.executor.impl.expr;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.type.PgInterval;

/**
 * PostgreSQL 15's functions of intervals: extract and date_part (fields of the interval as it
 * prints, years from months), date_trunc, the justify functions, make_interval and age.
 */
final class IntervalFunctions {

    private IntervalFunctions() {
    }

    /** The interval's fields as PostgreSQL's interval2itm takes it apart. */
    private record Fields(long years, long months, long days, long hours, long minutes, long seconds, long micros) {

        static Fields of(PgInterval interval) {
            long time = interval.microseconds();
            long hours = time / PgInterval.MICROS_PER_HOUR;
            time -= hours * PgInterval.MICROS_PER_HOUR;
            long minutes = time / PgInterval.MICROS_PER_MINUTE;
            time -= minutes * PgInterval.MICROS_PER_MINUTE;
            long seconds = time / PgInterval.MICROS_PER_SECOND;
            return new Fields(interval.months() / 12, interval.months() % 12, interval.days(), hours, minutes,
                    seconds, time - seconds * PgInterval.MICROS_PER_SECOND);
        }

        PgInterval toInterval() {
            try {
                long totalMonths = Math.addExact(Math.multiplyExact(years, 12), months);
                long time = Math.addExact(Math.multiplyExact(hours, PgInterval.MICROS_PER_HOUR),
                        Math.addExact(minutes * PgInterval.MICROS_PER_MINUTE,
                                Math.addExact(seconds * PgInterval.MICROS_PER_SECOND, micros)));
                return new PgInterval(Math.toIntExact(totalMonths), Math.toIntExact(days), time);
            } catch (ArithmeticException e) {
                throw PgInterval.outOfRange();
            }
        }
    }

    /** extract(unit from interval), numeric. @param unit the unit with its aliases resolved */
    static BigDecimal extract(String unit, Object unitText, PgInterval interval) {
        Fields f = Fields.of(interval);
        return switch (unit) {
            case "microseconds" -> BigDecimal.valueOf(f.seconds() * 1_000_000 + f.micros());
            case "milliseconds" -> BigDecimal.valueOf(f.seconds() * 1_000_000 + f.micros(), 3);
            case "second" -> BigDecimal.valueOf(f.seconds() * 1_000_000 + f.micros(), 6);
            case "minute" -> BigDecimal.valueOf(f.minutes());
            case "hour" -> BigDecimal.valueOf(f.hours());
            case "day" -> BigDecimal.valueOf(f.days());
            case "month" -> BigDecimal.valueOf(f.months());
            case "quarter" -> BigDecimal.valueOf(f.months() / 3 + 1);
            case "year" -> BigDecimal.valueOf(f.years());
            case "decade" -> BigDecimal.valueOf(f.years() / 10);
            case "century" -> BigDecimal.valueOf(f.years() / 100);
            case "millennium" -> BigDecimal.valueOf(f.years() / 1000);
            case "epoch" -> epoch(interval);
            case "week", "dow", "isodow", "doy", "isoyear", "julian", "timezone", "timezone_hour",
                 "timezone_minute" -> throw notSupported(unitText);
            default -> throw notRecognized(unitText);
        };
    }

    /** Seconds, with 365.25-day years and 30-day months, as PostgreSQL counts an interval's epoch. */
    private static BigDecimal epoch(PgInterval interval) {
        long secondsFromDaysAndMonths = (1461L * (interval.months() / 12) + 120L * (interval.months() % 12)
                + 4L * interval.days()) * (86_400 / 4);
        return BigDecimal.valueOf(secondsFromDaysAndMonths).add(BigDecimal.valueOf(interval.microseconds(), 6))
                .setScale(6);
    }

    /** date_trunc(unit, interval): the fields below the unit zeroed, as PostgreSQL's interval_trunc. */
    static PgInterval truncate(String unit, Object unitText, PgInterval interval) {
        Fields f = Fields.of(interval);
        long years = f.years();
        long months = f.months();
        long days = f.days();
        long hours = f.hours();
        long minutes = f.minutes();
        long seconds = f.seconds();
        long micros = f.micros();
        int level = switch (unit) {
            case "millennium" -> 9;
            case "century" -> 8;
            case "decade" -> 7;
            case "year" -> 6;
            case "quarter" -> 5;
            case "month" -> 4;
            case "day" -> 3;
            case "hour" -> 2;
            case "minute" -> 1;
            case "second" -> 0;
            case "milliseconds" -> -1;
            case "microseconds" -> -2;
            case "week" -> throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, Severity.ERROR, "unit \""
                    + StringFunctions.text(unitText) + "\" not supported for type interval",
                    "Months usually have fractional weeks.", null, 0, null);
            case "dow", "isodow", "doy", "isoyear", "julian", "timezone", "timezone_hour", "timezone_minute" ->
                    throw notSupported(unitText);
            default -> throw notRecognized(unitText);
        };
        if (level >= 9) {
            years = years / 1000 * 1000;
        }
        if (level >= 8) {
            years = years / 100 * 100;
        }
        if (level >= 7) {
            years = years / 10 * 10;
        }
        if (level >= 6) {
            months = 0;
        }
        if (level >= 5) {
            months = 3 * (months / 3);
        }
        if (level >= 4) {
            days = 0;
        }
        if (level >= 3) {
            hours = 0;
        }
        if (level >= 2) {
            minutes = 0;
        }
        if (level >= 1) {
            seconds = 0;
        }
        if (level >= 0) {
            micros = 0;
        } else if (level == -1) {
            micros = micros / 1000 * 1000;
        }
        return new Fields(years, months, days, hours, minutes, seconds, micros).toInterval();
    }

    /** make_interval(years, months, weeks, days, hours, mins, secs); a missing argument is zero. */
    static PgInterval make(Object[] args) {
        long[] whole = new long[6];
        for (int i = 0; i < 6; i++) {
            whole[i] = i < args.length && args[i] != null ? ((Number) args[i]).longValue() : 0;
        }
        double seconds = args.length > 6 && args[6] != null ? ((Number) args[6]).doubleValue() : 0;
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw PgInterval.outOfRange();
        }
        try {
            int months = Math.toIntExact(Math.addExact(Math.multiplyExact(whole[0], 12), whole[1]));
            int days = Math.toIntExact(Math.addExact(Math.multiplyExact(whole[2], 7), whole[3]));
            double micros = Math.rint(seconds * PgInterval.MICROS_PER_SECOND);
            if (micros >= 0x1p63 || micros < -0x1p63) {
                throw PgInterval.outOfRange();
            }
            long time = Math.addExact(Math.addExact(Math.multiplyExact(whole[4], PgInterval.MICROS_PER_HOUR),
                    Math.multiplyExact(whole[5], PgInterval.MICROS_PER_MINUTE)), (long) micros);
            return new PgInterval(months, days, time);
        } catch (ArithmeticException e) {
            throw PgInterval.outOfRange();
        }
    }

    /** age(a, b): the symbolic difference, years and months by the calendar, as PostgreSQL's timestamp_age. */
    static PgInterval age(Object a, Object b) {
        LocalDateTime first = local(a);
        LocalDateTime second = local(b);
        boolean negative = first.isBefore(second);
        long micros = (first.getNano() - second.getNano()) / 1000;
        long seconds = first.getSecond() - second.getSecond();
        long minutes = first.getMinute() - second.getMinute();
        long hours = first.getHour() - second.getHour();
        long days = first.getDayOfMonth() - second.getDayOfMonth();
        long months = first.getMonthValue() - second.getMonthValue();
        long years = first.getYear() - second.getYear();
        if (negative) {
            micros = -micros;
            seconds = -seconds;
            minutes = -minutes;
            hours = -hours;
            days = -days;
            months = -months;
            years = -years;
        }
        while (micros < 0) {
            micros += 1_000_000;
            seconds--;
        }
        while (seconds < 0) {
            seconds += 60;
            minutes--;
        }
        while (minutes < 0) {
            minutes += 60;
            hours--;
        }
        while (hours < 0) {
            hours += 24;
            days--;
        }
        LocalDate borrowFrom = (negative ? first : second).toLocalDate();
        while (days < 0) {
            days += borrowFrom.lengthOfMonth();
            months--;
        }
        while (months < 0) {
            months += 12;
            years--;
        }
        Fields result = negative
                ? new Fields(-years, -months, -days, -hours, -minutes, -seconds, -micros)
                : new Fields(years, months, days, hours, minutes, seconds, micros);
        return result.toInterval();
    }

    /** age(timestamp): from midnight of the current date. */
    static PgInterval ageFromToday(Object value, OffsetDateTime now) {
        LocalDate today = now.atZoneSameInstant(DateTimeFunctions.zone()).toLocalDate();
        Object midnight = value instanceof OffsetDateTime
                ? today.atStartOfDay(DateTimeFunctions.zone()).toOffsetDateTime()
                : today.atStartOfDay();
        return age(midnight, value);
    }

    private static LocalDateTime local(Object value) {
        return switch (value) {
            case OffsetDateTime t -> {
                if (t.equals(OffsetDateTime.MAX) || t.equals(OffsetDateTime.MIN)) {
                    throw PgInterval.outOfRange();
                }
                yield t.atZoneSameInstant(DateTimeFunctions.zone()).toLocalDateTime();
            }
            case LocalDate d -> d.atStartOfDay();
            case LocalDateTime t -> {
                if (t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN)) {
                    throw PgInterval.outOfRange();
                }
                yield t;
            }
            default -> throw new IllegalArgumentException("age of " + value.getClass().getName());
        };
    }

    private static PgException notSupported(Object unitText) {
        return new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                "unit \"" + StringFunctions.text(unitText) + "\" not supported for type interval");
    }

    private static PgException notRecognized(Object unitText) {
        return new PgException(SqlState.INVALID_PARAMETER_VALUE,
                "unit \"" + StringFunctions.text(unitText) + "\" not recognized for type interval");
    }
}
