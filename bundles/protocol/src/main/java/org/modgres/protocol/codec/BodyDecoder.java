package org.modgres.protocol.codec;

import org.modgres.protocol.frontend.FrontendMessage;

/** Decodes the body of one frontend message type; {@link FrontendDecoders} picks one per type byte. */
interface BodyDecoder {
    FrontendMessage decode(MessageBody body);
}
