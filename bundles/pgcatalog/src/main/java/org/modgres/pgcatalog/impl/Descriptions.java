package org.modgres.pgcatalog.impl;

import java.util.List;
import java.util.stream.Stream;

/** The comments on objects (pg_description) Modgres has: PostgreSQL's on its built-in schemas and functions. */
final class Descriptions {

    /** A comment on an object of a catalog (classoid, as pg_class OID). */
    record Description(long object, long catalog, String text) {
    }

    private static final long PG_NAMESPACE = 2615;

    private static final long PG_PROC = 1255;

    static final List<Description> ALL = Stream.concat(Stream.of(
            new Description(ObjectIds.PG_CATALOG, PG_NAMESPACE, "system catalog schema"),
            new Description(ObjectIds.PG_TOAST, PG_NAMESPACE, "reserved schema for TOAST tables"),
            new Description(ObjectIds.PUBLIC, PG_NAMESPACE, "standard public schema")),
            FunctionDescriptions.all().stream()).toList();

    private Descriptions() {
    }

    /** Returns the comment on an object, of any catalog when {@code catalogName} is null, or null. */
    static String of(long object, String catalogName) {
        for (Description description : ALL) {
            if (description.object() == object && (catalogName == null
                    || catalogName.equals("pg_namespace") && description.catalog() == PG_NAMESPACE
                    || catalogName.equals("pg_proc") && description.catalog() == PG_PROC)) {
                return description.text();
            }
        }
        return null;
    }
}
