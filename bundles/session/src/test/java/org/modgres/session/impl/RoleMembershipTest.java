package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Role membership, SET ROLE and SET SESSION AUTHORIZATION through backends of the superuser and
 * of members, with PostgreSQL 15's errors, notices and tags for the same statements.
 */
class RoleMembershipTest {

    private BackendFixture admin;
    private BackendFixture alice;
    private BackendFixture bob;

    @BeforeEach
    void connect() throws Exception {
        admin = BackendFixture.start();
        send(admin, "create role staff; create role alice login; create role bob login noinherit; "
                + "create table t (a int); insert into t values (1); grant select on t to staff", "CCCCCCZ");
        alice = BackendFixture.startSharing(admin, "alice");
        bob = BackendFixture.startSharing(admin, "bob");
    }

    @AfterEach
    void disconnect() throws Exception {
        bob.close();
        alice.close();
        admin.close();
    }

    /** Sends a query and checks the types of the answer, leaving out ParameterStatus messages. */
    private static List<ServerMessage> send(BackendFixture backend, String sql, String expectedTypes) {
        List<ServerMessage> messages = backend.client.query(sql).untilReady().stream().filter(m -> m.type() != 'S').toList();
        StringBuilder types = new StringBuilder();
        messages.forEach(m -> types.append(m.type()));
        assertEquals(expectedTypes, types.toString(), () -> sql + ": " + messages);
        return messages;
    }

    private static void error(BackendFixture backend, String sql, String sqlState, String message) {
        ServerMessage error = send(backend, sql, "EZ").get(0);
        assertEquals(sqlState, error.sqlState(), sql);
        assertEquals(message, error.field('M'), sql);
    }

    private static List<String> row(BackendFixture backend, String sql) {
        return send(backend, sql, "TDCZ").get(1).texts();
    }

    @Test
    void members_with_inherit_have_the_group_s_privileges_and_others_only_after_set_role() {
        error(alice, "select * from t", "42501", "permission denied for table t");
        assertEquals("GRANT ROLE", send(admin, "grant staff to alice, bob", "CZ").get(0).tag());
        assertEquals(List.of("1"), row(alice, "select * from t"));
        error(bob, "select * from t", "42501", "permission denied for table t");
        send(bob, "set role staff", "CZ");
        assertEquals(List.of("1"), row(bob, "select * from t"));
        assertEquals(List.of("staff", "bob"), row(bob, "select current_user, session_user"));
        assertEquals(List.of("staff"), row(bob, "show role"));
        send(bob, "reset role", "CZ");
        assertEquals(List.of("bob", "bob"), row(bob, "select current_user, session_user"));
        assertEquals(List.of("none"), row(bob, "show role"));
        assertEquals("REVOKE ROLE", send(admin, "revoke staff from alice", "CZ").get(0).tag());
        error(alice, "select * from t", "42501", "permission denied for table t");
        error(alice, "set role staff", "42501", "permission denied to set role \"staff\"");
        error(alice, "set role nosuch", "22023", "role \"nosuch\" does not exist");
    }

    @Test
    void loops_repeats_and_missing_memberships_are_reported_as_postgresql_does() {
        send(admin, "grant staff to bob", "CZ");
        ServerMessage notice = send(admin, "grant staff to bob", "NCZ").get(0);
        assertEquals("00000", notice.sqlState());
        assertEquals("role \"bob\" is already a member of role \"staff\"", notice.field('M'));
        error(admin, "grant staff to staff", "0LP01", "role \"staff\" is a member of role \"staff\"");
        error(admin, "grant bob to staff", "0LP01", "role \"bob\" is a member of role \"staff\"");
        error(admin, "grant staff to nosuch", "42704", "role \"nosuch\" does not exist");
        ServerMessage warning = send(admin, "revoke staff from postgres", "NCZ").get(0);
        assertEquals("01000", warning.sqlState());
        assertEquals("WARNING", warning.field('S'));
        assertEquals("role \"postgres\" is not a member of role \"staff\"", warning.field('M'));
    }

