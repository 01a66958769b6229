package org.modgres.pgcatalog.impl;

import java.util.Set;

import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleInfo;

/**
 * The roles: those the shared storage keeps (the bootstrap superuser postgres and the roles
 * created since), and pg_database_owner, PostgreSQL 15's owner of the public schema.
 */
final class Roles {

    static final long DATABASE_OWNER = 6171;

    /** The catalogs shared by all databases (pg_class.relisshared). */
    static final Set<String> SHARED_CATALOGS = Set.of("pg_authid", "pg_auth_members", "pg_database",
            "pg_tablespace", "pg_shdescription", "pg_shdepend", "pg_db_role_setting");

    /** pg_database_owner as pg_authid lists it. */
    static final RoleInfo DATABASE_OWNER_ROLE = new RoleInfo(DATABASE_OWNER, "pg_database_owner", false, true,
            false, false, false, false, false, -1, null, null);

    private Roles() {
    }

    /** Returns the name of a role, or null when there is none with this OID. */
    static String name(RoleCatalog roles, long oid) {
        if (oid == DATABASE_OWNER) {
            return DATABASE_OWNER_ROLE.name();
        }
        return roles.role(oid).map(RoleInfo::name).orElse(null);
    }

    /** Returns the OID of a role, or -1 when there is none with this name. */
    static long oid(RoleCatalog roles, String name) {
        if (name.equals(DATABASE_OWNER_ROLE.name())) {
            return DATABASE_OWNER;
        }
        return roles.role(name).map(RoleInfo::oid).orElse(-1L);
    }
}
