package org.modgres.pgcatalog.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.AclItem;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.TablePrivilege;
import org.modgres.api.storage.Transaction;

/** pg_class.relowner and relacl, pg_tables.tableowner and has_table_privilege show what the storage keeps. */
class TableAclsTest {

    private final CatalogHarness harness = new CatalogHarness();
    private final RoleCatalog roles = (RoleCatalog) harness.storage;

    private RoleInfo alice() {
        Transaction t = harness.storage.begin();
        RoleInfo alice = roles.create(t, RoleInfo.named("alice"));
        t.commit();
        return alice;
    }

    private long oid(String table) {
        return harness.storage.catalog().table("public", table).orElseThrow().oid();
    }

    private void set(RelationPrivileges privileges) {
        Transaction t = harness.storage.begin();
        roles.setPrivileges(t, privileges);
        t.commit();
    }

    @Test
    void a_table_nobody_granted_on_has_no_acl_and_belongs_to_postgres() {
        harness.run("create table t (a int)");
        assertEquals(List.of("postgres|"), harness.lines("select relowner::regrole, relacl from pg_class"
                + " where relname = 't'"));
        assertEquals(List.of("t|t"), harness.lines("select has_table_privilege('t', 'select'),"
                + " has_table_privilege('postgres', 't', 'INSERT, UPDATE WITH GRANT OPTION')"));
    }

    @Test
    void owner_and_grants_are_shown_and_checked() {
        RoleInfo alice = alice();
        harness.run("create table t (a int primary key)", "create table mine (x int)");
        set(new RelationPrivileges(oid("mine"), alice.oid(), null));
        set(new RelationPrivileges(oid("t"), RoleCatalog.BOOTSTRAP_SUPERUSER_OID, List.of(
                new AclItem(RoleCatalog.BOOTSTRAP_SUPERUSER_OID, RoleCatalog.BOOTSTRAP_SUPERUSER_OID, AclItem.all(),
                        Set.of()),
                new AclItem(alice.oid(), RoleCatalog.BOOTSTRAP_SUPERUSER_OID, EnumSet.of(TablePrivilege.SELECT),
                        EnumSet.of(TablePrivilege.SELECT)),
                new AclItem(AclItem.PUBLIC, RoleCatalog.BOOTSTRAP_SUPERUSER_OID, EnumSet.of(TablePrivilege.INSERT),
                        Set.of()))));
        assertEquals(List.of("mine|alice|", "t|postgres|{postgres=arwdDxt/postgres,alice=r*/postgres,=a/postgres}",
                        "t_pkey|postgres|"),
                harness.lines("select relname, relowner::regrole, relacl from pg_class"
                        + " where relname in ('t', 'mine', 't_pkey') order by relname"));
        assertEquals(List.of("alice"), harness.lines("select tableowner from pg_tables where tablename = 'mine'"));
        assertEquals(List.of("postgres|PUBLIC|INSERT|NO|NO", "postgres|alice|SELECT|YES|YES",
                        "postgres|postgres|SELECT|YES|YES"),
                harness.lines("select grantor, grantee, privilege_type, is_grantable, with_hierarchy"
                        + " from information_schema.table_privileges where table_name = 't'"
                        + " and privilege_type in ('SELECT', 'INSERT') and grantee <> 'postgres' or table_name = 't'"
                        + " and privilege_type = 'SELECT' order by privilege_type, grantee"));
        assertEquals(List.of("7"), harness.lines("select count(*) from information_schema.role_table_grants"
                + " where table_name = 'mine' and grantee = 'alice'"));
        assertEquals(List.of("t|t|f|t|t|f"), harness.lines("select has_table_privilege('alice', 't', 'select'),"
                + " has_table_privilege('alice', 't', ' Delete , insert'),"
                + " has_table_privilege('alice', 't', 'delete'),"
                + " has_table_privilege('alice', 't', 'select with grant option'),"
                + " has_table_privilege('alice', 'mine', 'truncate'),"
                + " has_table_privilege('alice', 'pg_class', 'update')"));
    }

    @Test
    void column_privileges_are_in_attacl_and_checked_by_has_column_privilege() {
        RoleInfo alice = alice();
        harness.run("create table t (a int, b text)");
        set(new RelationPrivileges(oid("t"), RoleCatalog.BOOTSTRAP_SUPERUSER_OID, null, Map.of("b", List.of(
                new AclItem(alice.oid(), RoleCatalog.BOOTSTRAP_SUPERUSER_OID, EnumSet.of(TablePrivilege.SELECT,
                        TablePrivilege.UPDATE), Set.of())))));
        assertEquals(List.of("a|", "b|{alice=rw/postgres}"), harness.lines("select attname, attacl"
                + " from pg_attribute where attrelid = 't'::regclass and attnum > 0 order by attnum"));
        assertEquals(List.of("f|t|t|f|f"), harness.lines("select has_column_privilege('alice', 't', 'a', 'select'),"
                + " has_column_privilege('alice', 't', 'b', 'select'), has_column_privilege('alice', 't', 2, 'update'),"
                + " has_column_privilege('alice', 't', 'b', 'insert'), has_table_privilege('alice', 't', 'select')"));
        assertEquals(List.of("t|t|f|f|t"), harness.lines("select has_any_column_privilege('alice', 't', 'select'),"
                + " has_any_column_privilege('alice', 't', 'update, insert'),"
                + " has_any_column_privilege('alice', 't', 'insert'), has_any_column_privilege('t', 'select')"
                + " is null, has_any_column_privilege('t', 'select')"));
        PgException anyDelete = assertThrows(PgException.class,
                () -> harness.query("select has_any_column_privilege('t', 'delete')"));
        assertEquals("unrecognized privilege type: \"delete\"", anyDelete.getMessage());
        PgException delete = assertThrows(PgException.class,
                () -> harness.query("select has_column_privilege('t', 'a', 'delete')"));
        assertEquals("unrecognized privilege type: \"delete\"", delete.getMessage());
        PgException column = assertThrows(PgException.class,
                () -> harness.query("select has_column_privilege('t', 'zz', 'select')"));
        assertEquals(SqlState.UNDEFINED_COLUMN, column.sqlState());
    }

    @Test
    void unknown_privileges_roles_and_tables_are_errors_and_unknown_oids_null() {
        harness.run("create table t (a int)");
        PgException privilege = assertThrows(PgException.class,
                () -> harness.query("select has_table_privilege('t', 'foo')"));
        assertEquals(SqlState.INVALID_PARAMETER_VALUE, privilege.sqlState());
        assertEquals("unrecognized privilege type: \"foo\"", privilege.getMessage());
        PgException role = assertThrows(PgException.class,
                () -> harness.query("select has_table_privilege('nobody', 't', 'select')"));
        assertEquals("role \"nobody\" does not exist", role.getMessage());
        PgException table = assertThrows(PgException.class,
                () -> harness.query("select has_table_privilege('nosuch', 'select')"));
        assertEquals("relation \"nosuch\" does not exist", table.getMessage());
        assertEquals(List.of(""), harness.lines("select has_table_privilege('postgres', 999999, 'select')"));
    }
}
