package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who owns a relation, as PostgreSQL 15 changes it: ALTER TABLE, VIEW and SEQUENCE ... OWNER TO
 * with PostgreSQL's checks (owner, member of the new owner, CREATE on the schema) and errors, the
 * new owner taking the old one's place in the lists, a table's serial sequence following it, and
 * DROP ROLE refused for the new owner. Also a view that reads no table, which still needs SELECT
 * on it, through nested views with each view owner's rights. And COMMENT ON tables, views,
 * sequences, columns and schemas: kept with the transaction, removed by an empty comment or NULL,
 * put only by the owner, shown by pg_description, obj_description, col_description and psql's
 * \d+, \dt+ and \dn+. Outputs are PostgreSQL 15's for the same scripts (ownership/*.out and
 * comments/*.out, recorded with psql -X -a); owners and comments survive a restart.
 */
class OwnershipIT {

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
    void owners_change_and_views_without_tables_are_checked_as_postgres_15() throws Exception {
        PsqlScripts scripts = PsqlScripts.of(server, "ownership", "ownership.sql", "list.sql");
        assertEquals(scripts.expected("ownership.sql"), scripts.run("ownership.sql"));
        server.stop();
        server.restart();
        assertEquals(scripts.expected("list.sql"), scripts.run("list.sql"));
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
