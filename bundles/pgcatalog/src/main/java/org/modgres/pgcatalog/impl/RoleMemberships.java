package org.modgres.pgcatalog.impl;

import java.util.Locale;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleGraph;
import org.modgres.api.role.RoleInfo;

/**
 * {@code pg_has_role} as PostgreSQL 15's pg_role_aclcheck answers it: MEMBER asks whether a role
 * is a member of another, directly or not; USAGE whether it holds its privileges (membership
 * through roles with INHERIT); WITH ADMIN OPTION whether it may grant it. Superusers have every
 * role.
 */
final class RoleMemberships {

    private RoleMemberships() {
    }

    /**
     * @param user       the role asked about, by name or OID
     * @param role       the role it may have, by name or OID
     * @param privileges MEMBER, USAGE, each optionally WITH ADMIN (or GRANT) OPTION, comma-separated
     */
    static boolean hasRole(RoleCatalog roles, Object user, Object role, String privileges) {
        long userOid = oid(roles, user);
        long roleOid = oid(roles, role);
        boolean member = false;
        boolean usage = false;
        boolean admin = false;
        for (String part : privileges.split(",", -1)) {
            String name = part.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            switch (name) {
                case "member" -> member = true;
                case "usage" -> usage = true;
                case "member with admin option", "member with grant option", "usage with admin option",
                     "usage with grant option" -> admin = true;
                default -> throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                        "unrecognized privilege type: \"" + part.strip() + "\"");
            }
        }
        if (roles.role(userOid).map(RoleInfo::superuser).orElse(false)) {
            return true;
        }
        RoleGraph graph = RoleGraph.of(roles);
        return admin && graph.isAdmin(userOid, roleOid) || member && graph.isMember(userOid, roleOid)
                || usage && graph.hasPrivilegesOf(userOid, roleOid);
    }

    private static long oid(RoleCatalog roles, Object role) {
        if (role instanceof Number number) {
            return number.longValue();
        }
        String name = role.toString();
        long oid = Roles.oid(roles, name);
        if (oid < 0) {
            throw new PgException(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
        }
        return oid;
    }
}
