package org.modgres.pgcatalog.impl;

import java.util.List;

/** The comments on objects (pg_description) Modgres has: PostgreSQL's on its built-in objects. */
final class Descriptions {

    /** A comment on an object of a catalog (classoid, as pg_class OID). */
    record Description(long object, long catalog, String text) {
    }

    private static final long PG_NAMESPACE = 2615;

    static final List<Description> ALL = List.of(
            new Description(ObjectIds.PG_CATALOG, PG_NAMESPACE, "system catalog schema"),
            new Description(ObjectIds.PG_TOAST, PG_NAMESPACE, "reserved schema for TOAST tables"),
            new Description(ObjectIds.PUBLIC, PG_NAMESPACE, "standard public schema"));

    private Descriptions() {
    }

    /** Returns the comment on an object, of any catalog when {@code catalogName} is null, or null. */
    static String of(long object, String catalogName) {
        for (Description description : ALL) {
            if (description.object() == object && (catalogName == null
                    || catalogName.equals("pg_namespace") && description.catalog() == PG_NAMESPACE)) {
                return description.text();
            }
        }
        return null;
    }
}
