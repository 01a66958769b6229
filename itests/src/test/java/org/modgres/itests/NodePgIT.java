package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * node-postgres against the running distribution: untyped parameters in the extended protocol,
 * a named statement, rowMode array, a transaction, several statements in one query and an error.
 * The script prints what it reads, and must print what it prints against PostgreSQL 15.
 */
class NodePgIT {

    private static ModgresServer server;

    @BeforeAll
    static void start() {
        server = ModgresServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void queries_read_as_against_postgres() throws Exception {
        Path node = Path.of(System.getProperty("modgres.node.directory", "node"));
        String output = ModgresServer.run(List.of("node", node.resolve("basics.js").toString(),
                String.valueOf(server.port())), null);
        assertEquals(Files.readString(node.resolve("basics.out")), output);
    }
}
