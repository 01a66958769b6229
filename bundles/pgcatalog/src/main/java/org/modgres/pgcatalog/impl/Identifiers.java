package org.modgres.pgcatalog.impl;

import org.modgres.api.sql.SqlQuoting;

/** Quotes identifiers and literals in the SQL text the catalog prints, as PostgreSQL's quote_ident and quote_literal do. */
final class Identifiers {

    private Identifiers() {
    }

    static String quote(String identifier) {
        return SqlQuoting.identifier(identifier);
    }

    static String literal(String value) {
        return SqlQuoting.literal(value);
    }
}
