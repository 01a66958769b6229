package org.modgres.pgcatalog.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.modgres.api.role.AclItem;
import org.modgres.api.role.DefaultAcl;
import org.modgres.api.role.PrivilegeTarget;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.TablePrivilege;
import org.modgres.api.storage.SchemaInfo;
import org.modgres.api.storage.Transaction;

/** pg_default_acl lists what ALTER DEFAULT PRIVILEGES kept, and psql's \ddp query reads it. */
class DefaultAclCatalogTest {

    /** The query psql 15 sends for \ddp. */
    private static final String DESCRIBE_DEFAULT_PRIVILEGES = """
            SELECT pg_catalog.pg_get_userbyid(d.defaclrole) AS "Owner",
              n.nspname AS "Schema",
              CASE d.defaclobjtype WHEN 'r' THEN 'table' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'function' \
            WHEN 'T' THEN 'type' WHEN 'n' THEN 'schema' END AS "Type",
              pg_catalog.array_to_string(d.defaclacl, E'\\n') AS "Access privileges"
            FROM pg_catalog.pg_default_acl d
                 LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace
            ORDER BY 1, 2, 3;""";

    private final CatalogHarness harness = new CatalogHarness();
    private final RoleCatalog roles = (RoleCatalog) harness.storage;

    @Test
    void pg_default_acl_and_the_describe_query_show_the_kept_lists() {
        Transaction t = harness.storage.begin();
        RoleInfo alice = roles.create(t, RoleInfo.named("alice"));
        RoleInfo bob = roles.create(t, RoleInfo.named("bob"));
        SchemaInfo s = t.createSchema("s", alice.oid());
        roles.setDefaultAcl(t, new DefaultAcl(0, alice.oid(), DefaultAcl.ALL_SCHEMAS, PrivilegeTarget.TABLE, List.of(
                new AclItem(alice.oid(), alice.oid(), PrivilegeTarget.TABLE.privileges(), Set.of()),
                new AclItem(bob.oid(), alice.oid(), EnumSet.of(TablePrivilege.SELECT), Set.of()))));
        roles.setDefaultAcl(t, new DefaultAcl(0, alice.oid(), s.oid(), PrivilegeTarget.SEQUENCE, List.of(
                new AclItem(AclItem.PUBLIC, alice.oid(), EnumSet.of(TablePrivilege.USAGE),
                        EnumSet.of(TablePrivilege.USAGE)))));
        t.commit();
        assertEquals(List.of("alice|0|r|{alice=arwdDxt/alice,bob=r/alice}", "alice|s|S|{=U*/alice}"),
                harness.lines("select defaclrole::regrole, case when defaclnamespace = 0 then '0' else"
                        + " defaclnamespace::regnamespace::text end, defaclobjtype, defaclacl"
                        + " from pg_default_acl order by defaclnamespace"));
        assertEquals(List.of("alice|s|sequence|=U*/alice", "alice||table|alice=arwdDxt/alice\nbob=r/alice"),
                harness.lines(DESCRIBE_DEFAULT_PRIVILEGES));
    }
}
