package org.modgres.api.storage;

import java.util.Objects;

/**
 * A schema of CREATE SCHEMA, as {@code pg_namespace} describes it.
 *
 * @param oid   its OID
 * @param name  its name
 * @param owner the OID of the role that owns it
 */
public record SchemaInfo(long oid, String name, long owner) {

    public SchemaInfo {
        Objects.requireNonNull(name, "name");
    }
}
