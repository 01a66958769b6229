package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.role.AclItem;
import org.modgres.api.role.DefaultAcl;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.storage.Catalog;

/**
 * ALTER DEFAULT PRIVILEGES through two backends, the superuser's and alice's: the lists kept and
 * those new tables, views and sequences get, as PostgreSQL 15 shows them.
 */
class DefaultPrivilegesTest {

    private BackendFixture admin;
    private BackendFixture alice;

    @BeforeEach
    void connect() throws Exception {
        admin = BackendFixture.start();
        admin.client.query("create role alice login; create role bob login; create schema s authorization alice; "
                + "grant create on schema public to alice").expect("CCCCZ");
        alice = BackendFixture.startSharing(admin, "alice");
    }

    @AfterEach
    void disconnect() throws Exception {
        alice.close();
        admin.close();
    }

    private RoleCatalog roles() {
        return admin.services.roles();
    }

    private Catalog catalog() {
        return admin.services.storage().catalog();
    }

    private String text(List<AclItem> acl) {
        if (acl == null) {
            return null;
        }
        return "{" + String.join(",", acl.stream().map(item -> item.text(oid -> roles().role(oid)
                .map(RoleInfo::name).orElse(null))).toList()) + "}";
    }

    private String tableAcl(String schema, String name) {
        return text(roles().privileges(catalog().table(schema, name).orElseThrow().oid()).acl());
    }

    private String sequenceAcl(String schema, String name) {
        return text(roles().privileges(catalog().sequence(schema, name).orElseThrow().oid()).acl());
    }

    private List<String> defaults() {
        return roles().defaultAcls().stream().map(entry -> roles().role(entry.role()).orElseThrow().name() + " "
                + (entry.namespace() == DefaultAcl.ALL_SCHEMAS ? "-" : catalog().schema("s").orElseThrow().oid()
                == entry.namespace() ? "s" : "?") + " " + entry.target().sqlName() + " " + text(entry.acl())).toList();
    }

    private void fails(BackendFixture backend, String sql, String sqlState, String message) {
        ServerMessage error = backend.client.query(sql).expect("EZ").get(0);
        assertEquals(sqlState, error.sqlState(), sql);
        assertEquals(message, error.field('M'), sql);
    }

    @Test
    void new_objects_get_the_defaults_of_their_owner() {
        alice.client.query("create table before_t (id int)").expect("CZ");
        List<ServerMessage> done = alice.client.query("alter default privileges grant select on tables to bob")
                .expect("CZ");
        assertEquals("ALTER DEFAULT PRIVILEGES", done.get(0).tag());
        alice.client.query("alter default privileges in schema s grant insert on tables to public; "
                + "alter default privileges grant usage on sequences to bob with grant option; "
                + "create table after_t (id int); create table s.st (id int); create sequence seq1; "
                + "create view v as select 1 as x; create table serial_t (id serial)").expect("CCCCCCCZ");
        admin.client.query("alter default privileges for role alice revoke truncate on tables from alice")
                .expect("CZ");
        assertNull(tableAcl("public", "before_t"));
        assertEquals("{alice=arwdDxt/alice,bob=r/alice}", tableAcl("public", "after_t"));
        assertEquals("{alice=arwdDxt/alice,bob=r/alice}",
                text(roles().privileges(catalog().view("public", "v").orElseThrow().oid()).acl()));
        assertEquals("{=a/alice,alice=arwdDxt/alice,bob=r/alice}", tableAcl("s", "st"));
        assertEquals("{alice=rwU/alice,bob=U*/alice}", sequenceAcl("public", "seq1"));
        assertEquals("{alice=rwU/alice,bob=U*/alice}", sequenceAcl("public", "serial_t_id_seq"));
        assertEquals(List.of("alice - table {alice=arwdxt/alice,bob=r/alice}",
                "alice - sequence {alice=rwU/alice,bob=U*/alice}", "alice s table {=a/alice}"), defaults());
    }

    @Test
    void lists_that_return_to_the_built_in_ones_are_removed() {
        alice.client.query("alter default privileges grant select on tables to bob; "
                + "alter default privileges in schema s grant select on tables to bob").expect("CCZ");
        assertEquals(2, defaults().size());
        alice.client.query("alter default privileges revoke all on tables from bob; "
                + "alter default privileges in schema s revoke select on tables from bob").expect("CCZ");
        assertEquals(List.of(), defaults());
        alice.client.query("create table t (id int)").expect("CZ");
        assertEquals(null, tableAcl("public", "t"));
    }

    @Test
    void errors_are_those_of_postgresql() {
        fails(alice, "alter default privileges grant usage on tables to bob", "0LP01",
                "invalid privilege type USAGE for relation");
        fails(alice, "alter default privileges for role nobody grant select on tables to bob", "42704",
                "role \"nobody\" does not exist");
        fails(alice, "alter default privileges in schema nope grant select on tables to bob", "3F000",
                "schema \"nope\" does not exist");
        fails(alice, "alter default privileges for role bob grant select on tables to alice", "42501",
                "must be member of role \"bob\"");
    }

    @Test
    void default_privileges_are_transactional() {
        alice.client.query("begin; alter default privileges grant select on tables to bob").expect("CCZ");
        assertEquals(1, defaults().size());
        alice.client.query("rollback").expect("CZ");
        assertEquals(List.of(), defaults());
    }
}
