package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
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
import org.modgres.api.storage.Transaction;

/** Default access control lists are set in transactions and survive crashes, checkpoints and restarts. */
class DefaultAclStorageTest extends DataDirectoryTestBase {

    private static RoleCatalog catalog(StorageEngine engine) {
        return new SharedStorageImpl(engine);
    }

    private static DefaultAcl readsBy(RoleInfo reader, long namespace, PrivilegeTarget target) {
        return new DefaultAcl(0, RoleCatalog.BOOTSTRAP_SUPERUSER_OID, namespace, target, List.of(
                new AclItem(reader.oid(), RoleCatalog.BOOTSTRAP_SUPERUSER_OID, EnumSet.of(TablePrivilege.SELECT),
                        Set.of())));
    }

    @Test
    void a_set_keeps_the_oid_and_a_rollback_takes_it_back() throws IOException {
        StorageEngine engine = start();
        RoleCatalog catalog = catalog(engine);
        Transaction setup = engine.begin();
        RoleInfo alice = catalog.create(setup, RoleInfo.named("alice"));
        DefaultAcl first = catalog.setDefaultAcl(setup, readsBy(alice, DefaultAcl.ALL_SCHEMAS, PrivilegeTarget.TABLE));
        setup.commit();
        assertNotEquals(0, first.oid());

        Transaction t = engine.begin();
        DefaultAcl replaced = catalog.setDefaultAcl(t, new DefaultAcl(0, RoleCatalog.BOOTSTRAP_SUPERUSER_OID,
                DefaultAcl.ALL_SCHEMAS, PrivilegeTarget.TABLE, List.of()));
        assertEquals(first.oid(), replaced.oid());
        catalog.removeDefaultAcl(t, RoleCatalog.BOOTSTRAP_SUPERUSER_OID, DefaultAcl.ALL_SCHEMAS, PrivilegeTarget.TABLE);
        assertEquals(List.of(), catalog.defaultAcls());
        t.rollback();
        assertEquals(List.of(first), catalog.defaultAcls());
    }

    @Test
    void default_acls_survive_a_crash_a_checkpoint_and_a_restart() throws IOException {
        StorageEngine engine = start();
        RoleCatalog catalog = catalog(engine);
        Transaction t = engine.begin();
        RoleInfo alice = catalog.create(t, RoleInfo.named("alice"));
        DefaultAcl tables = catalog.setDefaultAcl(t, readsBy(alice, DefaultAcl.ALL_SCHEMAS, PrivilegeTarget.TABLE));
        DefaultAcl sequences = catalog.setDefaultAcl(t, readsBy(alice, 2200, PrivilegeTarget.SEQUENCE));
        DefaultAcl removed = catalog.setDefaultAcl(t, readsBy(alice, 2200, PrivilegeTarget.TABLE));
        t.commit();
        Transaction remove = engine.begin();
        catalog.removeDefaultAcl(remove, removed.role(), removed.namespace(), removed.target());
        remove.commit();
        Transaction open = engine.begin();
        catalog.removeDefaultAcl(open, tables.role(), tables.namespace(), tables.target());

        StorageEngine recovered = restartAfterCrash(engine);
        assertEquals(List.of(tables, sequences), catalog(recovered).defaultAcls());

        Transaction pending = recovered.begin();
        catalog(recovered).removeDefaultAcl(pending, sequences.role(), sequences.namespace(), sequences.target());
        recovered.checkpoint();
        pending.rollback();
        recovered.close();
        StorageEngine again = start();
        assertEquals(List.of(tables, sequences), catalog(again).defaultAcls());
        Transaction later = again.begin();
        RoleInfo bob = catalog(again).create(later, RoleInfo.named("bob"));
        later.commit();
        assertNotEquals(sequences.oid(), bob.oid(), "the entries' OIDs are not handed out again");
    }
}
