package org.modgres.api.storage;

import java.util.Objects;

/**
 * A sequence as the catalog describes it; its current value is not part of the description.
 *
 * @param oid     the sequence's OID, as {@code pg_class.oid}
 * @param schema  its schema
 * @param name    its name
 * @param options its options
 * @param owner   the column it belongs to, or null
 */
public record SequenceInfo(long oid, String schema, String name, SequenceOptions options, SequenceOwner owner) {

    public SequenceInfo {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(options, "options");
    }
}
