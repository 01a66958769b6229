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
import org.modgres.api.role.PrivilegeTarget;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.TablePrivilege;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.SchemaInfo;
import org.modgres.api.storage.Transaction;

/**
 * pg_namespace.nspacl shows what the storage keeps for a schema, schema public PostgreSQL 15's
 * default until changed; the sequence functions check the current role's privileges on the
 * sequence and USAGE on a schema named with it, as PostgreSQL 15 does.
 */
class SchemaSequenceAclsTest {

    private final CatalogHarness harness = new CatalogHarness();
    private final RoleCatalog roles = (RoleCatalog) harness.storage;

    private RoleInfo role(String name) {
        Transaction t = harness.storage.begin();
        RoleInfo role = roles.create(t, RoleInfo.named(name));
        t.commit();
        return role;
    }

    private SchemaInfo schema(String name) {
        Transaction t = harness.storage.begin();
        SchemaInfo schema = t.createSchema(name, RoleCatalog.BOOTSTRAP_SUPERUSER_OID);
        t.commit();
        return schema;
    }

    private void set(RelationPrivileges privileges) {
        Transaction t = harness.storage.begin();
        roles.setPrivileges(t, privileges);
        t.commit();
    }

    private long sequence(String schema, String name) {
        return harness.storage.catalog().sequence(schema, name).orElseThrow().oid();
    }

    private void denied(String sql, String message) {
        PgException e = assertThrows(PgException.class, () -> harness.lines(sql));
        assertEquals(SqlState.INSUFFICIENT_PRIVILEGE, e.sqlState(), sql);
        assertEquals(message, e.getMessage(), sql);
    }

    @Test
    void nspacl_shows_kept_lists_and_the_default_of_public() {
        RoleInfo alice = role("alice");
        SchemaInfo s = schema("s");
        schema("plain");
        assertEquals(List.of("public|{pg_database_owner=UC/pg_database_owner,=U/pg_database_owner}", "s|", "plain|"),
                harness.lines("select nspname, nspacl from pg_namespace where nspname in ('public', 's', 'plain')"
                        + " order by oid"));
        set(new RelationPrivileges(s.oid(), RoleCatalog.BOOTSTRAP_SUPERUSER_OID, List.of(
                new AclItem(RoleCatalog.BOOTSTRAP_SUPERUSER_OID, RoleCatalog.BOOTSTRAP_SUPERUSER_OID,
                        PrivilegeTarget.SCHEMA.privileges(), Set.of()),
                new AclItem(alice.oid(), RoleCatalog.BOOTSTRAP_SUPERUSER_OID, EnumSet.of(TablePrivilege.CREATE),
                        Set.of())), Map.of(), PrivilegeTarget.SCHEMA));
        set(new RelationPrivileges(Catalog.PUBLIC_SCHEMA_OID, Catalog.PUBLIC_SCHEMA_OWNER, List.of(
                new AclItem(Catalog.PUBLIC_SCHEMA_OWNER, Catalog.PUBLIC_SCHEMA_OWNER, PrivilegeTarget.SCHEMA.privileges(),
                        Set.of())), Map.of(), PrivilegeTarget.SCHEMA));
        assertEquals(List.of("public|{pg_database_owner=UC/pg_database_owner}", "s|{postgres=UC/postgres,alice=C/postgres}"),
                harness.lines("select nspname, nspacl from pg_namespace where nspname in ('public', 's') order by oid"));
    }

