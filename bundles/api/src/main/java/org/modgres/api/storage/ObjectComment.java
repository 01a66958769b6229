package org.modgres.api.storage;

import java.util.Objects;

/**
 * A comment COMMENT ON put on a database object, as a row of {@code pg_description}.
 *
 * @param objectOid   the object's OID
 * @param classOid    the OID of the system catalog the object is listed in: {@link #PG_CLASS} for
 *                    relations and indexes, {@link #PG_NAMESPACE} for schemas
 * @param subId       the column's number (from 1) for a comment on a column, else 0
 * @param description the comment's text
 */
public record ObjectComment(long objectOid, long classOid, int subId, String description) {

    /** The OID of pg_class. */
    public static final long PG_CLASS = 1259;
    /** The OID of pg_namespace. */
    public static final long PG_NAMESPACE = 2615;

    public ObjectComment {
        Objects.requireNonNull(description, "description");
    }
}
