package org.modgres.protocol;

/**
 * The type bytes of PostgreSQL v3 messages, in both directions. Several bytes mean different
 * messages depending on who sends them ('D' is Describe from the client and DataRow from the
 * server), so look frontend types up with {@link #frontend(int)} only.
 */
public enum MessageType {
    QUERY('Q', Direction.FRONTEND, SizeClass.LARGE),
    PARSE('P', Direction.FRONTEND, SizeClass.LARGE),
    BIND('B', Direction.FRONTEND, SizeClass.LARGE),
    DESCRIBE('D', Direction.FRONTEND, SizeClass.SMALL),
    EXECUTE('E', Direction.FRONTEND, SizeClass.SMALL),
    CLOSE('C', Direction.FRONTEND, SizeClass.SMALL),
    SYNC('S', Direction.FRONTEND, SizeClass.EMPTY),
    FLUSH('H', Direction.FRONTEND, SizeClass.EMPTY),
    TERMINATE('X', Direction.FRONTEND, SizeClass.EMPTY),
    /** PasswordMessage, and also SASLInitialResponse, SASLResponse and GSSResponse. */
    PASSWORD_MESSAGE('p', Direction.FRONTEND, SizeClass.AUTH),
    COPY_FAIL('f', Direction.FRONTEND, SizeClass.SMALL),
    FUNCTION_CALL('F', Direction.FRONTEND, SizeClass.LARGE),

    COPY_DATA('d', Direction.BOTH, SizeClass.LARGE),
    COPY_DONE('c', Direction.BOTH, SizeClass.EMPTY),

    /** AuthenticationOk and the other authentication requests; an int32 in the body tells which. */
    AUTHENTICATION('R', Direction.BACKEND, SizeClass.SMALL),
    PARAMETER_STATUS('S', Direction.BACKEND, SizeClass.SMALL),
    BACKEND_KEY_DATA('K', Direction.BACKEND, SizeClass.SMALL),
    READY_FOR_QUERY('Z', Direction.BACKEND, SizeClass.SMALL),
    ROW_DESCRIPTION('T', Direction.BACKEND, SizeClass.LARGE),
    DATA_ROW('D', Direction.BACKEND, SizeClass.LARGE),
    COMMAND_COMPLETE('C', Direction.BACKEND, SizeClass.SMALL),
    EMPTY_QUERY_RESPONSE('I', Direction.BACKEND, SizeClass.EMPTY),
    ERROR_RESPONSE('E', Direction.BACKEND, SizeClass.LARGE),
    NOTICE_RESPONSE('N', Direction.BACKEND, SizeClass.LARGE),
    PARSE_COMPLETE('1', Direction.BACKEND, SizeClass.EMPTY),
    BIND_COMPLETE('2', Direction.BACKEND, SizeClass.EMPTY),
    CLOSE_COMPLETE('3', Direction.BACKEND, SizeClass.EMPTY),
    NO_DATA('n', Direction.BACKEND, SizeClass.EMPTY),
    PORTAL_SUSPENDED('s', Direction.BACKEND, SizeClass.EMPTY),
    PARAMETER_DESCRIPTION('t', Direction.BACKEND, SizeClass.LARGE),
    COPY_IN_RESPONSE('G', Direction.BACKEND, SizeClass.SMALL),
    COPY_OUT_RESPONSE('H', Direction.BACKEND, SizeClass.SMALL),
    NEGOTIATE_PROTOCOL_VERSION('v', Direction.BACKEND, SizeClass.SMALL);

    /** Who sends a message type. */
    public enum Direction { FRONTEND, BACKEND, BOTH }

    /**
     * How large a message body may be, following PostgreSQL's {@code SocketBackend}: statement text,
     * bind values and COPY data may be large; everything else has a small cap, so that garbage read
     * as a length word after a lost message boundary cannot make the server allocate much.
     */
    public enum SizeClass { EMPTY, SMALL, AUTH, LARGE }

    private static final MessageType[] FRONTEND_BY_CODE = new MessageType[128];

    static {
        for (MessageType t : values()) {
            if (t.direction != Direction.BACKEND) {
                FRONTEND_BY_CODE[t.code] = t;
            }
        }
    }

    private final byte code;
    private final Direction direction;
    private final SizeClass sizeClass;

    MessageType(char code, Direction direction, SizeClass sizeClass) {
        this.code = (byte) code;
        this.direction = direction;
        this.sizeClass = sizeClass;
    }

    /** Returns the frontend message type with this type byte, or {@code null} when there is none. */
    public static MessageType frontend(int code) {
        return code >= 0 && code < FRONTEND_BY_CODE.length ? FRONTEND_BY_CODE[code] : null;
    }

    /** Returns the type byte as sent on the wire. */
    public byte code() {
        return code;
    }

    public Direction direction() {
        return direction;
    }

    public SizeClass sizeClass() {
        return sizeClass;
    }
}
