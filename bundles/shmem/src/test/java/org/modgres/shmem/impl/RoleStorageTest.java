package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.storage.Transaction;

/** Roles are created, altered and dropped in transactions, and survive restarts and crashes like tables. */
class RoleStorageTest extends DataDirectoryTestBase {

    private static final String VERIFIER = "SCRAM-SHA-256$4096:c2FsdA==$c3RvcmVk:c2VydmVy";

    private static RoleInfo alice() {
        return new RoleInfo(0, "alice", false, true, false, true, true, false, false, 5, VERIFIER,
                Instant.parse("2030-01-01T00:00:00Z"));
    }

    private static RoleCatalog roles(StorageEngine engine) {
        return new SharedStorageImpl(engine);
    }

    @Test
    void a_new_data_directory_has_the_bootstrap_superuser() throws IOException {
        RoleCatalog roles = roles(start());
        RoleInfo postgres = roles.role("postgres").orElseThrow();
        assertEquals(RoleCatalog.BOOTSTRAP_SUPERUSER_OID, postgres.oid());
        assertTrue(postgres.superuser() && postgres.canLogin() && postgres.createRole());
        assertEquals(List.of(postgres), roles.roles());
    }

    @Test
    void create_alter_and_drop_change_the_roles() throws IOException {
        StorageEngine engine = start();
        RoleCatalog roles = roles(engine);
        Transaction t = engine.begin();
        RoleInfo created = roles.create(t, alice());
        assertTrue(created.oid() >= MemoryCatalog.FIRST_NORMAL_OBJECT_ID);
        PgException duplicate = assertThrows(PgException.class, () -> roles.create(t, alice()));
        assertEquals(SqlState.DUPLICATE_OBJECT, duplicate.sqlState());
        assertEquals("role \"alice\" already exists", duplicate.getMessage());
        roles.alter(t, created.withName("alicia"));
        assertTrue(roles.role("alice").isEmpty());
        assertEquals(created.oid(), roles.role("alicia").orElseThrow().oid());
        PgException taken = assertThrows(PgException.class, () -> roles.alter(t, created.withName("postgres")));
        assertEquals(SqlState.DUPLICATE_OBJECT, taken.sqlState());
        roles.drop(t, "alicia");
        PgException missing = assertThrows(PgException.class, () -> roles.drop(t, "alicia"));
        assertEquals(SqlState.UNDEFINED_OBJECT, missing.sqlState());
        t.commit();
        assertEquals(1, roles.roles().size());
    }

    @Test
    void rollback_undoes_every_role_change() throws IOException {
        StorageEngine engine = start();
        RoleCatalog roles = roles(engine);
        Transaction setup = engine.begin();
        RoleInfo bob = roles.create(setup, RoleInfo.named("bob"));
        setup.commit();

        Transaction t = engine.begin();
        roles.create(t, alice());
        roles.alter(t, bob.withName("robert").withPassword(VERIFIER));
        roles.drop(t, "robert");
        long savepoint = t.savepoint();
        roles.create(t, RoleInfo.named("carol"));
        t.rollbackTo(savepoint);
        assertTrue(roles.role("carol").isEmpty());
        t.rollback();

        assertTrue(roles.role("alice").isEmpty());
        assertTrue(roles.role("robert").isEmpty());
        assertEquals(bob, roles.role("bob").orElseThrow());
    }

    @Test
    void committed_roles_survive_a_crash_and_uncommitted_ones_do_not() throws IOException {
        StorageEngine engine = start();
        RoleCatalog roles = roles(engine);
        Transaction t = engine.begin();
        RoleInfo alice = roles.create(t, alice());
        RoleInfo bob = roles.create(t, RoleInfo.named("bob"));
        t.commit();
        Transaction rename = engine.begin();
        roles.alter(rename, bob.withName("robert"));
        roles.alter(rename, roles.role("postgres").orElseThrow().withPassword("md5" + "0".repeat(32)));
        rename.commit();
        Transaction open = engine.begin();
        roles.create(open, RoleInfo.named("never"));

        StorageEngine recovered = restartAfterCrash(engine);
        RoleCatalog after = roles(recovered);
        assertEquals(alice, after.role("alice").orElseThrow());
        assertEquals(bob.oid(), after.role("robert").orElseThrow().oid());
        assertTrue(after.role("bob").isEmpty());
        assertTrue(after.role("never").isEmpty());
        assertEquals("md5" + "0".repeat(32), after.role("postgres").orElseThrow().password());

        // OIDs handed out before the crash are not handed out again
        Transaction more = recovered.begin();
        RoleInfo carol = after.create(more, RoleInfo.named("carol"));
        more.commit();
        assertNotEquals(alice.oid(), carol.oid());
        assertNotEquals(bob.oid(), carol.oid());
    }

    @Test
    void roles_survive_a_checkpoint_with_a_change_still_open_and_a_restart() throws IOException {
        StorageEngine engine = start();
        RoleCatalog roles = roles(engine);
        Transaction t = engine.begin();
        RoleInfo alice = roles.create(t, alice());
        RoleInfo bob = roles.create(t, RoleInfo.named("bob"));
        t.commit();
        Transaction open = engine.begin();
        roles.drop(open, "bob");
        roles.alter(open, alice.withName("alicia"));
        roles.create(open, RoleInfo.named("uncommitted"));
        assertTrue(engine.checkpoint());
        open.rollback();

        StorageEngine recovered = restartAfterCrash(engine);
        RoleCatalog after = roles(recovered);
        assertEquals(alice, after.role("alice").orElseThrow(), "the checkpoint took back the open rename");
        assertEquals(bob, after.role("bob").orElseThrow(), "the checkpoint took back the open drop");
        assertTrue(after.role("alicia").isEmpty());
        assertTrue(after.role("uncommitted").isEmpty());

        Transaction drop = recovered.begin();
        after.drop(drop, "bob");
        drop.commit();
        recovered.close();
        StorageEngine again = start();
        assertFalse(roles(again).role("bob").isPresent());
        assertEquals(alice, roles(again).role("alice").orElseThrow());
        try (var files = Files.list(data.resolve("global"))) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().startsWith("pg_authid.")).count(),
                    "the roles files of older checkpoints are removed");
        }
    }
}
