package org.modgres.protocol;

/**
 * The largest messages the server reads, as values of the int32 length word (which counts itself
 * but not the type byte). The defaults are PostgreSQL's: {@code MAX_STARTUP_PACKET_LENGTH},
 * {@code PQ_SMALL_MESSAGE_LIMIT}, {@code PG_MAX_AUTH_TOKEN_LENGTH} and
 * {@code PQ_LARGE_MESSAGE_LIMIT} (1 GiB less 2 bytes).
 *
 * @param maxStartupPacketLength the largest startup packet (SSLRequest, StartupMessage, ...)
 * @param maxSmallMessageLength  the cap for {@link MessageType.SizeClass#SMALL} messages
 * @param maxAuthMessageLength   the cap for password, SASL and GSS responses
 * @param maxLargeMessageLength  the cap for Query, Parse, Bind, FunctionCall and CopyData
 */
public record ProtocolLimits(int maxStartupPacketLength, int maxSmallMessageLength, int maxAuthMessageLength,
                             int maxLargeMessageLength) {

    private static final int LENGTH_WORD = 4;
    private static final ProtocolLimits DEFAULTS = new ProtocolLimits(10_000, 10_000, 65_535, 0x3fff_fffe);

    public ProtocolLimits {
        requireAtLeastHeader(maxStartupPacketLength, "maxStartupPacketLength");
        requireAtLeastHeader(maxSmallMessageLength, "maxSmallMessageLength");
        requireAtLeastHeader(maxAuthMessageLength, "maxAuthMessageLength");
        requireAtLeastHeader(maxLargeMessageLength, "maxLargeMessageLength");
    }

    /** Returns PostgreSQL's limits. */
    public static ProtocolLimits defaults() {
        return DEFAULTS;
    }

    /** Returns these limits with another cap for Query, Parse, Bind, FunctionCall and CopyData. */
    public ProtocolLimits withMaxLargeMessageLength(int length) {
        return new ProtocolLimits(maxStartupPacketLength, maxSmallMessageLength, maxAuthMessageLength, length);
    }

    /** Returns the largest allowed value of the length word of a message of this type. */
    public int maxMessageLength(MessageType type) {
        return switch (type.sizeClass()) {
            case EMPTY -> LENGTH_WORD;
            case SMALL -> maxSmallMessageLength;
            case AUTH -> maxAuthMessageLength;
            case LARGE -> maxLargeMessageLength;
        };
    }

    private static void requireAtLeastHeader(int length, String name) {
        if (length < 2 * LENGTH_WORD) {
            throw new IllegalArgumentException(name + " must be at least 8, was " + length);
        }
    }
}
