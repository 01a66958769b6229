package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.modgres.api.role.AclItem;
import org.modgres.api.role.PrivilegeTarget;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.TablePrivilege;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.SchemaInfo;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;

/** Owners and access control lists are set in transactions and survive restarts, crashes and checkpoints. */
class PrivilegeStorageTest extends DataDirectoryTestBase {

    private static RoleCatalog catalog(StorageEngine engine) {
        return new SharedStorageImpl(engine);
    }

    private static RelationPrivileges aliceReads(TableInfo table, RoleInfo alice) {
        return new RelationPrivileges(table.oid(), RoleCatalog.BOOTSTRAP_SUPERUSER_OID, List.of(
                new AclItem(RoleCatalog.BOOTSTRAP_SUPERUSER_OID, RoleCatalog.BOOTSTRAP_SUPERUSER_OID, AclItem.all(),
                        Set.of()),
                new AclItem(alice.oid(), RoleCatalog.BOOTSTRAP_SUPERUSER_OID, EnumSet.of(TablePrivilege.SELECT),
                        EnumSet.of(TablePrivilege.SELECT))), Map.of("secret", List.of(
                new AclItem(AclItem.PUBLIC, alice.oid(), EnumSet.of(TablePrivilege.UPDATE, TablePrivilege.INSERT),
                        Set.of()))));
    }

    @Test
    void a_table_nobody_changed_belongs_to_the_bootstrap_superuser() throws IOException {
        StorageEngine engine = start();
        Transaction t = engine.begin();
        TableInfo table = t.createTable(new TableDefinition("public", "t", List.of(), List.of()));
        t.commit();
        RelationPrivileges privileges = catalog(engine).privileges(table.oid());
        assertEquals(RoleCatalog.BOOTSTRAP_SUPERUSER_OID, privileges.owner());
        assertNull(privileges.acl());
        assertEquals(AclItem.all(), privileges.privilegesOf(RoleCatalog.BOOTSTRAP_SUPERUSER_OID));
        assertEquals(Set.of(), privileges.privilegesOf(12345));
        assertEquals("postgres=arwdDxt/postgres", privileges.effectiveAcl().get(0).text(oid -> "postgres"));
    }

    @Test
    void rollback_takes_a_grant_back() throws IOException {
        StorageEngine engine = start();
        RoleCatalog catalog = catalog(engine);
        Transaction setup = engine.begin();
        TableInfo table = setup.createTable(new TableDefinition("public", "t", List.of(), List.of()));
        RoleInfo alice = catalog.create(setup, RoleInfo.named("alice"));
        setup.commit();
        Transaction t = engine.begin();
        catalog.setPrivileges(t, aliceReads(table, alice));
        assertEquals(EnumSet.of(TablePrivilege.SELECT), catalog.privileges(table.oid()).privilegesOf(alice.oid()));
        t.rollback();
        assertNull(catalog.privileges(table.oid()).acl());
    }

