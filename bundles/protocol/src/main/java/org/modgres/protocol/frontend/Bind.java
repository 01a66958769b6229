package org.modgres.protocol.frontend;

import java.util.Arrays;
import java.util.Objects;

/**
 * Binds parameter values to a prepared statement, creating a portal. Format codes are 0 (text) or
 * 1 (binary); an empty array means all text, one code applies to every value. A {@code null}
 * entry in {@code parameterValues} is SQL NULL. Format codes are passed on as sent: checking them
 * is the session's job, since PostgreSQL reports a bad one as an ordinary error.
 */
public record Bind(String portalName, String statementName, short[] parameterFormats, byte[][] parameterValues,
                   short[] resultFormats) implements FrontendMessage {
    public static final short TEXT = 0;
    public static final short BINARY = 1;

    public Bind {
        Objects.requireNonNull(portalName, "portalName");
        Objects.requireNonNull(statementName, "statementName");
        Objects.requireNonNull(parameterFormats, "parameterFormats");
        Objects.requireNonNull(parameterValues, "parameterValues");
        Objects.requireNonNull(resultFormats, "resultFormats");
    }

    /** Returns the format code of a parameter (0-based), applying the protocol's defaulting rule. */
    public short parameterFormat(int index) {
        return formatAt(parameterFormats, index);
    }

    /** Returns the format code requested for a result column (0-based). */
    public short resultFormat(int column) {
        return formatAt(resultFormats, column);
    }

    private static short formatAt(short[] formats, int index) {
        return switch (formats.length) {
            case 0 -> TEXT;
            case 1 -> formats[0];
            default -> index < formats.length ? formats[index] : TEXT;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bind b && portalName.equals(b.portalName) && statementName.equals(b.statementName)
                && Arrays.equals(parameterFormats, b.parameterFormats)
                && Arrays.deepEquals(parameterValues, b.parameterValues)
                && Arrays.equals(resultFormats, b.resultFormats);
    }

    @Override
    public int hashCode() {
        return Objects.hash(portalName, statementName, Arrays.hashCode(parameterFormats),
                Arrays.deepHashCode(parameterValues), Arrays.hashCode(resultFormats));
    }

    /** Shows the number of values, never the values: they may be secrets and belong in TRACE logs only. */
    @Override
    public String toString() {
        return "Bind[portalName=" + portalName + ", statementName=" + statementName + ", parameterFormats="
                + Arrays.toString(parameterFormats) + ", parameterValues=" + parameterValues.length
                + " values, resultFormats=" + Arrays.toString(resultFormats) + "]";
    }
}
