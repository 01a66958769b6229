package org.modgres.protocol.codec;

import org.modgres.protocol.MessageType;

/** One regular message as read from the wire: its type and its body, not yet decoded. */
record Frame(MessageType type, byte[] body) {
}
