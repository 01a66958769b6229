package org.modgres.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A Modgres server started from the assembled distribution exactly as a user starts it
 * ({@code bin/modgres -p PORT -D DATADIR}), in a private copy of the distribution so that tests
 * can deploy bundles without affecting each other.
 */
final class ModgresServer implements AutoCloseable {

    static final String READY_LINE = "database system is ready to accept connections";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SHELL_TIMEOUT = Duration.ofSeconds(30);

    private final Path home;
    private final Path log;
    private final int port;
    private final List<String> arguments;
    private volatile Process process;
    private volatile long readyMillis;
    /** Where the output of the current run starts in the log, which restarts append to. */
    private volatile long logStart;
    private int shellCommands;

    /** Prepares a data directory before the server starts on it, e.g. places TLS files there. */
    @FunctionalInterface
    interface DataDirectorySetup {
        void prepare(Path dataDirectory) throws IOException, InterruptedException;
    }

    private ModgresServer(Path home, int port, List<String> arguments) throws IOException, InterruptedException {
        this.home = home;
        this.port = port;
        this.log = home.resolve("server.log");
        this.arguments = List.copyOf(arguments);
        launch();
    }

    /** Starts the server process on the data directory, its output appended to the log, and waits until it is ready. */
    private void launch() throws IOException, InterruptedException {
        long start = System.nanoTime();
        logStart = Files.exists(log) ? Files.size(log) : 0;
        ProcessBuilder builder = new ProcessBuilder(command(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // the Gogo console reads the process's stdin, where shell() writes; closing it must not stop the server
        builder.environment().put("JAVA_OPTS", "-Dgosh.args=--noshutdown");
        this.process = builder.start();
        awaitReady();
        this.readyMillis = (System.nanoTime() - start) / 1_000_000;
    }

    private List<String> command(int listenPort) {
        List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin/modgres").toString(),
                "-p", String.valueOf(listenPort), "-D", dataDirectory().toString()));
        command.addAll(arguments);
        return command;
    }

    /** Starts a server in a fresh copy of the distribution on a free port. */
    static ModgresServer start() {
        return start(List.of(), dataDirectory -> { });
    }

    /**
     * Starts a server as {@link #start()} does, with more command-line arguments ({@code -c max_connections=3},
     * {@code -k DIR}...) after {@code -p} and {@code -D}, once {@code setup} has prepared the data directory.
     */
    static ModgresServer start(List<String> arguments, DataDirectorySetup setup) {
        try {
            Path distribution = Path.of(System.getProperty("modgres.distribution", "../runtime/target/modgres"));
            if (!Files.isExecutable(distribution.resolve("bin/modgres"))) {
                throw new IllegalStateException("no distribution at " + distribution.toAbsolutePath()
                        + ": build the runtime module first");
            }
            Path home = Files.createTempDirectory("modgres-it-");
            copyTree(distribution, home);
            Path data = Files.createDirectories(home.resolve("data"));
            setup.prepare(data);
            return new ModgresServer(home, freePort(), arguments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return port;
    }

    Path home() {
        return home;
    }

    Path dataDirectory() {
        return home.resolve("data");
    }

    /** Returns the server's process id. */
    long pid() {
        return process.pid();
    }

    Path deployDirectory() {
        return home.resolve("deploy");
    }

    long readyMillis() {
        return readyMillis;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    Connection connect() throws SQLException {
        return connect(new Properties());
    }

    Connection connect(Properties properties) throws SQLException {
        Properties p = new Properties();
        p.putAll(properties);
        p.setProperty("user", "postgres");
        return DriverManager.getConnection(jdbcUrl(), p);
    }

    /** Connects as another role, with the server's default authentication (trust on loopback). */
    Connection connectAs(String user) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        return DriverManager.getConnection(jdbcUrl(), p);
    }

    /** Runs statements as the superuser postgres, on a connection of their own. */
    void executeAsPostgres(String... statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** Returns a query's rows, each as its values' text joined by '|'. */
    static List<String> rows(Connection c, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Runs a command in the server's Gogo shell, as an operator types it at the console, and
     * returns what it printed.
     */
    synchronized String shell(String command) throws IOException, InterruptedException {
        String marker = "shell-done-" + (++shellCommands);
        int from = log().length();
        Writer console = process.outputWriter(StandardCharsets.UTF_8);
        console.write(command + "\necho " + marker + "\n");
        console.flush();
        long deadline = System.nanoTime() + SHELL_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String output = log().substring(from);
            int end = output.indexOf(marker);
            if (end >= 0) {
                return output.substring(0, end).replace("g! ", "");
            }
            Thread.sleep(50);
        }
        throw new AssertionError("shell command '" + command + "' printed nothing within " + SHELL_TIMEOUT
                + "\n" + log());
    }

    /** Sends SIGTERM and returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        // as long as pg_ctl stop waits by default; a shutdown checkpoint may be slow on a busy machine
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            String threads = threadDump();
            process.destroyForcibly().waitFor();
            throw new AssertionError("server did not stop within 60 s of SIGTERM\n" + log() + "\n" + threads);
        }
        return process.exitValue();
    }

    /** The server's threads as jcmd prints them, to tell where a stop hangs. */
    private String threadDump() {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return dump;
        } catch (IOException | InterruptedException e) {
            return "(no thread dump: " + e + ")";
        }
    }

    /** Kills the server with SIGKILL, as a crash would, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("server did not die within 30 s of SIGKILL");
        }
    }

    /**
     * Starts the server again, after {@link #stop()} or {@link #kill()}, on the same data directory, port
     * and arguments; returns once it is ready. The new run's output is appended to the log.
     */
    void restart() throws IOException, InterruptedException {
        if (process.isAlive()) {
            throw new IllegalStateException("the server still runs");
        }
        launch();
    }

    /**
     * Runs a second server on this server's data directory (on another port) and waits until it exits;
     * for tests that it refuses to start.
     */
    ProcessResult startAnotherOnSameDataDirectory() throws IOException, InterruptedException {
        return ProcessResult.run(command(freePort()), Map.of("JAVA_HOME", System.getProperty("java.home")));
    }

    /**
     * Stops the server if it still runs, checks that no secret reached its log, and deletes its copy
     * of the distribution. Every integration test's server passes here, so the whole suite's log
     * lines are scanned.
     */
    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            try {
                stop();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        String written = log();
        deleteTree(home);
        LogSecrets.check(written);
    }

    /** Returns the output of the current run: the log after what earlier runs wrote. */
    private String currentRunLog() throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        int from = (int) Math.min(logStart, bytes.length);
        return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && currentRunLog().contains(READY_LINE)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + "\n" + log());
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("server not ready within " + START_TIMEOUT + "\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path relative = from.relativize(source);
                if (relative.startsWith("data") || relative.startsWith("cache")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Runs a command and returns its standard output; fails with its output when it exits non-zero. */
    static String run(List<String> command, String stdin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("command timed out: " + command + "\n" + output);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("command failed (" + p.exitValue() + "): " + command + "\n" + output);
        }
        return output;
    }
}
