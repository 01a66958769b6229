package org.modgres.pgcatalog.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.modgres.api.storage.ObjectComment;

/**
 * The comments on objects (pg_description): PostgreSQL's on its built-in schemas and functions,
 * and those COMMENT ON put on tables, views, sequences, columns and schemas.
 */
final class Descriptions {

    /** A comment on an object of a catalog (classoid, as pg_class OID). */
    record Description(long object, long catalog, int subId, String text) {

        Description(long object, long catalog, String text) {
            this(object, catalog, 0, text);
        }
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

    /**
     * Returns the comments of pg_description: the built-in objects' and those COMMENT ON put on
     * objects that still exist.
     */
    static List<Description> all(CatalogModel model) {
        List<Description> all = new ArrayList<>();
        for (ObjectComment comment : model.comments()) {
            if (exists(model, comment)) {
                all.add(new Description(comment.objectOid(), comment.classOid(), comment.subId(), comment.description()));
            }
        }
        // a comment put on a built-in object (COMMENT ON SCHEMA public) replaces PostgreSQL's
        for (Description builtIn : ALL) {
            if (all.stream().noneMatch(user -> user.object() == builtIn.object() && user.catalog() == builtIn.catalog())) {
                all.add(builtIn);
            }
        }
        return all;
    }

    /** Returns the comment COMMENT ON put on an object or, with {@code subId} above 0, on a column of it, or null. */
    static String of(CatalogModel model, long object, String catalogName, int subId) {
        for (ObjectComment comment : model.comments()) {
            if (comment.objectOid() == object && comment.subId() == subId && exists(model, comment)
                    && (catalogName == null || catalogName.equals("pg_class") && comment.classOid() == ObjectComment.PG_CLASS
                    || catalogName.equals("pg_namespace") && comment.classOid() == ObjectComment.PG_NAMESPACE)) {
                return comment.description();
            }
        }
        return subId == 0 ? of(object, catalogName) : null;
    }

    private static boolean exists(CatalogModel model, ObjectComment comment) {
        if (comment.classOid() == ObjectComment.PG_NAMESPACE) {
            return model.namespaces().stream().anyMatch(namespace -> namespace.oid() == comment.objectOid());
        }
        CatalogModel.Relation relation = model.relation(comment.objectOid());
        return relation != null && comment.subId() <= relation.columns().size();
    }

    /** Returns the comment on a built-in object, of any catalog when {@code catalogName} is null, or null. */
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
