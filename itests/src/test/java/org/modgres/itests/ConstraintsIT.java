package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * UNIQUE, CHECK and FOREIGN KEY constraints of CREATE TABLE and ALTER TABLE through psql: the names PostgreSQL
 * makes up, pg_constraint, pg_index and pg_get_constraintdef, psql's \d, CHECK violations of INSERT,
 * UPDATE, COPY and ON CONFLICT, duplicate keys, missing and still-referenced foreign keys with their
 * CASCADE and SET NULL actions, and the errors of bad definitions, each printed exactly as
 * PostgreSQL 15 printed it (constraints/constraints.out was recorded with psql -X -a -f).
 */
class ConstraintsIT {

    private static ModgresServer server;
    private static PsqlScripts psql;

    @BeforeAll
    static void start() throws IOException {
        server = ModgresServer.start();
        psql = PsqlScripts.of(server, "constraints", "constraints.sql", "alter.sql", "columns.sql", "drop.sql");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void psql_prints_what_postgres_prints() throws Exception {
        assertEquals(psql.expected("constraints.sql"), psql.run("constraints.sql"));
    }

    /**
     * ALTER TABLE ADD of UNIQUE, CHECK, FOREIGN KEY and PRIMARY KEY constraints checked against the
     * rows already there, DROP CONSTRAINT with RESTRICT and CASCADE, SET / DROP NOT NULL and DEFAULT,
     * several actions in one statement, and a rollback (constraints/alter.out was recorded from
     * PostgreSQL 15 with psql -X -a -f).
     */
    @Test
    void alter_table_prints_what_postgres_prints() throws Exception {
        assertEquals(psql.expected("alter.sql"), psql.run("alter.sql"));
    }

    /**
     * ALTER TABLE ADD COLUMN with defaults computed once or per row (SERIAL), NOT NULL and column
     * constraints, DROP COLUMN with what depends on it, RENAME COLUMN (CHECK constraints follow),
     * RENAME TO, and their rollback (constraints/columns.out was recorded from PostgreSQL 15).
     */
    @Test
    void column_changes_print_what_postgres_prints() throws Exception {
        assertEquals(psql.expected("columns.sql"), psql.run("columns.sql"));
    }

    /**
     * DROP TABLE of a table that foreign keys or views need: refused without CASCADE, with
     * PostgreSQL's DETAIL; with CASCADE the foreign keys and views go first; tables that reference
     * each other drop together (constraints/drop.out was recorded from PostgreSQL 15).
     */
    @Test
    void drop_table_respects_what_depends_on_it() throws Exception {
        assertEquals(psql.expected("drop.sql"), psql.run("drop.sql"));
    }

    /** A view keeps its query as text, so a table it reads cannot be renamed under it (PostgreSQL can). */
    @Test
    void renaming_what_a_view_reads_is_refused_until_the_view_is_gone() throws Exception {
        psql.psql("", "-c", "create table named (a int)", "-c", "create view reads_named as select a from named");
        String refused = psql.psql("", "-c", "alter table named rename column a to b");
        assertTrue(refused.contains("ERROR:  cannot rename table \"named\" or its columns while view \"reads_named\" "
                + "reads it"), refused);
        psql.psql("", "-c", "drop view reads_named");
        assertEquals("ALTER TABLE\n", psql.psql("", "-c", "alter table named rename to renamed"));
        psql.psql("", "-c", "drop table renamed");
    }

    @Test
    void copy_refuses_a_row_that_fails_a_check() throws Exception {
        psql.psql("", "-c", "create table copied (id int primary key, v int check (v > 0), w text)");
        String output = psql.psql("1\t5\tok\n2\t-3\tbad\n\\.\n", "-c", "copy copied from stdin");
        assertTrue(output.contains("ERROR:  new row for relation \"copied\" violates check constraint \"copied_v_check\"\n"
                + "DETAIL:  Failing row contains (2, -3, bad)."), output);
        assertEquals(" count \n-------\n     0\n(1 row)\n\n", psql.psql("", "-c", "select count(*) from copied"));
    }
}