    @Test
    void privileges_survive_a_crash_a_checkpoint_and_a_restart() throws IOException {
        StorageEngine engine = start();
        RoleCatalog catalog = catalog(engine);
        Transaction t = engine.begin();
        TableInfo table = t.createTable(new TableDefinition("public", "t", List.of(), List.of()));
        TableInfo dropped = t.createTable(new TableDefinition("public", "gone", List.of(), List.of()));
        RoleInfo alice = catalog.create(t, RoleInfo.named("alice"));
        catalog.setPrivileges(t, new RelationPrivileges(table.oid(), alice.oid(), null));
        catalog.setPrivileges(t, new RelationPrivileges(dropped.oid(), alice.oid(), null));
        t.commit();
        Transaction drop = engine.begin();
        drop.dropTable("public", "gone");
        drop.commit();
        Transaction open = engine.begin();
        catalog.setPrivileges(open, aliceReads(table, alice));

        StorageEngine recovered = restartAfterCrash(engine);
        assertEquals(new RelationPrivileges(table.oid(), alice.oid(), null), catalog(recovered).privileges(table.oid()));

        Transaction grant = recovered.begin();
        catalog(recovered).setPrivileges(grant, aliceReads(table, alice));
        grant.commit();
        Transaction pending = recovered.begin();
        catalog(recovered).setPrivileges(pending, new RelationPrivileges(table.oid(), alice.oid(), List.of()));
        recovered.checkpoint();
        pending.rollback();
        recovered.close();
        StorageEngine again = start();
        assertEquals(aliceReads(table, alice), catalog(again).privileges(table.oid()));
        assertEquals(RelationPrivileges.ofBootstrap(dropped.oid()), catalog(again).privileges(dropped.oid()),
                "the checkpoint forgets the entries of dropped tables");
        assertEquals("alice=r*/postgres", aliceReads(table, alice).acl().get(1).text(
                oid -> oid == alice.oid() ? "alice" : "postgres"));
        assertEquals("=aw/alice", catalog(again).privileges(table.oid()).columnAcls().get("secret").get(0).text(
                oid -> oid == alice.oid() ? "alice" : "postgres"));
    }

    @Test
    void schema_and_public_lists_keep_their_target_through_a_crash_and_a_checkpoint() throws IOException {
        StorageEngine engine = start();
        RoleCatalog catalog = catalog(engine);
        Transaction t = engine.begin();
        SchemaInfo schema = t.createSchema("s", RoleCatalog.BOOTSTRAP_SUPERUSER_OID);
        RoleInfo alice = catalog.create(t, RoleInfo.named("alice"));
        RelationPrivileges schemaAcl = new RelationPrivileges(schema.oid(), RoleCatalog.BOOTSTRAP_SUPERUSER_OID,
                List.of(new AclItem(alice.oid(), RoleCatalog.BOOTSTRAP_SUPERUSER_OID,
                        EnumSet.of(TablePrivilege.USAGE, TablePrivilege.CREATE), EnumSet.of(TablePrivilege.CREATE))),
                Map.of(), PrivilegeTarget.SCHEMA);
        RelationPrivileges publicAcl = new RelationPrivileges(Catalog.PUBLIC_SCHEMA_OID, Catalog.PUBLIC_SCHEMA_OWNER,
                List.of(), Map.of(), PrivilegeTarget.SCHEMA);
        catalog.setPrivileges(t, schemaAcl);
        catalog.setPrivileges(t, publicAcl);
        t.commit();
        StorageEngine recovered = restartAfterCrash(engine);
        assertEquals(schemaAcl, catalog(recovered).privileges(schema.oid()));
        assertEquals("alice=UC*/postgres", schemaAcl.acl().get(0).text(oid -> oid == alice.oid() ? "alice" : "postgres"));
        recovered.checkpoint();
        recovered.close();
        StorageEngine again = start();
        assertEquals(schemaAcl, catalog(again).privileges(schema.oid()));
        assertEquals(publicAcl, catalog(again).privileges(Catalog.PUBLIC_SCHEMA_OID));
        assertEquals(EnumSet.of(TablePrivilege.USAGE, TablePrivilege.CREATE),
                new RelationPrivileges(schema.oid(), alice.oid(), null, Map.of(), PrivilegeTarget.SCHEMA)
                        .privilegesOf(alice.oid()), "a schema's owner holds USAGE and CREATE by default");
    }

