package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Grants that depend on grant options, as PostgreSQL 15 follows them: REVOKE of a grant option (or
 * of the privilege) that others were granted with fails with 2BP01 {@code dependent privileges
 * exist} unless CASCADE takes their grants too, transitively, on tables, columns, sequences,
 * schemas, databases and functions; grant options held from another grantor or through a role
 * keep the grants made with them; a grant option may not go back to its grantor nor to PUBLIC.
 * And ALTER DEFAULT PRIVILEGES ON SCHEMAS (without IN SCHEMA), FUNCTIONS, ROUTINES and TYPES,
 * kept in pg_default_acl, shown by \ddp, given to the schemas the role creates and kept across a
 * restart. Outputs are PostgreSQL 15's for the same scripts (revokecascade/*.out, recorded with
 * psql -X -a).
 */
class RevokeCascadeIT {

    private static ModgresServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ModgresServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void revoke_restricts_or_cascades_to_dependent_grants_as_postgres_15() throws Exception {
        PsqlScripts scripts = PsqlScripts.of(server, "revokecascade", "cascade.sql", "members.sql");
        assertEquals(scripts.expected("cascade.sql"), scripts.run("cascade.sql"));
        assertEquals(scripts.expected("members.sql"), scripts.run("members.sql"));
    }

    @Test
    void default_privileges_on_schemas_apply_to_new_schemas_and_survive_a_restart() throws Exception {
        PsqlScripts scripts = PsqlScripts.of(server, "revokecascade", "defaults.sql", "defaults_kept.sql");
        assertEquals(scripts.expected("defaults.sql"), scripts.run("defaults.sql"));
        server.stop();
        server.restart();
        assertEquals(scripts.expected("defaults_kept.sql"), scripts.run("defaults_kept.sql"));
    }
}
