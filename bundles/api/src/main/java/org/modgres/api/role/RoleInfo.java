package org.modgres.api.role;

import java.time.Instant;
import java.util.Objects;

/**
 * A role, as a row of {@code pg_authid}.
 *
 * @param oid             the role's OID; 0 in a role not created yet
 * @param name            its name
 * @param superuser       rolsuper
 * @param inherit         rolinherit
 * @param createRole      rolcreaterole
 * @param createDb        rolcreatedb
 * @param canLogin        rolcanlogin
 * @param replication     rolreplication
 * @param bypassRls       rolbypassrls
 * @param connectionLimit rolconnlimit; -1 for no limit
 * @param password        rolpassword: a SCRAM-SHA-256 verifier or an MD5 hash, never a plain
 *                        password; null for none
 * @param validUntil      rolvaliduntil; null for no limit, {@link Instant#MAX} for 'infinity'
 */
public record RoleInfo(long oid, String name, boolean superuser, boolean inherit, boolean createRole,
                       boolean createDb, boolean canLogin, boolean replication, boolean bypassRls,
                       int connectionLimit, String password, Instant validUntil) {

    public RoleInfo {
        Objects.requireNonNull(name, "name");
    }

    /** Returns a role with PostgreSQL's defaults for CREATE ROLE: INHERIT, no other attribute, no limit. */
    public static RoleInfo named(String name) {
        return new RoleInfo(0, name, false, true, false, false, false, false, false, -1, null, null);
    }

    public RoleInfo withOid(long newOid) {
        return new RoleInfo(newOid, name, superuser, inherit, createRole, createDb, canLogin, replication,
                bypassRls, connectionLimit, password, validUntil);
    }

    public RoleInfo withName(String newName) {
        return new RoleInfo(oid, newName, superuser, inherit, createRole, createDb, canLogin, replication,
                bypassRls, connectionLimit, password, validUntil);
    }

    public RoleInfo withPassword(String newPassword) {
        return new RoleInfo(oid, name, superuser, inherit, createRole, createDb, canLogin, replication,
                bypassRls, connectionLimit, newPassword, validUntil);
    }

    /** Returns toString without the password, which must never reach a log. */
    @Override
    public String toString() {
        return "RoleInfo[oid=" + oid + ", name=" + name + ", superuser=" + superuser + ", inherit=" + inherit
                + ", createRole=" + createRole + ", createDb=" + createDb + ", canLogin=" + canLogin
                + ", replication=" + replication + ", bypassRls=" + bypassRls + ", connectionLimit="
                + connectionLimit + ", password=" + (password == null ? "null" : "(set)") + ", validUntil="
                + validUntil + "]";
    }
}
