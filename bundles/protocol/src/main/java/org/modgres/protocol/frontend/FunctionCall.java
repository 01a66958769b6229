package org.modgres.protocol.frontend;

import java.util.Arrays;
import java.util.Objects;

/**
 * The legacy fast-path function call. Decoded so that the session can refuse it with an ordinary
 * error instead of losing the connection; arguments follow the same format rules as {@link Bind}.
 */
public record FunctionCall(int functionOid, short[] argumentFormats, byte[][] arguments, short resultFormat)
        implements FrontendMessage {
    public FunctionCall {
        Objects.requireNonNull(argumentFormats, "argumentFormats");
        Objects.requireNonNull(arguments, "arguments");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FunctionCall f && functionOid == f.functionOid && resultFormat == f.resultFormat
                && Arrays.equals(argumentFormats, f.argumentFormats) && Arrays.deepEquals(arguments, f.arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(functionOid, resultFormat, Arrays.hashCode(argumentFormats),
                Arrays.deepHashCode(arguments));
    }

    @Override
    public String toString() {
        return "FunctionCall[functionOid=" + functionOid + ", arguments=" + arguments.length + ", resultFormat="
                + resultFormat + "]";
    }
}
