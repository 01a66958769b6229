package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.storage.Catalog;

/**
 * Privileges on schemas and sequences through two backends, the superuser's and alice's, with
 * the errors, warnings and lists PostgreSQL 15 gives for the same statements.
 */
class SchemaPrivilegesTest {

    private BackendFixture admin;
    private BackendFixture alice;

    @BeforeEach
    void connect() throws Exception {
        admin = BackendFixture.start();
        admin.client.query("create role alice login; create role bob login; create schema s; "
                + "create table s.t (a int); insert into s.t values (1); grant select on s.t to alice; "
                + "create sequence s.q").expect("CCCCCCCZ");
        alice = BackendFixture.startSharing(admin, "alice");
    }

    @AfterEach
    void disconnect() throws Exception {
        alice.close();
        admin.close();
    }

    private void denied(String sql, String message) {
        ServerMessage error = alice.client.query(sql).expect("EZ").get(0);
        assertEquals("42501", error.sqlState(), sql);
        assertEquals(message, error.field('M'), sql);
    }

    private void fails(BackendFixture backend, String sql, String sqlState, String message) {
        ServerMessage error = backend.client.query(sql).expect("EZ").get(0);
        assertEquals(sqlState, error.sqlState(), sql);
        assertEquals(message, error.field('M'), sql);
    }

    private Catalog catalog() {
        return admin.services.storage().catalog();
    }

    private String text(RelationPrivileges privileges) {
        RoleCatalog roles = admin.services.roles();
        if (privileges.acl() == null) {
            return null;
        }
        return "{" + String.join(",", privileges.acl().stream().map(item -> item.text(oid -> oid
                == Catalog.PUBLIC_SCHEMA_OWNER ? "pg_database_owner" : roles.role(oid).map(RoleInfo::name)
                .orElse(null))).toList()) + "}";
    }

    private String schemaAcl(String name) {
        return text(RelationPrivileges.ofSchema(catalog().schema(name).orElseThrow(),
                admin.services.roles().privileges(catalog().schema(name).orElseThrow().oid()).acl()));
    }

    private String sequenceAcl(String schema, String name) {
        return text(admin.services.roles().privileges(catalog().sequence(schema, name).orElseThrow().oid()));
    }

    private List<String> row(BackendFixture backend, String sql) {
        return backend.client.query(sql).expect("TDCZ").get(1).texts();
    }

    @Test
    void usage_on_a_schema_is_needed_to_name_what_is_in_it() {
        denied("select * from s.t", "permission denied for schema s");
        denied("insert into s.t values (2)", "permission denied for schema s");
        denied("drop table s.t", "permission denied for schema s");
        denied("truncate s.t", "permission denied for schema s");
        denied("create index on s.t (a)", "permission denied for schema s");
        alice.client.query("set search_path = s, public").expect("CZ");
        fails(alice, "select * from t", "42P01", "relation \"t\" does not exist");
        admin.client.query("grant usage on schema s to alice").expect("CZ");
        assertEquals(List.of("1"), row(alice, "select * from t"));
        assertEquals(List.of("1"), row(alice, "select * from s.t"));
        denied("create table s.x (a int)", "permission denied for schema s");
        admin.client.query("revoke usage on schema s from alice").expect("CZ");
        denied("select * from s.t", "permission denied for schema s");
        assertEquals("{postgres=UC/postgres}", schemaAcl("s"));
        assertEquals(List.of("1"), row(admin, "select count(*) from s.t"));
    }

    @Test
    void create_on_a_schema_is_needed_to_create_in_it() {
        denied("create table made (a int)", "permission denied for schema public");
        denied("create view v as select 1", "permission denied for schema public");
        denied("create sequence made_seq", "permission denied for schema public");
        admin.client.query("grant usage, create on schema s to alice with grant option").expect("CZ");
        alice.client.query("create table s.x (a int); create sequence s.xs; create view s.v as select 1 as one; "
                + "create index on s.x (a)").expect("CCCCZ");
        assertEquals("{postgres=UC/postgres,alice=U*C*/postgres}", schemaAcl("s"));
        admin.client.query("grant create on schema public to public").expect("CZ");
        alice.client.query("create table made (a int)").expect("CZ");
        assertEquals("{pg_database_owner=UC/pg_database_owner,=UC/pg_database_owner}", schemaAcl("public"));
        admin.client.query("revoke all on schema s from alice").expect("CZ");
        denied("create table s.y (a int)", "permission denied for schema s");
        fails(admin, "grant select on schema s to alice", "0LP01", "invalid privilege type SELECT for schema");
        fails(admin, "grant usage on schema nosuch to alice", "3F000", "schema \"nosuch\" does not exist");
    }

    @Test
    void sequence_privileges_are_granted_revoked_and_checked_by_kind() {
        admin.client.query("grant usage on sequence s.q to alice").expect("CZ");
        admin.client.query("grant update on all sequences in schema s to bob with grant option").expect("CZ");
        assertEquals("{postgres=rwU/postgres,alice=U/postgres,bob=w*/postgres}", sequenceAcl("s", "q"));
        List<ServerMessage> warned = admin.client.query("grant insert, select on s.q to alice").expect("NCZ");
        assertEquals("sequence \"q\" only supports USAGE, SELECT, and UPDATE privileges", warned.get(0).field('M'));
        admin.client.query("revoke all on sequence s.q from bob").expect("CZ");
        assertEquals("{postgres=rwU/postgres,alice=rU/postgres}", sequenceAcl("s", "q"));
        fails(admin, "grant create on sequence s.q to alice", "0LP01", "invalid privilege type CREATE for sequence");
        fails(admin, "grant usage on sequence s.t to alice", "42809", "\"t\" is not a sequence");
        fails(admin, "grant usage on table s.t to alice", "0LP01", "invalid privilege type USAGE for table");
        denied("grant usage on sequence s.q to bob", "permission denied for schema s");
        admin.client.query("grant usage on schema s to alice").expect("CZ");
        assertEquals("no privileges were granted for \"q\"",
                alice.client.query("grant usage on sequence s.q to bob").expect("NCZ").get(0).field('M'));
        admin.client.query("revoke all on sequence s.q from alice").expect("CZ");
        denied("grant usage on sequence s.q to bob", "permission denied for sequence q");
    }

    @Test
    void schema_grants_are_transactional() {
        admin.client.query("begin; grant usage on schema s to alice").expect("CCZ");
        assertEquals(List.of("1"), row(alice, "select * from s.t"));
        admin.client.query("rollback").expect("CZ");
        denied("select * from s.t", "permission denied for schema s");
        assertEquals(null, schemaAcl("s"));
    }
}
