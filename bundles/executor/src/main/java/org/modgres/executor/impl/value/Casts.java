package org.modgres.executor.impl.value;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.modgres.api.type.PgInterval;
import org.modgres.api.type.PgJson;
import org.modgres.api.type.PgJsonb;
import org.modgres.api.type.PgType;

/**
 * Conversions between the executor's value classes with PostgreSQL's cast rules. An explicit
 * cast truncates a too-long string silently; an assignment (INSERT, UPDATE) refuses it with
 * 22001 unless only spaces are cut.
 */
public final class Casts {

    private Casts() {
    }

    /** Converts a value to a type; null stays null. */
    public static Object cast(Object value, TargetType target, boolean assignment) {
        if (value == null) {
            return null;
        }
        return switch (target.kind()) {
            case BOOL -> toBoolean(value, target);
            case SMALLINT, INTEGER, BIGINT -> toIntegral(value, target.kind());
            case NUMERIC -> Numerics.applyTypmod(toNumeric(value, target), target.precision(), target.scale());
            case DOUBLE -> toDouble(value, target);
            case REAL -> toReal(value, target);
            case CHAR, VARCHAR, TEXT -> toCharacter(value, target, assignment);
            case BYTEA -> toBytea(value, target);
            case DATE -> toDate(value, target);
            case TIME -> toTime(value, target);
            case TIMESTAMP -> toTimestamp(value, target);
            case TIMESTAMPTZ -> toTimestampTz(value, target);
            case UUID -> toUuid(value, target);
            case INTERVAL -> toInterval(value, target);
            case JSON -> toJson(value, target);
            case JSONB -> toJsonb(value, target);
            case OTHER -> value;
        };
    }

    /** Converts a value to the class of a type without checking a modifier. */
    public static Object toClass(Object value, ValueType kind) {
        if (value == null || kind.javaClass().isInstance(value)) {
            return value;
        }
        return cast(value, TargetType.of(kind), false);
    }

    private static Boolean toBoolean(Object value, TargetType target) {
        return switch (value) {
            case Boolean b -> b;
            case String s -> TextInput.parseBoolean(s);
            case Integer i -> i != 0;
            default -> throw cannotCast(value, target);
        };
    }

    private static Object toIntegral(Object value, ValueType kind) {
        long result = switch (value) {
            case Number n -> Numerics.toLong(n, kind);
            case String s -> TextInput.parseIntegral(s, kind);
            case Boolean b when kind == ValueType.INTEGER -> b ? 1 : 0;
            default -> throw cannotCast(value, TargetType.of(kind));
        };
        return Numerics.narrow(result, kind);
    }

    private static BigDecimal toNumeric(Object value, TargetType target) {
        return switch (value) {
            case Number n -> Numerics.toBigDecimal(n);
            case String s -> TextInput.parseNumeric(s);
            default -> throw cannotCast(value, target);
        };
    }

    private static Double toDouble(Object value, TargetType target) {
        return switch (value) {
            case Double d -> d;
            case Number n -> n.doubleValue();
            case String s -> TextInput.parseDouble(s, ValueType.DOUBLE);
            default -> throw cannotCast(value, target);
        };
    }

    private static Float toReal(Object value, TargetType target) {
        return switch (value) {
            case Float f -> f;
            case Number n -> Numerics.toReal(n.doubleValue());
            case String s -> (float) TextInput.parseDouble(s, ValueType.REAL);
            default -> throw cannotCast(value, target);
        };
    }

