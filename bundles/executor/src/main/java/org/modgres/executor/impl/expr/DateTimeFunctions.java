package org.modgres.executor.impl.expr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.JulianFields;
import java.util.Locale;
import java.util.Map;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.type.PgInterval;
import org.modgres.executor.impl.value.SessionTimeZone;
import org.modgres.executor.impl.value.TextFormat;
import org.modgres.executor.impl.value.ValueType;

/**
 * date_trunc, extract, date_part, make_date, make_timestamp and to_timestamp(double precision).
 * A timestamp with time zone is taken apart in the time zone the executor's casts use.
 */
final class DateTimeFunctions {

    /** PostgreSQL's other spellings of the units, mapped to the names used here. */
    private static final Map<String, String> UNIT_ALIASES = Map.ofEntries(
            Map.entry("microsecond", "microseconds"), Map.entry("us", "microseconds"),
            Map.entry("usec", "microseconds"), Map.entry("usecs", "microseconds"),
            Map.entry("useconds", "microseconds"), Map.entry("millisecond", "milliseconds"),
            Map.entry("ms", "milliseconds"), Map.entry("msec", "milliseconds"), Map.entry("msecs", "milliseconds"),
            Map.entry("mseconds", "milliseconds"), Map.entry("seconds", "second"), Map.entry("s", "second"),
            Map.entry("sec", "second"), Map.entry("secs", "second"), Map.entry("minutes", "minute"),
            Map.entry("m", "minute"), Map.entry("min", "minute"), Map.entry("mins", "minute"),
            Map.entry("hours", "hour"), Map.entry("h", "hour"), Map.entry("hr", "hour"), Map.entry("hrs", "hour"),
            Map.entry("days", "day"), Map.entry("d", "day"), Map.entry("weeks", "week"), Map.entry("w", "week"),
            Map.entry("months", "month"), Map.entry("mon", "month"), Map.entry("mons", "month"),
            Map.entry("qtr", "quarter"), Map.entry("years", "year"), Map.entry("y", "year"),
            Map.entry("yr", "year"), Map.entry("yrs", "year"), Map.entry("decades", "decade"),
            Map.entry("dec", "decade"), Map.entry("centuries", "century"), Map.entry("c", "century"),
            Map.entry("cent", "century"), Map.entry("millennia", "millennium"), Map.entry("mil", "millennium"),
            Map.entry("mils", "millennium"), Map.entry("j", "julian"));

    private DateTimeFunctions() {
    }

    static ZoneId zone() {
        return SessionTimeZone.current();
    }

    private static String unit(Object text) {
        String unit = StringFunctions.text(text).strip().toLowerCase(Locale.ROOT);
        return UNIT_ALIASES.getOrDefault(unit, unit);
    }

    private static String typeName(Object value) {
        return switch (value) {
            case LocalDate d -> ValueType.DATE.sqlName();
            case LocalTime t -> ValueType.TIME.sqlName();
            case OffsetDateTime t -> ValueType.TIMESTAMPTZ.sqlName();
            default -> ValueType.TIMESTAMP.sqlName();
        };
    }

    static Object dateTrunc(Object[] args) {
        String unit = unit(args[0]);
        Object value = args[1];
        if (value instanceof PgInterval interval) {
            return IntervalFunctions.truncate(unit, args[0], interval);
        }
        if (value instanceof LocalDate date) {
            value = date.atStartOfDay(zone()).toOffsetDateTime();
        }
        if (value instanceof OffsetDateTime t) {
            LocalDateTime local = t.atZoneSameInstant(zone()).toLocalDateTime();
            return truncate(local, unit, args[0], value).atZone(zone()).toOffsetDateTime();
        }
        return truncate((LocalDateTime) value, unit, args[0], value);
    }

    private static LocalDateTime truncate(LocalDateTime t, String unit, Object unitText, Object value) {
        int year = t.getYear();
        return switch (unit) {
            case "microseconds" -> t.truncatedTo(ChronoUnit.MICROS);
            case "milliseconds" -> t.truncatedTo(ChronoUnit.MILLIS);
            case "second" -> t.truncatedTo(ChronoUnit.SECONDS);
            case "minute" -> t.truncatedTo(ChronoUnit.MINUTES);
            case "hour" -> t.truncatedTo(ChronoUnit.HOURS);
            case "day" -> t.truncatedTo(ChronoUnit.DAYS);
            case "week" -> t.toLocalDate().minusDays(t.getDayOfWeek().getValue() - 1L).atStartOfDay();
            case "month" -> t.toLocalDate().withDayOfMonth(1).atStartOfDay();
            case "quarter" -> LocalDate.of(year, (t.getMonthValue() - 1) / 3 * 3 + 1, 1).atStartOfDay();
            case "year" -> LocalDate.of(year, 1, 1).atStartOfDay();
            case "decade" -> LocalDate.of(Math.floorDiv(year, 10) * 10, 1, 1).atStartOfDay();
            case "century" -> LocalDate.of(year > 0 ? (year + 99) / 100 * 100 - 99 : year, 1, 1).atStartOfDay();
            case "millennium" -> LocalDate.of(year > 0 ? (year + 999) / 1000 * 1000 - 999 : year, 1, 1)
                    .atStartOfDay();
            default -> throw unrecognized(unitText, value);
        };
    }

    private static PgException unrecognized(Object unitText, Object value) {
        return new PgException(SqlState.INVALID_PARAMETER_VALUE, "unit \"" + StringFunctions.text(unitText)
                + "\" not recognized for type " + typeName(value));
    }

