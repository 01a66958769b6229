package org.modgres.api.role;

/**
 * That a role is a member of another, as a row of {@code pg_auth_members}.
 *
 * @param role        the OID of the role whose member this is (roleid)
 * @param member      the OID of the member (member)
 * @param grantor     the OID of the role that granted the membership (grantor)
 * @param adminOption whether the member may grant the role to others (admin_option)
 */
public record RoleMembership(long role, long member, long grantor, boolean adminOption) {
}
