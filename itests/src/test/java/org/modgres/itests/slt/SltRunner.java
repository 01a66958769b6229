package org.modgres.itests.slt;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Plays sqllogictest files over pgjdbc against a server, either checking every record against its
 * expectation or (record mode) rewriting the expectations with what the server returned. Each file runs
 * on a connection of its own, and the relations it leaves behind in schema public are dropped after it.
 *
 * <p>Run outside the integration tests with {@code main}: {@code [--url URL] [--user USER]
 * [--target postgres|modgres] [--record] FILE_OR_DIRECTORY...}.
 */
public final class SltRunner {

    /** The server the files run against: records marked {@code skipif modgres} run only against PostgreSQL. */
    public enum Target { POSTGRES, MODGRES }

    /** Opens a new connection to the server under test. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** A record whose outcome differed from its expectation. */
    public record Failure(SltRecord record, String expected, String got) {
        @Override
        public String toString() {
            return "FAIL " + record.location() + "\n  SQL: " + record.sql().replace("\n", "\n       ")
                    + "\n  expected: " + expected.replace("\n", "\n            ")
                    + "\n  got:      " + got.replace("\n", "\n            ");
        }
    }

    /** The counts of one file. */
    public record FileResult(String file, int passed, int failed, int skipped, List<Failure> failures,
            Map<String, Integer> skipReasons) {
    }

    /** The counts of all files. */
    public record Summary(List<FileResult> files) {
        public int passed() {
            return files.stream().mapToInt(FileResult::passed).sum();
        }

        public int failed() {
            return files.stream().mapToInt(FileResult::failed).sum();
        }

        public int skipped() {
            return files.stream().mapToInt(FileResult::skipped).sum();
        }

        public List<Failure> failures() {
            return files.stream().flatMap(f -> f.failures().stream()).toList();
        }
    }

    /** What running one record returned: an error's SQLSTATE and message, or a query's column letters and rows. */
    private record Outcome(String sqlState, String message, String columnTypes, List<List<String>> rows) {
        boolean failed() {
            return sqlState != null;
        }

        String describe() {
            if (failed()) {
                return "ERROR " + sqlState + ": " + message;
            }
            return columnTypes == null ? "ok" : "query " + columnTypes + "\n" + rowsText(rows);
        }
    }

    private static final int QUERY_TIMEOUT_SECONDS = 20;
    private static final String PUBLIC_RELATIONS = "select c.relname, c.relkind from pg_catalog.pg_class c"
            + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
            + " where n.nspname = 'public' and c.relkind in ('r', 'v', 'S', 'm', 'p')";

    private final ConnectionSource connections;
    private final Target target;
    private final boolean record;
    private final PrintStream out;

    public SltRunner(ConnectionSource connections, Target target, boolean record, PrintStream out) {
        this.connections = connections;
        this.target = target;
        this.record = record;
        this.out = out;
    }

    /** Returns the .slt files under a directory (or the file itself), in name order. */
    public static List<Path> files(Path fileOrDirectory) throws IOException {
        if (Files.isRegularFile(fileOrDirectory)) {
            return List.of(fileOrDirectory);
        }
        try (Stream<Path> walk = Files.walk(fileOrDirectory)) {
            return walk.filter(p -> p.toString().endsWith(".slt")).sorted().toList();
        }
    }

    public Summary run(List<Path> files) throws IOException, SQLException {
        List<FileResult> results = new ArrayList<>();
        for (Path path : files) {
            FileResult result = runFile(SltFile.read(path));
            results.add(result);
            out.printf("%-28s %4d passed, %d failed, %d skipped%n", result.file() + ":", result.passed(),
                    result.failed(), result.skipped());
        }
        Summary summary = new Summary(results);
        Map<String, Integer> reasons = new LinkedHashMap<>();
        results.forEach(r -> r.skipReasons().forEach((reason, n) -> reasons.merge(reason, n, Integer::sum)));
        reasons.forEach((reason, n) -> out.printf("  skipped on modgres (%d): %s%n", n, reason));
        if (!record) {
            summary.failures().forEach(out::println);
        }
        out.printf("sqllogictest against %s: %d passed, %d failed, %d skipped%n", target.name().toLowerCase(),
                summary.passed(), summary.failed(), summary.skipped());
        return summary;
    }

    private FileResult runFile(SltFile file) throws IOException, SQLException {
        int passed = 0;
        int skipped = 0;
        List<Failure> failures = new ArrayList<>();
        Map<String, Integer> skipReasons = new LinkedHashMap<>();
        Map<SltRecord, SltFile.Replacement> replacements = new HashMap<>();
        Set<String> relationsBefore;
        try (Connection setup = openSession()) {
            relationsBefore = publicRelations(setup).keySet();
        }
        Connection connection = openSession();
        try {
            for (SltRecord r : file.records()) {
                if (target == Target.MODGRES && r.skippedOnModgres()) {
                    skipped++;
                    skipReasons.merge(r.skipReason(), 1, Integer::sum);
                    continue;
                }
                if (connection.isClosed()) {
                    connection = openSession();
                }
                Outcome outcome = execute(connection, r);
                String expected = expectation(r);
                String got = outcome.describe();
                if (matches(r, outcome)) {
                    passed++;
                } else {
                    failures.add(new Failure(r, expected, got));
                }
                if (record) {
                    replacements.put(r, replacement(r, outcome));
                }
            }
        } finally {
            connection.close();
            try (Connection cleanup = openSession()) {
                dropCreatedRelations(cleanup, relationsBefore);
            }
        }
        if (record) {
            failures.stream().filter(f -> !(f.expected().startsWith("query") && f.got().startsWith("query")))
                    .forEach(f -> out.println("RECORDED " + f.record().location() + ": " + firstLine(f.expected())
                            + " -> " + firstLine(f.got())));
            file.rewrite(replacements);
        }
        return new FileResult(file.name(), passed, failures.size(), skipped, failures, skipReasons);
    }

