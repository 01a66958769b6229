package org.modgres.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MessageTypeTest {

    @Test
    void looks_up_frontend_types_only() {
        assertEquals(MessageType.DESCRIBE, MessageType.frontend('D'));
        assertEquals(MessageType.SYNC, MessageType.frontend('S'));
        assertEquals(MessageType.COPY_DATA, MessageType.frontend('d'));
        assertNull(MessageType.frontend('Z'), "ReadyForQuery is sent by the server only");
        assertNull(MessageType.frontend('T'));
        assertNull(MessageType.frontend(0));
        assertNull(MessageType.frontend(200));
        assertNull(MessageType.frontend(-1));
    }

    @Test
    void caps_messages_by_size_class() {
        ProtocolLimits limits = ProtocolLimits.defaults();
        assertEquals(4, limits.maxMessageLength(MessageType.SYNC));
        assertEquals(10_000, limits.maxMessageLength(MessageType.EXECUTE));
        assertEquals(65_535, limits.maxMessageLength(MessageType.PASSWORD_MESSAGE));
        assertEquals(0x3fff_fffe, limits.maxMessageLength(MessageType.BIND));
        assertEquals(1 << 20, limits.withMaxLargeMessageLength(1 << 20).maxMessageLength(MessageType.QUERY));
    }
}
