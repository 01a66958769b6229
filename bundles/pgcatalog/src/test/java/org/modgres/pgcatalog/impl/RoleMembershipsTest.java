package org.modgres.pgcatalog.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.AclItem;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.RoleMembership;
import org.modgres.api.role.TablePrivilege;
import org.modgres.api.storage.Transaction;

/** pg_auth_members, psql's \du memberships, pg_has_role and has_table_privilege through membership. */
class RoleMembershipsTest {

    private final CatalogHarness harness = new CatalogHarness();
    private final RoleCatalog roles = (RoleCatalog) harness.storage;

    private RoleInfo create(RoleInfo role) {
        Transaction t = harness.storage.begin();
        RoleInfo created = roles.create(t, role);
        t.commit();
        return created;
    }

    private void grant(RoleInfo role, RoleInfo member, boolean admin) {
        Transaction t = harness.storage.begin();
        roles.grantMembership(t, new RoleMembership(role.oid(), member.oid(), RoleCatalog.BOOTSTRAP_SUPERUSER_OID,
                admin));
        t.commit();
    }

    /** staff; alice (INHERIT) and bob (NOINHERIT) in it; leads, with staff in it. */
    private void roles() {
        RoleInfo staff = create(RoleInfo.named("staff"));
        RoleInfo leads = create(RoleInfo.named("leads"));
        RoleInfo alice = create(RoleInfo.named("alice"));
        RoleInfo bob = create(new RoleInfo(0, "bob", false, false, false, false, true, false, false, -1, null, null));
        grant(staff, alice, true);
        grant(staff, bob, false);
        grant(leads, staff, false);
    }

    @Test
    void pg_auth_members_lists_the_memberships_and_du_shows_them() {
        roles();
        assertEquals(List.of("leads|staff|postgres|f", "staff|alice|postgres|t", "staff|bob|postgres|f"),
                harness.lines("select roleid::regrole, member::regrole, grantor::regrole, admin_option"
                        + " from pg_auth_members order by 1, 2"));
        assertEquals(List.of("alice|{staff}", "bob|{staff}", "leads|{}", "postgres|{}", "staff|{leads}"),
                harness.lines("SELECT r.rolname, ARRAY(SELECT b.rolname FROM pg_catalog.pg_auth_members m"
                        + " JOIN pg_catalog.pg_roles b ON (m.roleid = b.oid) WHERE m.member = r.oid) as memberof"
                        + " FROM pg_catalog.pg_roles r WHERE r.rolname !~ '^pg_' ORDER BY 1"));
    }

    @Test
    void pg_has_role_follows_membership_and_inherit() {
        roles();
        assertEquals(List.of("t|t|t|t"), harness.lines("select pg_has_role('alice', 'staff', 'MEMBER'),"
                + " pg_has_role('alice', 'leads', 'member'), pg_has_role('alice', 'leads', 'USAGE'),"
                + " pg_has_role('alice', 'staff', 'member with admin option')"));
        assertEquals(List.of("t|f|t|f|f"), harness.lines("select pg_has_role('bob', 'staff', 'member'),"
                + " pg_has_role('bob', 'staff', 'usage'), pg_has_role('bob', 'staff', 'usage, member'),"
                + " pg_has_role('bob', 'staff', 'member with admin option'), pg_has_role('staff', 'alice', 'member')"));
        assertEquals(List.of("f|t|t"), harness.lines("select pg_has_role('alice', 'alice', 'member with admin option'),"
                + " pg_has_role('alice', 'alice', 'usage'), pg_has_role('staff', 'member')"));
        PgException unknown = assertThrows(PgException.class,
                () -> harness.lines("select pg_has_role('alice', 'staff', 'bogus')"));
        assertEquals(SqlState.INVALID_PARAMETER_VALUE, unknown.sqlState());
        assertEquals("unrecognized privilege type: \"bogus\"", unknown.getMessage());
        PgException missing = assertThrows(PgException.class, () -> harness.lines("select pg_has_role('nosuch', 'member')"));
        assertEquals(SqlState.UNDEFINED_OBJECT, missing.sqlState());
    }

    @Test
    void table_privileges_of_a_group_count_for_its_inheriting_members() {
        roles();
        harness.run("create table t (a int)");
        Transaction t = harness.storage.begin();
        long table = harness.storage.catalog().table("public", "t").orElseThrow().oid();
        RoleInfo leads = roles.role("leads").orElseThrow();
        roles.setPrivileges(t, new RelationPrivileges(table, RoleCatalog.BOOTSTRAP_SUPERUSER_OID, List.of(
                new AclItem(leads.oid(), RoleCatalog.BOOTSTRAP_SUPERUSER_OID, EnumSet.of(TablePrivilege.SELECT),
                        Set.of()))));
        t.commit();
        assertEquals(List.of("t|t|f|f"), harness.lines("select has_table_privilege('leads', 't', 'select'),"
                + " has_table_privilege('alice', 't', 'select'), has_table_privilege('bob', 't', 'select'),"
                + " has_table_privilege('alice', 't', 'insert')"));
    }
}
