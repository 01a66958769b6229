package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * EXECUTE on functions as PostgreSQL 15 keeps and checks it: GRANT and REVOKE ON FUNCTION with
 * PostgreSQL's lookup errors, PUBLIC's default EXECUTE, 42501 {@code permission denied for
 * function} for a call anywhere in a statement (views included, which run their functions with the
 * reader's rights), proacl, has_function_privilege and psql's \df+; the lists survive a restart.
 * DROP ROLE is refused while a database, function, relation, schema or default privileges name
 * the role, with PostgreSQL's DETAIL lines in its order. Outputs are PostgreSQL 15's for the
 * same scripts (funcprivs/*.out, recorded with psql -X -a).
 */
class FunctionPrivilegesIT {

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
    void execute_is_granted_checked_and_kept_across_a_restart_as_postgres_15() throws Exception {
        PsqlScripts scripts = PsqlScripts.of(server, "funcprivs", "grants.sql", "list.sql");
        assertEquals(scripts.expected("grants.sql"), scripts.run("grants.sql"));
        server.stop();
        server.restart();
        assertEquals(scripts.expected("list.sql"), scripts.run("list.sql"));
    }

    @Test
    void drop_role_lists_what_depends_on_it_as_postgres_15() throws Exception {
        PsqlScripts scripts = PsqlScripts.of(server, "funcprivs", "droprole.sql");
        assertEquals(scripts.expected("droprole.sql"), scripts.run("droprole.sql"));
    }
}