    @Test
    void only_superusers_createrole_roles_and_admins_may_grant_a_role() {
        error(alice, "grant staff to bob", "42501", "must have admin option on role \"staff\"");
        send(admin, "grant staff to alice with admin option", "CZ");
        send(alice, "grant staff to bob", "CZ");
        send(alice, "revoke staff from bob", "CZ");
        send(admin, "revoke admin option for staff from alice", "CZ");
        error(alice, "grant staff to bob", "42501", "must have admin option on role \"staff\"");
        error(alice, "grant postgres to bob", "42501", "must be superuser to alter superusers");
        assertEquals(List.of("1"), row(alice, "select * from t"));
    }

    @Test
    void set_role_is_undone_with_its_transaction_and_set_local_ends_with_it() {
        send(admin, "begin; set role alice; rollback", "CCCZ");
        assertEquals(List.of("postgres"), row(admin, "select current_user"));
        send(admin, "begin", "CZ");
        send(admin, "set local role alice", "CZ");
        assertEquals(List.of("alice"), row(admin, "select current_user"));
        error(admin, "select * from t", "42501", "permission denied for table t");
        send(admin, "rollback", "CZ");
        send(admin, "begin; set role alice; savepoint s; set role bob", "CCCCZ");
        send(admin, "rollback to s", "CZ");
        assertEquals(List.of("alice"), row(admin, "select current_user"));
        send(admin, "commit", "CZ");
        assertEquals(List.of("alice", "postgres"), row(admin, "select current_user, session_user"));
        assertEquals(List.of("off"), row(admin, "show is_superuser"));
        send(admin, "set role none", "CZ");
        assertEquals(List.of("on"), row(admin, "show is_superuser"));
    }

    @Test
    void session_authorization_and_discard_all() {
        send(admin, "set session authorization alice", "CZ");
        assertEquals(List.of("alice", "alice"), row(admin, "select current_user, session_user"));
        error(admin, "set role staff", "42501", "permission denied to set role \"staff\"");
        error(admin, "select * from t", "42501", "permission denied for table t");
        send(admin, "set session authorization bob", "CZ");
        send(admin, "reset session authorization", "CZ");
        assertEquals(List.of("postgres", "postgres"), row(admin, "select current_user, session_user"));
        error(alice, "set session authorization bob", "42501", "permission denied to set session authorization");
        send(admin, "set role alice", "CZ");
        send(admin, "begin", "CZ");
        error(admin, "discard all", "25001", "DISCARD ALL cannot run inside a transaction block");
        send(admin, "rollback", "CZ");
        assertEquals("DISCARD ALL", send(admin, "discard all", "CZ").get(0).tag());
        assertEquals(List.of("postgres"), row(admin, "select current_user"));
        assertEquals(List.of("none"), row(admin, "show role"));
    }

    @Test
    void members_of_the_owner_count_as_owner_and_dropping_a_role_ends_its_memberships() {
        send(admin, "create table owned (x int)", "CZ");
        send(admin, "grant staff to alice", "CZ");
        send(admin, "grant create on schema public to staff", "CZ");
        send(admin, "set role staff", "CZ");
        send(admin, "create table staffs (x int)", "CZ");
        send(admin, "reset role", "CZ");
        send(alice, "alter table staffs add primary key (x)", "CZ");
        send(alice, "insert into staffs values (1)", "CZ");
        send(alice, "drop table staffs", "CZ");
        error(bob, "drop table owned", "42501", "must be owner of table owned");
        send(admin, "create role crew in role staff role bob", "CZ");
        assertEquals(3, admin.services.roles().memberships().size());
        send(admin, "drop role crew", "CZ");
        assertEquals(1, admin.services.roles().memberships().size(), "alice in staff is left");
    }
}
