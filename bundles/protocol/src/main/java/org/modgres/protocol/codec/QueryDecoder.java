package org.modgres.protocol.codec;

import org.modgres.protocol.frontend.Query;

/** Query: String sql. */
final class QueryDecoder implements BodyDecoder {
    @Override
    public Query decode(MessageBody body) {
        String sql = body.readCString();
        body.requireEnd();
        return new Query(sql);
    }
}