    private Connection openSession() throws SQLException {
        Connection connection = connections.open();
        try (Statement s = connection.createStatement()) {
            // pgjdbc sends the JVM's zone; both servers must print timestamptz in PostgreSQL's default zone
            s.execute("SET TIME ZONE 'Etc/UTC'");
        }
        return connection;
    }

    private static Outcome execute(Connection connection, SltRecord r) {
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            boolean hasRows = s.execute(r.sql());
            if (r.kind() != SltRecord.Kind.QUERY) {
                return new Outcome(null, null, null, null);
            }
            if (!hasRows) {
                return new Outcome(null, null, "", List.of());
            }
            try (ResultSet rs = s.getResultSet()) {
                ResultSetMetaData meta = rs.getMetaData();
                StringBuilder letters = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    letters.append(letter(meta.getColumnType(i)));
                }
                List<List<String>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
                return new Outcome(null, null, letters.toString(), r.rowSort() ? sorted(rows) : rows);
            }
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "(none)" : e.getSQLState();
            String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            return new Outcome(state, message, null, null);
        }
    }

    /** The expectation in the form {@link Outcome#describe()} prints, so that one comparison covers every kind. */
    private static String expectation(SltRecord r) {
        return switch (r.kind()) {
            case STATEMENT_OK -> "ok";
            case STATEMENT_ERROR -> "ERROR " + r.expectedState();
            case QUERY -> "query " + r.columnTypes() + "\n"
                    + rowsText(r.rowSort() ? sorted(r.expectedRows()) : r.expectedRows());
        };
    }

    private static boolean matches(SltRecord r, Outcome outcome) {
        return switch (r.kind()) {
            case STATEMENT_OK -> !outcome.failed();
            case STATEMENT_ERROR -> outcome.failed() && outcome.sqlState().equals(r.expectedState());
            case QUERY -> expectation(r).equals(outcome.describe());
        };
    }

    private static SltFile.Replacement replacement(SltRecord r, Outcome outcome) {
        if (outcome.failed()) {
            return new SltFile.Replacement("statement error " + outcome.sqlState(), null);
        }
        if (r.kind() != SltRecord.Kind.QUERY) {
            return new SltFile.Replacement("statement ok", null);
        }
        List<String> lines = outcome.rows().stream().map(SltValues::joinRow).toList();
        return new SltFile.Replacement("query " + outcome.columnTypes() + (r.rowSort() ? " rowsort" : ""), lines);
    }

    static char letter(int jdbcType) {
        return switch (jdbcType) {
            case Types.SMALLINT, Types.INTEGER, Types.BIGINT -> 'I';
            case Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.DOUBLE, Types.FLOAT -> 'R';
            case Types.BIT, Types.BOOLEAN -> 'B';
            default -> 'T';
        };
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(SltValues::joinRow));
        return copy;
    }

    private static String rowsText(List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            text.append(SltValues.joinRow(row)).append('\n');
        }
        return text.toString();
    }

    private static Map<String, String> publicRelations(Connection connection) throws SQLException {
        Map<String, String> relations = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(PUBLIC_RELATIONS)) {
            while (rs.next()) {
                relations.put(rs.getString(1), rs.getString(2));
            }
        }
        return relations;
    }

    /** Drops what a file left behind, views before tables before sequences, so that the next file starts clean. */
    private void dropCreatedRelations(Connection connection, Set<String> before) throws SQLException {
        Map<String, String> left = publicRelations(connection);
        left.keySet().removeAll(before);
        Set<String> statements = new LinkedHashSet<>();
        for (String kind : List.of("v", "m", "r", "p", "S")) {
            left.forEach((name, relkind) -> {
                if (relkind.equals(kind)) {
                    String what = switch (kind) {
                        case "v" -> "VIEW";
                        case "m" -> "MATERIALIZED VIEW";
                        case "S" -> "SEQUENCE";
                        default -> "TABLE";
                    };
                    statements.add("DROP " + what + " IF EXISTS \"" + name.replace("\"", "\"\"") + "\" CASCADE");
                }
            });
        }
        for (String drop : statements) {
            try (Statement s = connection.createStatement()) {
                s.execute(drop);
            } catch (SQLException e) {
                out.println("cleanup: " + drop + ": " + e.getMessage());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:55441/postgres";
        String user = "postgres";
        Target target = Target.POSTGRES;
        boolean record = false;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--user" -> user = args[++i];
                case "--target" -> target = Target.valueOf(args[++i].toUpperCase());
                case "--record" -> record = true;
                default -> files.addAll(files(Path.of(args[i])));
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: SltRunner [--url URL] [--user USER] [--target postgres|modgres] [--record] FILE_OR_DIR...");
            System.exit(2);
        }
        Properties properties = new Properties();
        properties.setProperty("user", user);
        String jdbcUrl = url;
        Summary summary = new SltRunner(() -> DriverManager.getConnection(jdbcUrl, properties), target, record,
                System.out).run(files);
        System.exit(summary.failed() == 0 || record ? 0 : 1);
    }
}
