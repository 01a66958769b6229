package org.modgres.pgcatalog.impl;

/**
 * The OIDs of the catalogs' objects: PostgreSQL 15's for the built-in ones, and for a table's
 * primary-key index and constraint, which the storage gives no OID of their own, the table's OID
 * moved into a range of its own. The storage hands out table OIDs from 16384 up, far below these ranges.
 */
final class ObjectIds {

    static final long PG_CATALOG = 11;
    static final long PG_TOAST = 99;
    static final long PUBLIC = 2200;
    /** initdb gives information_schema the first OID after the built-in objects; this is PostgreSQL 15.18's. */
    static final long INFORMATION_SCHEMA = 13207;

    /** The bootstrap superuser. */
    static final long POSTGRES_ROLE = 10;
    static final String POSTGRES_ROLE_NAME = "postgres";

    static final long TEMPLATE1 = 1;
    static final long TEMPLATE0 = 4;
    static final long POSTGRES_DATABASE = 5;

    static final long HEAP = 2;
    static final long BTREE = 403;

    static final long DEFAULT_TABLESPACE = 1663;
    static final long GLOBAL_TABLESPACE = 1664;

    static final long DEFAULT_COLLATION = 100;
    static final long C_COLLATION = 950;

    /** The pg_class OIDs of catalogs, as pg_description.classoid and pg_depend name them. */
    static final long PG_CLASS = 1259;
    static final long PG_CONSTRAINT = 2606;

    /** UTF8 in pg_database.encoding. */
    static final int UTF8 = 6;

    private static final long INDEX_RANGE = 1L << 30;
    private static final long CONSTRAINT_RANGE = 2L << 30;
    /** The other constraints and their indexes: PLACES OIDs per table, two per constraint. */
    private static final long PLACE_RANGE = 3L << 30;
    private static final long PLACES = 128;

    private ObjectIds() {
    }

    /** Returns the OID of a table's primary-key index. */
    static long primaryKeyIndex(long table) {
        return INDEX_RANGE + table;
    }

    /** Returns the OID of a table's primary-key constraint. */
    static long primaryKeyConstraint(long table) {
        return CONSTRAINT_RANGE + table;
    }

    /** Returns the table whose primary-key index has this OID, or -1 when it names no index. */
    static long tableOfIndex(long oid) {
        return oid >= INDEX_RANGE && oid < CONSTRAINT_RANGE ? oid - INDEX_RANGE : -1;
    }

    /** Returns the table whose primary-key constraint has this OID, or -1. */
    static long tableOfConstraint(long oid) {
        return oid >= CONSTRAINT_RANGE && oid < CONSTRAINT_RANGE + INDEX_RANGE ? oid - CONSTRAINT_RANGE : -1;
    }

    /** Returns the OID of the constraint at a 0-based place among a table's UNIQUE, CHECK and FOREIGN KEY constraints. */
    static long constraint(long table, int place) {
        return PLACE_RANGE + table * PLACES + 2L * place;
    }

    /** Returns the OID of the index of the unique constraint at a place. */
    static long constraintIndex(long table, int place) {
        return constraint(table, place) + 1;
    }

    /** Returns the place of the constraint, or of the constraint's index, with this OID; or -1. */
    static int constraintPlace(long oid) {
        return oid >= PLACE_RANGE ? (int) ((oid - PLACE_RANGE) % PLACES / 2) : -1;
    }

    /** Returns the table of the constraint, or of the constraint's index, with this OID; or -1. */
    static long tableOfPlace(long oid) {
        return oid >= PLACE_RANGE ? (oid - PLACE_RANGE) / PLACES : -1;
    }

    static boolean isConstraintIndex(long oid) {
        return oid >= PLACE_RANGE && (oid - PLACE_RANGE) % 2 == 1;
    }
}
