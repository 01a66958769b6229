package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * information_schema.constraint_column_usage, routines and parameters, has_any_column_privilege
 * and regproc input through psql, printed as PostgreSQL 15 printed them (infoschema/infoschema.out
 * was recorded with psql -X -a -f), and regproc's errors with PostgreSQL's SQLSTATEs and messages.
 */
class InformationSchemaIT {

    private static ModgresServer server;
    private static PsqlScripts psql;

    @BeforeAll
    static void start() throws IOException {
        server = ModgresServer.start();
        psql = PsqlScripts.of(server, "infoschema", "infoschema.sql", "tools.sql");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void psql_prints_what_postgres_prints() throws Exception {
        assertEquals(psql.expected("infoschema.sql"), psql.run("infoschema.sql"));
    }

    /** psql's \l, \dt+, \ds and \di; PostgreSQL 15 recorded in a cluster made with --locale=C, as Modgres reports. */
    @Test
    void psql_lists_databases_tables_sequences_and_indexes_as_postgres_does() throws Exception {
        assertEquals(psql.expected("tools.sql"), psql.run("tools.sql"));
    }

    @Test
    void regproc_of_an_unknown_or_overloaded_name_is_an_error() throws Exception {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            SQLException unknown = assertThrows(SQLException.class,
                    () -> statement.executeQuery("select 'no_such_function'::regproc"));
            assertEquals("42883", unknown.getSQLState());
            assertEquals("ERROR: function \"no_such_function\" does not exist",
                    unknown.getMessage().lines().findFirst().orElseThrow());
            SQLException ambiguous = assertThrows(SQLException.class,
                    () -> statement.executeQuery("select 'pg_catalog.lower'::regproc::oid"));
            assertEquals("42725", ambiguous.getSQLState());
            assertEquals("ERROR: more than one function named \"pg_catalog.lower\"",
                    ambiguous.getMessage().lines().findFirst().orElseThrow());
        }
    }
}
