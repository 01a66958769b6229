package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code permission denied for schema} points where PostgreSQL 15 points: at the name in queries,
 * DML and CREATE TABLE, nowhere for the utility statements; the output is PostgreSQL 15's for the
 * same script (schemapositions/denied.out, recorded with psql -X -a).
 */
class SchemaErrorPositionsIT {

    private static ModgresServer server;

    @BeforeAll
    static void start() {
        server = ModgresServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void denied_schemas_are_reported_at_postgres_15s_positions() throws Exception {
        PsqlScripts scripts = PsqlScripts.of(server, "schemapositions", "denied.sql");
        assertEquals(scripts.expected("denied.sql"), scripts.run("denied.sql"));
    }
}
