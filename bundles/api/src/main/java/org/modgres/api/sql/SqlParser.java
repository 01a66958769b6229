package org.modgres.api.sql;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns SQL text in the PostgreSQL dialect into statements. Implemented by parser bundles and
 * registered as a service; the session manager uses the one with the highest
 * {@code service.ranking}.
 */
@ConsumerType
public interface SqlParser {

    /** Returns a short name for the parser, shown by {@code SHOW modgres.parser}. */
    String name();

    /**
     * Parses a string of zero or more statements separated by semicolons.
     *
     * @return one statement per non-empty statement of the text, in order; an empty list for a
     *         text with no statement (the simple protocol answers it with EmptyQueryResponse)
     * @throws org.modgres.api.error.PgException with SQLSTATE 42601 and the error's position
     */
    List<Statement> parse(String sql);
}