    /** date_part(field, x): extract's value as double precision; a date is taken as a timestamp. */
    static Object datePart(Object[] args) {
        Object value = args[1] instanceof LocalDate date ? date.atStartOfDay() : args[1];
        return extract(new Object[] {args[0], value}).doubleValue();
    }

    /** extract(field FROM x), numeric as in PostgreSQL 15. */
    static BigDecimal extract(Object[] args) {
        String unit = unit(args[0]);
        Object value = args[1];
        if (value instanceof PgInterval interval) {
            return IntervalFunctions.extract(unit, args[0], interval);
        }
        if (value instanceof LocalDate date) {
            return switch (unit) {
                case "epoch" -> BigDecimal.valueOf(date.toEpochDay() * 86400);
                case "julian" -> BigDecimal.valueOf(date.getLong(JulianFields.JULIAN_DAY));
                case "microseconds", "milliseconds", "second", "minute", "hour" -> throw new PgException(
                        SqlState.FEATURE_NOT_SUPPORTED, "unit \"" + StringFunctions.text(args[0])
                        + "\" not supported for type date");
                default -> dateField(date, unit, args[0], value);
            };
        }
        if (value instanceof LocalTime time) {
            return timeField(time, unit, args[0], value);
        }
        LocalDateTime local = value instanceof OffsetDateTime t ? t.atZoneSameInstant(zone()).toLocalDateTime()
                : (LocalDateTime) value;
        if (unit.equals("epoch")) {
            OffsetDateTime instant = value instanceof OffsetDateTime t ? t : local.atOffset(ZoneOffset.UTC);
            long micros = instant.toEpochSecond() * 1_000_000 + instant.getNano() / 1000;
            return BigDecimal.valueOf(micros, 6);
        }
        if (unit.equals("julian")) {
            long micros = local.toLocalTime().toNanoOfDay() / 1000;
            return BigDecimal.valueOf(local.getLong(JulianFields.JULIAN_DAY)).add(BigDecimal.valueOf(micros)
                    .divide(BigDecimal.valueOf(86_400_000_000L), 20, RoundingMode.HALF_UP).stripTrailingZeros());
        }
        return switch (unit) {
            case "microseconds", "milliseconds", "second", "minute", "hour" ->
                    timeField(local.toLocalTime(), unit, args[0], value);
            default -> dateField(local.toLocalDate(), unit, args[0], value);
        };
    }

    private static BigDecimal timeField(LocalTime time, String unit, Object unitText, Object value) {
        long micros = time.getSecond() * 1_000_000L + time.getNano() / 1000;
        return switch (unit) {
            case "microseconds" -> BigDecimal.valueOf(micros);
            case "milliseconds" -> BigDecimal.valueOf(micros, 3);
            case "second" -> BigDecimal.valueOf(micros, 6);
            case "minute" -> BigDecimal.valueOf(time.getMinute());
            case "hour" -> BigDecimal.valueOf(time.getHour());
            case "epoch" -> BigDecimal.valueOf(time.toNanoOfDay() / 1000, 6);
            default -> throw unrecognized(unitText, value);
        };
    }

    private static BigDecimal dateField(LocalDate date, String unit, Object unitText, Object value) {
        int year = date.getYear();
        long field = switch (unit) {
            case "day" -> date.getDayOfMonth();
            case "month" -> date.getMonthValue();
            case "year" -> year > 0 ? year : year - 1;
            case "quarter" -> (date.getMonthValue() - 1) / 3 + 1;
            case "dow" -> date.getDayOfWeek().getValue() % 7;
            case "isodow" -> date.getDayOfWeek().getValue();
            case "doy" -> date.getDayOfYear();
            case "week" -> date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case "isoyear" -> date.get(IsoFields.WEEK_BASED_YEAR);
            case "decade" -> Math.floorDiv(year, 10);
            case "century" -> year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100);
            case "millennium" -> year > 0 ? (year + 999) / 1000 : -((999 - (year - 1)) / 1000);
            default -> throw unrecognized(unitText, value);
        };
        return BigDecimal.valueOf(field);
    }

    static LocalDate makeDate(Object[] args) {
        int year = ((Number) args[0]).intValue();
        int month = ((Number) args[1]).intValue();
        int day = ((Number) args[2]).intValue();
        try {
            if (year == 0) {
                throw new DateTimeException("year zero");
            }
            return LocalDate.of(year < 0 ? year + 1 : year, month, day);
        } catch (DateTimeException e) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW,
                    "date field value out of range: " + year + "-" + pad2(month) + "-" + pad2(day));
        }
    }

    static LocalDateTime makeTimestamp(Object[] args) {
        LocalDate date = makeDate(args);
        int hour = ((Number) args[3]).intValue();
        int minute = ((Number) args[4]).intValue();
        double seconds = ((Number) args[5]).doubleValue();
        long micros = Math.round(seconds * 1_000_000);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || micros < 0 || micros >= 60_000_000L) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "time field value out of range: "
                    + hour + ":" + pad2(minute) + ":" + TextFormat.formatDouble(seconds));
        }
        return date.atTime(hour, minute).plus(micros, ChronoUnit.MICROS);
    }

    /** to_timestamp(seconds since 1970-01-01 UTC), to the microsecond. */
    static OffsetDateTime fromEpoch(Object[] args) {
        double seconds = ((Number) args[0]).doubleValue();
        if (Double.isNaN(seconds)) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp cannot be NaN");
        }
        if (Double.isInfinite(seconds) || Math.abs(seconds) > 9.2e12) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range: \""
                    + TextFormat.formatDouble(seconds) + "\"");
        }
        long micros = Math.round(seconds * 1_000_000);
        return OffsetDateTime.ofInstant(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static String pad2(int value) {
        return value >= 0 && value < 10 ? "0" + value : Integer.toString(value);
    }
}
