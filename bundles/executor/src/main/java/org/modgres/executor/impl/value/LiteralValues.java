package org.modgres.executor.impl.value;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;
import org.modgres.api.type.PgInterval;

/** Calcite literals as values of the executor's classes (Calcite keeps every exact number as a BigDecimal, strings as NlsString, ...). */
public final class LiteralValues {

    private LiteralValues() {
    }

    /**
     * Returns the value of Calcite's interval literal ({@code interval '2' day}): a number of
     * months for a year-month interval, else of milliseconds, which PostgreSQL keeps as days
     * and microseconds.
     */
    private static PgInterval intervalLiteral(RexLiteral literal) {
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        try {
            if (literal.getType().getSqlTypeName().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_YEAR_MONTH) {
                return new PgInterval(value.intValueExact(), 0, 0);
            }
            long millis = value.longValueExact();
            long days = millis / 86_400_000L;
            boolean hasDays = switch (literal.getType().getSqlTypeName()) {
                case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND -> true;
                default -> false;
            };
            return hasDays
                    ? new PgInterval(0, Math.toIntExact(days), Math.multiplyExact(millis - days * 86_400_000L, 1000L))
                    : PgInterval.ofMicroseconds(Math.multiplyExact(millis, 1000L));
        } catch (ArithmeticException e) {
            throw PgInterval.outOfRange();
        }
    }

    /** Returns a literal's value in the class of its type; symbols stay Calcite's enums. */
    public static Object convert(RexLiteral literal) {
        if (literal.isNull()) {
            return null;
        }
        ValueType kind = ValueType.of(literal.getType());
        return switch (kind) {
            case BOOL -> literal.getValueAs(Boolean.class);
            case SMALLINT, INTEGER, BIGINT -> {
                BigDecimal exact = literal.getValueAs(BigDecimal.class);
                yield Numerics.narrow(Numerics.toLong(exact, kind), kind);
            }
            case NUMERIC -> Numerics.applyTypmod(literal.getValueAs(BigDecimal.class), -1, -1);
            case DOUBLE -> literal.getValueAs(Double.class);
            case REAL -> literal.getValueAs(Double.class).floatValue();
            case CHAR, VARCHAR, TEXT -> literal.getValueAs(String.class);
            case BYTEA -> literal.getValueAs(ByteString.class).getBytes();
            case DATE -> LocalDate.ofEpochDay(literal.getValueAs(Integer.class));
            case TIME -> TextInput.parseTime(literal.getValueAs(TimeString.class).toString());
            case TIMESTAMP -> TextInput.parseTimestamp(literal.getValueAs(TimestampString.class).toString());
            case TIMESTAMPTZ -> TextInput.parseTimestamp(literal.getValueAs(TimestampString.class).toString())
                    .atOffset(ZoneOffset.UTC);
            case UUID -> literal.getValue() instanceof java.util.UUID uuid ? uuid
                    : TextInput.parseUuid(String.valueOf(literal.getValue()));
            case INTERVAL -> intervalLiteral(literal);
            case JSON, JSONB, OTHER -> literal.getValue();
        };
    }
}
