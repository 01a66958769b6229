package org.modgres.pgcatalog.impl;

import java.util.Set;

/**
 * The roles Modgres has: the bootstrap superuser postgres, which every session is, and
 * pg_database_owner, PostgreSQL 15's owner of the public schema.
 */
final class Roles {

    static final long DATABASE_OWNER = 6171;

    /** The catalogs shared by all databases (pg_class.relisshared). */
    static final Set<String> SHARED_CATALOGS = Set.of("pg_authid", "pg_auth_members", "pg_database",
            "pg_tablespace", "pg_shdescription", "pg_shdepend", "pg_db_role_setting");

    private Roles() {
    }

    /** Returns the name of a role, or null when there is none with this OID. */
    static String name(long oid) {
        if (oid == ObjectIds.POSTGRES_ROLE) {
            return ObjectIds.POSTGRES_ROLE_NAME;
        }
        return oid == DATABASE_OWNER ? "pg_database_owner" : null;
    }

    /** Returns the OID of a role, or -1 when there is none with this name. */
    static long oid(String name) {
        return switch (name) {
            case ObjectIds.POSTGRES_ROLE_NAME -> ObjectIds.POSTGRES_ROLE;
            case "pg_database_owner" -> DATABASE_OWNER;
            default -> -1;
        };
    }
}