    @Test
    void sequence_functions_need_their_privileges() {
        RoleInfo alice = role("alice");
        SchemaInfo s = schema("s");
        harness.run("create table s.t (q serial)", "create table p (q serial)");
        harness.user = "alice";
        denied("select nextval('s.t_q_seq')", "permission denied for schema s");
        denied("select nextval('p_q_seq')", "permission denied for sequence p_q_seq");
        set(RelationPrivileges.ofSchema(s, List.of(new AclItem(alice.oid(), RoleCatalog.BOOTSTRAP_SUPERUSER_OID,
                EnumSet.of(TablePrivilege.USAGE), Set.of()))));
        denied("select nextval('s.t_q_seq')", "permission denied for sequence t_q_seq");
        denied("select currval('s.t_q_seq')", "permission denied for sequence t_q_seq");
        denied("select setval('s.t_q_seq', 5)", "permission denied for sequence t_q_seq");
        set(new RelationPrivileges(sequence("s", "t_q_seq"), RoleCatalog.BOOTSTRAP_SUPERUSER_OID, List.of(
                new AclItem(alice.oid(), RoleCatalog.BOOTSTRAP_SUPERUSER_OID, EnumSet.of(TablePrivilege.SELECT),
                        Set.of())), Map.of(), PrivilegeTarget.SEQUENCE));
        denied("select nextval('s.t_q_seq')", "permission denied for sequence t_q_seq");
        PgException undefined = assertThrows(PgException.class, () -> harness.lines("select currval('s.t_q_seq')"));
        assertEquals("currval of sequence \"t_q_seq\" is not yet defined in this session", undefined.getMessage());
        set(new RelationPrivileges(sequence("s", "t_q_seq"), RoleCatalog.BOOTSTRAP_SUPERUSER_OID, List.of(
                new AclItem(alice.oid(), RoleCatalog.BOOTSTRAP_SUPERUSER_OID, EnumSet.of(TablePrivilege.USAGE),
                        Set.of())), Map.of(), PrivilegeTarget.SEQUENCE));
        assertEquals(List.of("1"), harness.lines("select nextval('s.t_q_seq')"));
        assertEquals(List.of("1|1"), harness.lines("select currval('s.t_q_seq'), lastval()"));
        denied("select setval('s.t_q_seq', 5)", "permission denied for sequence t_q_seq");
        harness.user = "postgres";
        assertEquals(List.of("5"), harness.lines("select setval('s.t_q_seq', 5)"));
    }

    @Test
    void has_schema_and_sequence_privilege_read_the_lists() {
        RoleInfo alice = role("alice");
        SchemaInfo s = schema("s");
        harness.run("create table s.t (q serial)");
        set(RelationPrivileges.ofSchema(s, List.of(new AclItem(alice.oid(), RoleCatalog.BOOTSTRAP_SUPERUSER_OID,
                EnumSet.of(TablePrivilege.USAGE), EnumSet.of(TablePrivilege.USAGE)))));
        set(new RelationPrivileges(sequence("s", "t_q_seq"), RoleCatalog.BOOTSTRAP_SUPERUSER_OID, List.of(
                new AclItem(alice.oid(), RoleCatalog.BOOTSTRAP_SUPERUSER_OID, EnumSet.of(TablePrivilege.SELECT),
                        Set.of())), Map.of(), PrivilegeTarget.SEQUENCE));
        assertEquals(List.of("t|f|t|f|t|t|f"), harness.lines("select has_schema_privilege('alice', 's', 'usage'),"
                + " has_schema_privilege('alice', 's', 'create'), has_schema_privilege('alice', 's',"
                + " 'usage with grant option'), has_schema_privilege('alice', 'public', 'create'),"
                + " has_schema_privilege('alice', 'public', 'usage'), has_schema_privilege('alice', 'pg_catalog',"
                + " 'usage'), has_schema_privilege('alice', 'pg_catalog', 'create')"));
        assertEquals(List.of("f|t|f|t"), harness.lines("select has_sequence_privilege('alice', 's.t_q_seq', 'usage'),"
                + " has_sequence_privilege('alice', 's.t_q_seq', 'select'),"
                + " has_table_privilege('alice', 's.t_q_seq', 'update'),"
                + " has_sequence_privilege('postgres', 's.t_q_seq', 'update')"));
        PgException unknown = assertThrows(PgException.class,
                () -> harness.lines("select has_schema_privilege('alice', 's', 'select')"));
        assertEquals("unrecognized privilege type: \"select\"", unknown.getMessage());
        PgException notSequence = assertThrows(PgException.class,
                () -> harness.lines("select has_sequence_privilege('alice', 's.t', 'usage')"));
        assertEquals("\"s.t\" is not a sequence", notSequence.getMessage());
    }
}
