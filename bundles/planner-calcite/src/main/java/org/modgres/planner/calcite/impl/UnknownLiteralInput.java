package org.modgres.planner.calcite.impl;

import java.math.BigDecimal;
import java.util.Locale;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * Reads a string literal as the number type it resolves to, at planning as PostgreSQL does: the
 * literal of {@code COALESCE(1, 'x')} fails (22P02) even where its branch is never taken.
 */
final class UnknownLiteralInput {

    private UnknownLiteralInput() {
    }

    /** Throws 22P02, or 22003 for an integer out of range, when the literal is no value of the number type. */
    static void check(SqlCharStringLiteral literal, RelDataType type) {
        String text = literal.getValueAs(String.class);
        String trimmed = text.strip();
        switch (type.getSqlTypeName()) {
            case TINYINT, SMALLINT -> integer(text, trimmed, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
            case INTEGER -> integer(text, trimmed, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
            case BIGINT -> integer(text, trimmed, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
            case DECIMAL -> {
                if (!trimmed.equalsIgnoreCase("nan")) {
                    parse(() -> new BigDecimal(trimmed), text, "numeric");
                }
            }
            case REAL, FLOAT, DOUBLE -> {
                String lower = trimmed.toLowerCase(Locale.ROOT);
                if (!lower.matches("[+-]?(inf|infinity)|nan")) {
                    parse(() -> Double.parseDouble(trimmed), text,
                            type.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.REAL ? "real"
                                    : "double precision");
                }
            }
            default -> {
                // other types read their literals where they are cast
            }
        }
    }

    private static void integer(String text, String trimmed, long min, long max, String typeName) {
        if (!trimmed.matches("[+-]?[0-9]+")) {
            throw invalid(typeName, text);
        }
        BigDecimal value = new BigDecimal(trimmed);
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "value \"" + text + "\" is out of range for type " + typeName);
        }
    }

    private static void parse(Runnable parser, String text, String typeName) {
        try {
            parser.run();
        } catch (NumberFormatException e) {
            throw invalid(typeName, text);
        }
    }

    private static PgException invalid(String typeName, String text) {
        return new PgException(SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type " + typeName + ": \"" + text + "\"");
    }
}
