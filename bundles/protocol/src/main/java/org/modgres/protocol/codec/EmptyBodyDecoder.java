package org.modgres.protocol.codec;

import org.modgres.protocol.frontend.FrontendMessage;

/** Sync, Flush, Terminate and CopyDone: no body, so one shared instance of the record. */
final class EmptyBodyDecoder implements BodyDecoder {
    private final FrontendMessage instance;

    EmptyBodyDecoder(FrontendMessage instance) {
        this.instance = instance;
    }

    @Override
    public FrontendMessage decode(MessageBody body) {
        body.requireEnd();
        return instance;
    }
}
