package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** COPY FROM STDIN and TO STDOUT with psql's \copy and pgjdbc's CopyManager. */
class CopyIT {

    private static ModgresServer server;

    @BeforeAll
    static void start() {
        server = ModgresServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CopyIT.class.getResourceAsStream("/copy/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void psql_copy_both_ways_in_text_and_csv_prints_what_postgres_prints() throws Exception {
        Path dir = Files.createTempDirectory("modgres-copy");
        try {
            for (String file : List.of("items.tsv", "items.csv", "bad.tsv")) {
                Files.writeString(dir.resolve(file), resource(file));
            }
            Path script = dir.resolve("copy.sql");
            Files.writeString(script, resource("copy.sql").replace("@DIR@", dir.toString()));
            String output = ModgresServer.run(List.of("psql", "-X", "-h", "127.0.0.1", "-p",
                    String.valueOf(server.port()), "-U", "postgres", "-d", "postgres", "-f", script.toString()), null);
            assertEquals(resource("copy.out").replace("@SCRIPT@", script.toString()), output);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    @Test
    void each_copy_error_names_its_line_and_column_in_a_context_line_as_postgres_does() throws Exception {
        PsqlScripts scripts = PsqlScripts.of(server, "copy", "errors.sql");
        assertEquals(scripts.expected("errors.sql"), scripts.run("errors.sql"));
    }

    @Test
    void copy_manager_loads_100000_rows_and_reads_them_back_as_csv() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create table bulk (id int primary key, label varchar(20), amount numeric(10,2))");
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder data = new StringBuilder();
            for (int i = 1; i <= 100_000; i++) {
                data.append(i).append('\t').append("label ").append(i).append('\t').append(i % 100).append(".5\n");
            }
            long loaded = copy.copyIn("COPY bulk FROM STDIN", new StringReader(data.toString()));
            assertEquals(100_000, loaded);
            try (ResultSet rs = s.executeQuery("select count(*), sum(amount), max(label) from bulk")) {
                rs.next();
                assertEquals(100_000, rs.getInt(1));
                assertEquals(new BigDecimal("5000000.00"), rs.getBigDecimal(2));
                assertEquals("label 99999", rs.getString(3));
            }
            StringWriter out = new StringWriter();
            long written = copy.copyOut("COPY (select id, label, amount from bulk where id <= 3 order by id) "
                    + "TO STDOUT WITH (FORMAT csv, HEADER)", out);
            assertEquals(3, written);
            assertEquals("id,label,amount\n1,label 1,1.50\n2,label 2,2.50\n3,label 3,3.50\n", out.toString());
            s.execute("drop table bulk");
        }
    }

    @Test
    void rejected_row_aborts_the_copy_and_leaves_the_table_unchanged() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create table keyed (id int primary key, v text)");
            s.execute("insert into keyed values (1, 'one')");
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            SQLException e = assertThrows(SQLException.class,
                    () -> copy.copyIn("COPY keyed FROM STDIN (FORMAT csv)", new StringReader("2,two\n1,again\n3,three\n")));
            assertEquals("23505", e.getSQLState());
            try (ResultSet rs = s.executeQuery("select count(*) from keyed")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
            s.execute("drop table keyed");
        }
    }
}