    private static String toCharacter(Object value, TargetType target, boolean assignment) {
        String text = TextFormat.format(value);
        int length = target.length();
        if (length < 0) {
            return text;
        }
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints > length) {
            int cut = text.offsetByCodePoints(0, length);
            if (assignment && !text.substring(cut).isBlank()) {
                throw PgErrors.tooLong(target.display());
            }
            text = text.substring(0, cut);
            codePoints = length;
        }
        if (target.kind() == ValueType.CHAR && codePoints < length) {
            text = text + " ".repeat(length - codePoints);
        }
        return text;
    }

    private static byte[] toBytea(Object value, TargetType target) {
        return switch (value) {
            case byte[] bytes -> bytes;
            case String s -> TextInput.parseBytea(s);
            default -> throw cannotCast(value, target);
        };
    }

    private static LocalDate toDate(Object value, TargetType target) {
        return switch (value) {
            case LocalDate d -> d;
            case LocalDateTime t -> t.toLocalDate();
            case OffsetDateTime t -> t.atZoneSameInstant(SessionTimeZone.current()).toLocalDate();
            case String s -> TextInput.parseDate(s);
            default -> throw cannotCast(value, target);
        };
    }

    private static LocalTime toTime(Object value, TargetType target) {
        return switch (value) {
            case LocalTime t -> t;
            case LocalDateTime t -> t.toLocalTime();
            case OffsetDateTime t -> t.atZoneSameInstant(SessionTimeZone.current()).toLocalTime();
            case String s -> TextInput.parseTime(s);
            default -> throw cannotCast(value, target);
        };
    }

    private static LocalDateTime toTimestamp(Object value, TargetType target) {
        return switch (value) {
            case LocalDateTime t -> t;
            case LocalDate d -> d.atStartOfDay();
            case OffsetDateTime t -> t.atZoneSameInstant(SessionTimeZone.current()).toLocalDateTime();
            case String s -> TextInput.parseTimestamp(s);
            default -> throw cannotCast(value, target);
        };
    }

    private static OffsetDateTime toTimestampTz(Object value, TargetType target) {
        return switch (value) {
            case OffsetDateTime t -> t;
            case LocalDateTime t -> t.atZone(SessionTimeZone.current()).toOffsetDateTime();
            case LocalDate d -> d.atStartOfDay(SessionTimeZone.current()).toOffsetDateTime();
            case String s -> TextInput.parseTimestampTz(s);
            default -> throw cannotCast(value, target);
        };
    }

    private static UUID toUuid(Object value, TargetType target) {
        return switch (value) {
            case UUID u -> u;
            case String s -> TextInput.parseUuid(s);
            default -> throw cannotCast(value, target);
        };
    }

    private static PgInterval toInterval(Object value, TargetType target) {
        return switch (value) {
            case PgInterval i -> i;
            case String s -> (PgInterval) org.modgres.api.type.TextFormat.parse(PgType.INTERVAL, s);
            case LocalTime t -> PgInterval.ofMicroseconds(t.toNanoOfDay() / 1000);
            default -> throw cannotCast(value, target);
        };
    }

    private static PgJson toJson(Object value, TargetType target) {
        return switch (value) {
            case PgJson j -> j;
            case PgJsonb j -> PgJson.ofValid(j.toString());
            case String s -> PgJson.parse(s);
            default -> throw cannotCast(value, target);
        };
    }

    private static PgJsonb toJsonb(Object value, TargetType target) {
        return switch (value) {
            case PgJsonb j -> j;
            case PgJson j -> j.toJsonb();
            case String s -> PgJsonb.parse(s);
            default -> throw cannotCast(value, target);
        };
    }

    private static RuntimeException cannotCast(Object value, TargetType target) {
        return PgErrors.cannotCast(typeNameOf(value), target.display());
    }

    /** Returns the PostgreSQL name of a value's type, for messages. */
    public static String typeNameOf(Object value) {
        for (ValueType type : ValueType.values()) {
            if (type != ValueType.OTHER && type.javaClass().isInstance(value)) {
                return type == ValueType.CHAR || type == ValueType.VARCHAR ? "text" : type.sqlName();
            }
        }
        return value.getClass().getSimpleName();
    }

    /** Returns a string's size in bytes as PostgreSQL stores it (UTF-8). */
    public static int octetLength(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
