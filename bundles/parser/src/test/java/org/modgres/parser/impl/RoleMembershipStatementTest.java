package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.DiscardStatement;
import org.modgres.api.sql.GrantStatement;
import org.modgres.api.sql.ResetStatement;
import org.modgres.api.sql.RoleStatement;
import org.modgres.api.sql.SetStatement;
import org.modgres.api.sql.StatementKind;

/** GRANT and REVOKE of roles, CREATE ROLE's membership clauses, SET ROLE and DISCARD. */
class RoleMembershipStatementTest {

    @Test
    void grant_roles_to_roles_with_admin_option() {
        RoleStatement.GrantRole grant = assertInstanceOf(RoleStatement.GrantRole.class,
                Parsing.one("GRANT staff, \"Admins\" TO alice, GROUP bob WITH ADMIN OPTION"));
        assertTrue(grant.grant());
        assertEquals(List.of("staff", "Admins"), grant.roles());
        assertEquals(List.of("alice", "bob"), grant.members());
        assertTrue(grant.adminOption());
        assertEquals(StatementKind.GRANT_ROLE, grant.kind());
        assertEquals("GRANT ROLE", grant.kind().commandTag(0));
        assertEquals("GRANT staff, \"Admins\" TO alice, GROUP bob WITH ADMIN OPTION", grant.text());
    }

    @Test
    void revoke_roles_and_admin_option_and_a_role_named_admin() {
        RoleStatement.GrantRole revoke = assertInstanceOf(RoleStatement.GrantRole.class,
                Parsing.one("revoke admin option for staff from alice cascade"));
        assertFalse(revoke.grant());
        assertTrue(revoke.adminOption());
        assertEquals(List.of("staff"), revoke.roles());
        assertEquals(StatementKind.REVOKE_ROLE, revoke.kind());
        RoleStatement.GrantRole named = assertInstanceOf(RoleStatement.GrantRole.class,
                Parsing.one("revoke admin from alice"));
        assertFalse(named.adminOption());
        assertEquals(List.of("admin"), named.roles());
        assertInstanceOf(GrantStatement.class, Parsing.one("revoke grant option for select on t from alice"));
        assertEquals(2, Parsing.parse("grant staff to alice; select 1").size());
    }

    @Test
    void column_lists_are_refused_for_roles() {
        PgException columns = assertThrows(PgException.class, () -> Parsing.one("grant staff(a) to alice"));
        assertEquals(SqlState.INVALID_GRANT_OPERATION, columns.sqlState());
        assertEquals("column names cannot be included in GRANT/REVOKE ROLE", columns.getMessage());
    }

    @Test
    void create_role_reads_its_membership_clauses() {
        RoleStatement.Create create = assertInstanceOf(RoleStatement.Create.class, Parsing.one(
                "CREATE ROLE carol LOGIN IN ROLE staff, readers USER dave, erin ADMIN frank"));
        assertEquals(new RoleStatement.Membership(List.of("staff", "readers"), List.of("dave", "erin"),
                List.of("frank")), create.membership());
        assertTrue(create.options().login());
        RoleStatement.Create group = assertInstanceOf(RoleStatement.Create.class,
                Parsing.one("create user gina in group staff"));
        assertEquals(List.of("staff"), group.membership().inRoles());
        PgException twice = assertThrows(PgException.class,
                () -> Parsing.one("create role x in role a in role b"));
        assertEquals(SqlState.SYNTAX_ERROR, twice.sqlState());
        assertEquals("conflicting or redundant options", twice.getMessage());
        PgException alter = assertThrows(PgException.class, () -> Parsing.one("alter role x in role a"));
        assertEquals(SqlState.FEATURE_NOT_SUPPORTED, alter.sqlState());
    }

    @Test
    void set_role_and_session_authorization() {
        SetStatement role = assertInstanceOf(SetStatement.class, Parsing.one("SET ROLE staff"));
        assertEquals("role", role.name());
        assertEquals("staff", role.value());
        assertEquals("none", ((SetStatement) Parsing.one("set role none")).value());
        assertEquals("Big", ((SetStatement) Parsing.one("set role \"Big\"")).value());
        assertEquals("x", ((SetStatement) Parsing.one("set role = 'x'")).value());
        assertNull(((SetStatement) Parsing.one("set role to default")).value());
        SetStatement local = assertInstanceOf(SetStatement.class, Parsing.one("set local role staff"));
        assertTrue(local.local());
        SetStatement authorization = assertInstanceOf(SetStatement.class,
                Parsing.one("SET SESSION AUTHORIZATION alice"));
        assertEquals("session_authorization", authorization.name());
        assertEquals("alice", authorization.value());
        assertNull(((SetStatement) Parsing.one("set session authorization default")).value());
        assertEquals("role", assertInstanceOf(ResetStatement.class, Parsing.one("RESET ROLE")).name());
        assertEquals("search_path", ((SetStatement) Parsing.one("set search_path to public")).name());
    }

    @Test
    void discard() {
        DiscardStatement all = assertInstanceOf(DiscardStatement.class, Parsing.one("DISCARD ALL"));
        assertEquals("DISCARD ALL", all.commandTag());
        assertEquals("DISCARD TEMP", ((DiscardStatement) Parsing.one("discard temporary")).commandTag());
        assertEquals(2, Parsing.parse("discard plans; select 1").size());
        assertInstanceOf(DiscardStatement.class, Parsing.parse("begin; discard all").get(1));
        PgException bad = assertThrows(PgException.class, () -> Parsing.one("discard everything"));
        assertEquals(SqlState.SYNTAX_ERROR, bad.sqlState());
    }
}
