package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.storage.TableInfo;

/**
 * Table privileges through two backends, the superuser's and alice's, with PostgreSQL 15's
 * errors, warnings and tags for the same statements.
 */
class PrivilegesTest {

    private BackendFixture admin;
    private BackendFixture alice;

    @BeforeEach
    void connect() throws Exception {
        admin = BackendFixture.start();
        admin.client.query("create role alice login; create role bob login; create table t (a int, b text); "
                + "create table u (a int); insert into t values (1, 'x'), (2, 'y'); insert into u values (1)")
                .expect("CCCCCCZ");
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

    private RoleCatalog roles() {
        return admin.services.roles();
    }

    private TableInfo table(String name) {
        return admin.services.storage().catalog().table("public", name).orElseThrow();
    }

    /** Returns the table's access control list as pg_class.relacl shows it. */
    private String acl(String name) {
        RoleCatalog roles = roles();
        return "{" + String.join(",", roles.privileges(table(name).oid()).effectiveAcl().stream()
                .map(item -> item.text(oid -> roles.role(oid).map(RoleInfo::name).orElse(null))).toList()) + "}";
    }

    private String columnAcls(String name) {
        RoleCatalog roles = roles();
        Map<String, List<String>> columns = new TreeMap<>();
        roles.privileges(table(name).oid()).columnAcls().forEach((column, items) -> columns.put(column, items.stream()
                .map(item -> item.text(oid -> roles.role(oid).map(RoleInfo::name).orElse(null))).toList()));
        return columns.toString();
    }

    private List<String> row(BackendFixture backend, String sql) {
        return backend.client.query(sql).expect("TDCZ").get(1).texts();
    }

    @Test
    void nothing_is_allowed_without_a_grant() {
        admin.client.query("grant select on u to alice").expect("CZ");
        for (String sql : List.of("select * from t", "select * from u where a in (select a from t)",
                "select * from u join t using (a)", "insert into t values (3, 'z')", "update t set b = 'q'",
                "delete from t", "truncate t", "explain select * from t")) {
            denied(sql, "permission denied for table t");
        }
        denied("drop table t", "must be owner of table t");
        denied("alter table t add primary key (a)", "must be owner of table t");
        denied("grant select on t to bob", "permission denied for table t");
        assertEquals(List.of("2"), row(admin, "select count(*) from t"));
    }

    @Test
    void grants_allow_what_they_name_and_revoke_takes_it_back() {
        admin.client.query("grant update, delete on t to alice").expect("CZ");
        assertEquals("UPDATE 2", alice.client.query("update t set b = 'q'").expect("CZ").get(0).tag());
        denied("update t set b = 'r' where a = 1", "permission denied for table t");
        denied("update t set a = a + 1", "permission denied for table t");
        denied("delete from t where a = 1", "permission denied for table t");
        denied("insert into t values (3, 'z')", "permission denied for table t");
        admin.client.query("grant select, insert on table t to public").expect("CZ");
        assertEquals("DELETE 1", alice.client.query("delete from t where a = 1").expect("CZ").get(0).tag());
        alice.client.query("insert into t values (3, 'z') returning a").expect("TDCZ");
        admin.client.query("create table k (id int primary key); grant insert on k to alice").expect("CCZ");
        denied("insert into k values (1) on conflict (id) do nothing", "permission denied for table k");
        assertEquals("INSERT 0 1", alice.client.query("insert into k values (1)").expect("CZ").get(0).tag());
        assertEquals("{postgres=arwdDxt/postgres,alice=wd/postgres,=ar/postgres}", acl("t"));
        admin.client.query("revoke all on t from public").expect("CZ");
        admin.client.query("revoke delete on t from alice").expect("CZ");
        denied("select * from t", "permission denied for table t");
        assertEquals("{postgres=arwdDxt/postgres,alice=w/postgres}", acl("t"));
    }

    @Test
    void a_grant_is_transactional() {
        admin.client.query("begin").expect("CZ");
        admin.client.query("grant select on t to alice").expect("CZ");
        assertEquals(List.of("2"), row(alice, "select count(*) from t"));
        admin.client.query("rollback").expect("CZ");
        denied("select * from t", "permission denied for table t");
    }

    @Test
    void non_owners_grant_only_what_they_hold_with_grant_option() {
        admin.client.query("grant select on t to alice").expect("CZ");
        List<ServerMessage> warned = alice.client.query("grant select on t to bob").expect("NCZ");
        assertEquals("01007", warned.get(0).sqlState());
        assertEquals("no privileges were granted for \"t\"", warned.get(0).field('M'));
        admin.client.query("grant insert on t to alice with grant option").expect("CZ");
        warned = alice.client.query("grant select, insert on t to bob").expect("NCZ");
        assertEquals("not all privileges were granted for \"t\"", warned.get(0).field('M'));
        assertEquals("{postgres=arwdDxt/postgres,alice=a*r/postgres,bob=a/alice}", acl("t"));
    }

    @Test
    void a_role_owns_what_it_creates_and_cannot_be_dropped_while_it_does() {
        // as in PostgreSQL 15, only the database owner creates in schema public until granted CREATE
        admin.client.query("grant create on schema public to alice").expect("CZ");
        alice.client.query("create table mine (x int); insert into mine values (1)").expect("CCZ");
        alice.client.query("grant select on mine to bob").expect("CZ");
        assertEquals(List.of("1"), row(alice, "select * from mine"));
        assertEquals(roles().role("alice").orElseThrow().oid(), roles().privileges(table("mine").oid()).owner());
        ServerMessage error = admin.client.query("drop role bob").expect("EZ").get(0);
        assertEquals("2BP01", error.sqlState());
        assertEquals("role \"bob\" cannot be dropped because some objects depend on it", error.field('M'));
        assertEquals("privileges for table mine", error.field('D'));
        admin.client.query("grant select on t to alice").expect("CZ");
        error = admin.client.query("drop role alice").expect("EZ").get(0);
        // the grant of CREATE on schema public names alice too, which PostgreSQL 15 lists first (by OID)
        assertEquals("privileges for schema public\nprivileges for table t\nowner of table mine", error.field('D'));
        alice.client.query("drop table mine").expect("CZ");
    }

    @Test
    void column_privileges_cover_statements_that_use_those_columns_only() {
        admin.client.query("grant select (a), update (b) on t to alice").expect("CZ");
        assertEquals(List.of("2"), row(alice, "select count(*) from t"));
        assertEquals(List.of("1"), row(alice, "select a from t where a < 2 order by a"));
        denied("select * from t", "permission denied for table t");
        denied("select a from t where b = 'x'", "permission denied for table t");
        admin.client.query("grant select on u to alice").expect("CZ");
        assertEquals(List.of("1"), row(alice, "select t.a from u join t on u.a = t.a"));
        assertEquals(List.of("1"), row(alice, "select u.a from t join u on u.a = t.a where t.a < 5"));
        denied("select t.b from u join t on u.a = t.a", "permission denied for table t");
        denied("select u.a from u join t on u.a = t.a and t.b = 'x'", "permission denied for table t");
        denied("update t set a = 5", "permission denied for table t");
        assertEquals("UPDATE 1", alice.client.query("update t set b = 'q' where a = 1").expect("CZ").get(0).tag());
        denied("update t set b = b || 'q'", "permission denied for table t");
        assertEquals("{postgres=arwdDxt/postgres}", acl("t"));
        assertEquals("{a=[alice=r/postgres], b=[alice=w/postgres]}", columnAcls("t"));
        admin.client.query("revoke select on t from alice").expect("CZ");
        denied("select a from t", "permission denied for table t");
        assertEquals("{b=[alice=w/postgres]}", columnAcls("t"));
    }

    @Test
    void grant_errors_are_postgresql_s() {
        List<String[]> cases = List.of(
                new String[] {"grant usage on t to alice", "0LP01", "invalid privilege type USAGE for table"},
                new String[] {"grant select on nosuch to alice", "42P01", "relation \"nosuch\" does not exist"},
                new String[] {"grant select on t to nosuch", "42704", "role \"nosuch\" does not exist"},
                new String[] {"grant select on all tables in schema nosuch to alice", "3F000",
                        "schema \"nosuch\" does not exist"},
                new String[] {"grant delete (a) on t to alice", "0LP01", "invalid privilege type DELETE for column"},
                new String[] {"grant select (zz) on t to alice", "42703",
                        "column \"zz\" of relation \"t\" does not exist"});
        for (String[] c : cases) {
            ServerMessage error = admin.client.query(c[0]).expect("EZ").get(0);
            assertEquals(c[1], error.sqlState(), c[0]);
            assertEquals(c[2], error.field('M'), c[0]);
        }
        admin.client.query("grant all privileges on all tables in schema public to alice").expect("CZ");
        assertEquals(List.of("1"), row(alice, "select count(*) from u"));
    }
}