    @Test
    void database_lists_survive_a_crash_and_a_checkpoint() throws IOException {
        StorageEngine engine = start();
        RoleCatalog catalog = catalog(engine);
        Transaction t = engine.begin();
        RoleInfo alice = catalog.create(t, RoleInfo.named("alice"));
        RelationPrivileges postgres = RelationPrivileges.ofDatabase(RelationPrivileges.POSTGRES_DATABASE_OID, null);
        RelationPrivileges changed = postgres.withAcl(List.of(
                new AclItem(AclItem.PUBLIC, RoleCatalog.BOOTSTRAP_SUPERUSER_OID, EnumSet.of(TablePrivilege.TEMPORARY),
                        Set.of()),
                new AclItem(RoleCatalog.BOOTSTRAP_SUPERUSER_OID, RoleCatalog.BOOTSTRAP_SUPERUSER_OID,
                        PrivilegeTarget.DATABASE.privileges(), Set.of()),
                new AclItem(alice.oid(), RoleCatalog.BOOTSTRAP_SUPERUSER_OID,
                        EnumSet.of(TablePrivilege.CONNECT, TablePrivilege.CREATE), EnumSet.of(TablePrivilege.CONNECT))));
        catalog.setPrivileges(t, changed);
        t.commit();
        StorageEngine recovered = restartAfterCrash(engine);
        assertEquals(changed, catalog(recovered).privileges(RelationPrivileges.POSTGRES_DATABASE_OID));
        recovered.checkpoint();
        recovered.close();
        StorageEngine again = start();
        assertEquals(changed, catalog(again).privileges(RelationPrivileges.POSTGRES_DATABASE_OID),
                "the checkpoint keeps the lists of databases, which are no relations");
        assertEquals(List.of("=T/postgres", "postgres=CTc/postgres", "alice=Cc*/postgres"), changed.acl().stream()
                .map(item -> item.text(oid -> oid == alice.oid() ? "alice" : "postgres")).toList());
        assertEquals(Set.of(TablePrivilege.TEMPORARY, TablePrivilege.CONNECT),
                postgres.privilegesOf(alice.oid()), "PUBLIC may connect and create temporary tables by default");
    }

    @Test
    void function_lists_survive_a_crash_and_a_checkpoint_and_a_rollback_takes_one_back() throws IOException {
        StorageEngine engine = start();
        RoleCatalog catalog = catalog(engine);
        Map<Long, RelationPrivileges> none = catalog.functionPrivileges();
        assertEquals(Map.of(), none);
        assertSame(none, catalog.functionPrivileges(), "unchanged, the map stays the same");
        Transaction t = engine.begin();
        RoleInfo alice = catalog.create(t, RoleInfo.named("alice"));
        long now = 1299;
        RelationPrivileges changed = RelationPrivileges.ofFunction(now, null).withAcl(List.of(
                new AclItem(RoleCatalog.BOOTSTRAP_SUPERUSER_OID, RoleCatalog.BOOTSTRAP_SUPERUSER_OID,
                        PrivilegeTarget.FUNCTION.privileges(), Set.of()),
                new AclItem(alice.oid(), RoleCatalog.BOOTSTRAP_SUPERUSER_OID, EnumSet.of(TablePrivilege.EXECUTE),
                        EnumSet.of(TablePrivilege.EXECUTE))));
        catalog.setPrivileges(t, changed);
        t.commit();
        assertEquals(Map.of(now, changed), catalog.functionPrivileges());
        StorageEngine recovered = restartAfterCrash(engine);
        assertEquals(Map.of(now, changed), catalog(recovered).functionPrivileges());
        recovered.checkpoint();
        recovered.close();
        StorageEngine again = start();
        RoleCatalog reopened = catalog(again);
        assertEquals(changed, reopened.privileges(now), "the checkpoint keeps the lists of functions");
        assertEquals(List.of("postgres=X/postgres", "alice=X*/postgres"), changed.acl().stream()
                .map(item -> item.text(oid -> oid == alice.oid() ? "alice" : "postgres")).toList());
        Transaction rolledBack = again.begin();
        reopened.setPrivileges(rolledBack, RelationPrivileges.ofFunction(1396, List.of()));
        assertEquals(2, reopened.functionPrivileges().size());
        rolledBack.rollback();
        assertEquals(Map.of(now, changed), reopened.functionPrivileges());
        assertEquals(Set.of(TablePrivilege.EXECUTE), RelationPrivileges.ofFunction(now, null).privilegesOf(alice.oid()),
                "PUBLIC may execute a function by default");
    }
}
