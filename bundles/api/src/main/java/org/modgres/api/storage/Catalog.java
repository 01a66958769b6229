package org.modgres.api.storage;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The tables and sequences that exist. */
@ProviderType
public interface Catalog {

    /** The schema user tables are created in when no schema is named. */
    String DEFAULT_SCHEMA = "public";

    /** Returns the table with this schema and name, if there is one. */
    Optional<TableInfo> table(String schema, String name);

    /** Returns the tables of a schema. */
    List<TableInfo> tables(String schema);

    /** Returns the sequence with this schema and name, if there is one. */
    default Optional<SequenceInfo> sequence(String schema, String name) {
        return Optional.empty();
    }

    /** Returns the sequence with this OID, if there is one. */
    default Optional<SequenceInfo> sequence(long oid) {
        return Optional.empty();
    }

    /** Returns the sequences of a schema, by name. */
    default List<SequenceInfo> sequences(String schema) {
        return List.of();
    }

    /**
     * Returns a number that changes whenever a table or sequence is created, dropped or altered, so that
     * cached plans can tell they are stale.
     */
    long version();
}
