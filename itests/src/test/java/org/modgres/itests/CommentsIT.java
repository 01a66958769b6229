package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * COMMENT ON tables, views, sequences, columns and schemas as PostgreSQL 15 keeps them: with the
 * transaction (ROLLBACK takes a comment back), removed by an empty comment or NULL, put only by
 * the owner, with PostgreSQL's errors for a missing object or column and a wrong kind, and shown
 * by pg_description, obj_description, col_description and psql's \d+, \dt+ and \dn+. Outputs
 * are PostgreSQL 15's for the same scripts (comments/*.out); the comments survive a restart.
 */
class CommentsIT {

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
    void comments_are_kept_shown_and_checked_as_postgres_15() throws Exception {
        PsqlScripts scripts = PsqlScripts.of(server, "comments", "comments.sql", "list.sql");
        assertEquals(scripts.expected("comments.sql"), scripts.run("comments.sql"));
        server.stop();
        server.restart();
        assertEquals(scripts.expected("list.sql"), scripts.run("list.sql"));
    }
}
