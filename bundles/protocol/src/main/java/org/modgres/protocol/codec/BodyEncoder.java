package org.modgres.protocol.codec;

import org.modgres.protocol.backend.BackendMessage;

/** Writes the body of one backend message type; {@link BackendEncoders} frames it. */
@FunctionalInterface
interface BodyEncoder<M extends BackendMessage> {
    void encode(M message, OutputBuffer out);
}
