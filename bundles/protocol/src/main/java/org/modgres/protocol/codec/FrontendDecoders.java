package org.modgres.protocol.codec;

import java.util.EnumMap;
import java.util.Map;

import org.modgres.protocol.MessageType;
import org.modgres.protocol.frontend.CopyDone;
import org.modgres.protocol.frontend.Flush;
import org.modgres.protocol.frontend.Sync;
import org.modgres.protocol.frontend.Terminate;

/** The table from frontend message type to body decoder: dispatch by lookup, not by switch. */
final class FrontendDecoders {
    private static final Map<MessageType, BodyDecoder> BY_TYPE = new EnumMap<>(MessageType.class);

    static {
        BY_TYPE.put(MessageType.QUERY, new QueryDecoder());
        BY_TYPE.put(MessageType.PARSE, new ParseDecoder());
        BY_TYPE.put(MessageType.BIND, new BindDecoder());
        BY_TYPE.put(MessageType.DESCRIBE, new DescribeDecoder());
        BY_TYPE.put(MessageType.EXECUTE, new ExecuteDecoder());
        BY_TYPE.put(MessageType.CLOSE, new CloseDecoder());
        BY_TYPE.put(MessageType.SYNC, new EmptyBodyDecoder(Sync.INSTANCE));
        BY_TYPE.put(MessageType.FLUSH, new EmptyBodyDecoder(Flush.INSTANCE));
        BY_TYPE.put(MessageType.TERMINATE, new EmptyBodyDecoder(Terminate.INSTANCE));
        BY_TYPE.put(MessageType.PASSWORD_MESSAGE, new PasswordMessageDecoder());
        BY_TYPE.put(MessageType.COPY_DATA, new CopyDataDecoder());
        BY_TYPE.put(MessageType.COPY_DONE, new EmptyBodyDecoder(CopyDone.INSTANCE));
        BY_TYPE.put(MessageType.COPY_FAIL, new CopyFailDecoder());
        BY_TYPE.put(MessageType.FUNCTION_CALL, new FunctionCallDecoder());
    }

    private FrontendDecoders() {
    }

    /** Returns the decoder of a frontend type; every type {@link MessageType#frontend} returns has one. */
    static BodyDecoder forType(MessageType type) {
        BodyDecoder decoder = BY_TYPE.get(type);
        if (decoder == null) {
            throw new IllegalStateException("no decoder for " + type);
        }
        return decoder;
    }
}
