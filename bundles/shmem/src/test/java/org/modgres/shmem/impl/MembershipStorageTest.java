package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.RoleMembership;
import org.modgres.api.storage.Transaction;

/** Memberships of roles in roles are granted and revoked in transactions and survive crashes and checkpoints. */
class MembershipStorageTest extends DataDirectoryTestBase {

    private static RoleCatalog catalog(StorageEngine engine) {
        return new SharedStorageImpl(engine);
    }

    @Test
    void rollback_takes_a_grant_and_a_revoke_back() throws IOException {
        StorageEngine engine = start();
        RoleCatalog catalog = catalog(engine);
        Transaction setup = engine.begin();
        RoleInfo staff = catalog.create(setup, RoleInfo.named("staff"));
        RoleInfo alice = catalog.create(setup, RoleInfo.named("alice"));
        setup.commit();
        RoleMembership aliceInStaff = new RoleMembership(staff.oid(), alice.oid(), RoleCatalog.BOOTSTRAP_SUPERUSER_OID,
                false);

        Transaction grant = engine.begin();
        catalog.grantMembership(grant, aliceInStaff);
        assertEquals(List.of(aliceInStaff), catalog.memberships());
        grant.rollback();
        assertEquals(List.of(), catalog.memberships());

        Transaction committed = engine.begin();
        catalog.grantMembership(committed, aliceInStaff);
        committed.commit();
        Transaction revoke = engine.begin();
        catalog.revokeMembership(revoke, staff.oid(), alice.oid());
        catalog.revokeMembership(revoke, staff.oid(), 99999);
        assertEquals(List.of(), catalog.memberships());
        revoke.rollback();
        assertEquals(List.of(aliceInStaff), catalog.memberships());

        Transaction admin = engine.begin();
        RoleMembership withAdmin = new RoleMembership(staff.oid(), alice.oid(), staff.oid(), true);
        catalog.grantMembership(admin, withAdmin);
        assertEquals(List.of(withAdmin), catalog.memberships());
        admin.rollback();
        assertEquals(List.of(aliceInStaff), catalog.memberships());
    }

    @Test
    void memberships_survive_a_crash_a_checkpoint_and_a_restart() throws IOException {
        StorageEngine engine = start();
        RoleCatalog catalog = catalog(engine);
        Transaction t = engine.begin();
        RoleInfo staff = catalog.create(t, RoleInfo.named("staff"));
        RoleInfo alice = catalog.create(t, RoleInfo.named("alice"));
        RoleInfo bob = catalog.create(t, RoleInfo.named("bob"));
        RoleMembership aliceInStaff = new RoleMembership(staff.oid(), alice.oid(), RoleCatalog.BOOTSTRAP_SUPERUSER_OID,
                true);
        RoleMembership bobInStaff = new RoleMembership(staff.oid(), bob.oid(), alice.oid(), false);
        catalog.grantMembership(t, aliceInStaff);
        catalog.grantMembership(t, bobInStaff);
        t.commit();
        Transaction revoke = engine.begin();
        catalog.revokeMembership(revoke, staff.oid(), bob.oid());
        revoke.commit();
        Transaction open = engine.begin();
        catalog.grantMembership(open, bobInStaff);

        StorageEngine recovered = restartAfterCrash(engine);
        assertEquals(List.of(aliceInStaff), catalog(recovered).memberships());

        Transaction grant = recovered.begin();
        catalog(recovered).grantMembership(grant, bobInStaff);
        grant.commit();
        Transaction pending = recovered.begin();
        catalog(recovered).revokeMembership(pending, staff.oid(), alice.oid());
        recovered.checkpoint();
        pending.rollback();
        recovered.close();
        StorageEngine again = start();
        assertEquals(List.of(aliceInStaff, bobInStaff), catalog(again).memberships(),
                "the checkpoint holds the committed memberships only");
    }
}
