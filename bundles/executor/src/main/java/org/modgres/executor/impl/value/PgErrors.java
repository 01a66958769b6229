package org.modgres.executor.impl.value;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/** The errors of PostgreSQL's type and function code, with PostgreSQL's message texts. */
public final class PgErrors {

    private PgErrors() {
    }

    /** Returns 22003 for a result outside an integer type's range, e.g. "integer out of range". */
    public static PgException outOfRange(ValueType type) {
        return new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, type.sqlName() + " out of range");
    }

    /** Returns 22003 for a float result that overflows. */
    public static PgException floatOverflow() {
        return new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
    }

    /** Returns 22003 for a float result that underflows to zero. */
    public static PgException floatUnderflow() {
        return new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
    }

    /** Returns 22012 "division by zero". */
    public static PgException divisionByZero() {
        return new PgException(SqlState.DIVISION_BY_ZERO, "division by zero");
    }

    /** Returns 22P02 for text that is not a value of the type, e.g. {@code invalid input syntax for type integer: "x"}. */
    public static PgException invalidInput(String typeName, String text) {
        return new PgException(SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type " + typeName + ": \"" + text + "\"");
    }

    /** Returns 22007 for text that is not a date or time. */
    public static PgException invalidDatetime(String typeName, String text) {
        return new PgException(SqlState.INVALID_DATETIME_FORMAT,
                "invalid input syntax for type " + typeName + ": \"" + text + "\"");
    }

    /** Returns 22003 for an integer text outside the type's range. */
    public static PgException textOutOfRange(String typeName, String text) {
        return new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                "value \"" + text + "\" is out of range for type " + typeName);
    }

    /** Returns 22001 for a string longer than a character type allows. */
    public static PgException tooLong(String typeDisplay) {
        return new PgException(SqlState.STRING_DATA_RIGHT_TRUNCATION, "value too long for type " + typeDisplay);
    }

    /** Returns 0A000 for a function or operator this executor cannot run. */
    public static PgException functionNotSupported(String name) {
        return new PgException(SqlState.FEATURE_NOT_SUPPORTED, "function " + name + " is not supported yet");
    }

    /** Returns 0A000 with a free text, for plan shapes this executor cannot run. */
    public static PgException notSupported(String what) {
        return new PgException(SqlState.FEATURE_NOT_SUPPORTED, what + " is not supported yet");
    }

    /** Returns "cannot cast type x to y" as 42804: PostgreSQL says 42846, which SqlState does not list. */
    public static PgException cannotCast(String from, String to) {
        return new PgException(SqlState.DATATYPE_MISMATCH, "cannot cast type " + from + " to " + to);
    }

    /** Returns the error PostgreSQL raises when a value does not fit numeric(precision, scale). */
    public static PgException numericFieldOverflow(int precision, int scale) {
        int integerDigits = precision - scale;
        String limit = integerDigits > 0 ? "10^" + integerDigits : "1";
        return new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow")
                .withDetail("A field with precision " + precision + ", scale " + scale
                        + " must round to an absolute value less than " + limit + ".");
    }
}
