package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.role.AclItem;
import org.modgres.api.role.DefaultAcl;
import org.modgres.api.role.PrivilegeTarget;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.storage.Catalog;

/**
 * REVOKE of grant options that others were granted with (RESTRICT fails, CASCADE follows them),
 * the checks on grants of grant options, and default privileges on schemas, functions and types,
 * as PostgreSQL 15 gives them, through a superuser's backend that acts as the other roles with SET
 * ROLE.
 */
class DependentGrantsTest {

    private BackendFixture admin;

    @BeforeEach
    void connect() throws Exception {
        admin = BackendFixture.start();
        admin.client.query("create role ann; create role bob; create role cal; create table t (a int, b text)")
                .expect("CCCCZ");
    }

    @AfterEach
    void disconnect() throws Exception {
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

    private String tableAcl() {
        return text(roles().privileges(catalog().table("public", "t").orElseThrow().oid()).acl());
    }

    private void run(String sql) {
        for (ServerMessage reply : admin.client.query(sql).untilReady()) {
            assertEquals(false, reply.type() == 'E', sql + ": " + reply);
        }
    }

    private ServerMessage fails(String sql, String sqlState, String message) {
        ServerMessage error = admin.client.query(sql).untilReady().stream().filter(reply -> reply.type() == 'E')
                .findFirst().orElseThrow(() -> new AssertionError("no error from " + sql));
        assertEquals(sqlState, error.sqlState(), sql);
        assertEquals(message, error.field('M'), sql);
        admin.client.query("reset role").untilReady();
        return error;
    }

    private void chain() {
        run("grant select, insert on t to ann with grant option; set role ann; "
                + "grant select, insert on t to bob with grant option; set role bob; grant select on t to cal; "
                + "reset role");
        assertEquals("{postgres=arwdDxt/postgres,ann=a*r*/postgres,bob=a*r*/ann,cal=r/bob}", tableAcl());
    }

    @Test
    void revoke_restricts_while_dependent_grants_exist() {
        chain();
        ServerMessage error = fails("revoke grant option for select on t from ann", "2BP01",
                "dependent privileges exist");
        assertEquals("Use CASCADE to revoke them too.", error.field('H'));
        fails("revoke insert on t from ann restrict", "2BP01", "dependent privileges exist");
        assertEquals("{postgres=arwdDxt/postgres,ann=a*r*/postgres,bob=a*r*/ann,cal=r/bob}", tableAcl());
    }

    @Test
    void cascade_revokes_dependent_grants_transitively() {
        chain();
        run("revoke grant option for select on t from ann cascade");
        assertEquals("{postgres=arwdDxt/postgres,ann=a*r/postgres,bob=a*/ann}", tableAcl());
        run("revoke all on t from ann cascade");
        assertEquals("{postgres=arwdDxt/postgres}", tableAcl());
    }

    @Test
    void a_grant_option_held_from_another_grantor_keeps_the_grants_made_with_it() {
        run("grant select on t to ann, cal with grant option; set role ann; grant select on t to bob; "
                + "set role cal; grant select on t to ann with grant option; reset role; "
                + "revoke select on t from ann");
        assertEquals("{postgres=arwdDxt/postgres,cal=r*/postgres,bob=r/ann,ann=r*/cal}", tableAcl());
    }

    @Test
    void column_grants_depend_on_column_grant_options() {
        run("grant update (a) on t to ann with grant option; set role ann; grant update (a) on t to bob; "
                + "reset role");
        fails("revoke update on t from ann", "2BP01", "dependent privileges exist");
        run("revoke update (a) on t from ann cascade");
        assertEquals(List.of(), roles().privileges(catalog().table("public", "t").orElseThrow().oid())
                .columnAcls().values().stream().filter(acl -> !acl.isEmpty()).toList());
    }

    @Test
    void grant_options_go_neither_to_public_nor_back_to_their_grantor() {
        fails("grant select on t to public with grant option", "0LP01", "grant options can only be granted to roles");
        run("grant select on t to ann with grant option; set role ann; grant select on t to bob with grant option");
        fails("set role bob; grant select on t to ann with grant option", "0LP01",
                "grant options cannot be granted back to your own grantor");
        assertEquals("{postgres=arwdDxt/postgres,ann=r*/postgres,bob=r*/ann}", tableAcl());
    }

    @Test
    void default_privileges_on_schemas_apply_to_the_schemas_a_role_creates() {
        run("grant create on database postgres to ann; "
                + "alter default privileges for role ann grant usage on schemas to bob; "
                + "alter default privileges for role ann revoke execute on functions from public; "
                + "alter default privileges for role ann revoke usage on types from public; "
                + "set role ann; create schema sa; reset role; create schema sb authorization ann; "
                + "create schema sc");
        for (String schema : List.of("sa", "sb")) {
            assertEquals("{ann=UC/ann,bob=U/ann}",
                    text(roles().privileges(catalog().schema(schema).orElseThrow().oid()).acl()), schema);
        }
        assertEquals(null, text(roles().privileges(catalog().schema("sc").orElseThrow().oid()).acl()));
        assertEquals(List.of("function {ann=X/ann}", "schema {ann=UC/ann,bob=U/ann}", "type {ann=U/ann}"),
                roles().defaultAcls().stream().filter(entry -> entry.namespace() == DefaultAcl.ALL_SCHEMAS)
                        .map(entry -> entry.target().sqlName() + " " + text(entry.acl())).sorted().toList());
        fails("alter default privileges in schema public grant usage on schemas to bob", "0LP01",
                "cannot use IN SCHEMA clause when using GRANT/REVOKE ON SCHEMAS");
        fails("alter default privileges grant select on schemas to bob", "0LP01",
                "invalid privilege type SELECT for schema");
        run("alter default privileges for role ann grant execute on routines to public; "
                + "alter default privileges for role ann grant usage on types to public");
        assertEquals(List.of(PrivilegeTarget.SCHEMA),
                roles().defaultAcls().stream().map(DefaultAcl::target).toList());
    }
}
