package org.modgres.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Starts the Modgres server: {@code java -jar lib/modgres-launcher.jar [postgres-style options]}.
 *
 * <p>Exit status, as postgres's: 0 after a clean stop (SIGTERM, SIGINT, or {@code stop 0} in the shell), 1 for a
 * bad command line or when the server cannot start.
 */
public final class Main {

    private static final long STOP_TIMEOUT_MILLIS = 120_000;
    private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

    private Main() {
    }

    public static void main(String[] args) {
        long startNanos = System.nanoTime();
        Distribution distribution;
        ServerOptions options;
        try {
            distribution = Distribution.locate();
            options = ServerOptions.parse(Arrays.asList(args), distribution.defaultDataDirectory());
        } catch (LaunchException | IllegalArgumentException e) {
            // The command line is the one place the launcher writes to the terminal directly, as postgres does:
            // logging is not configured yet, and this text is for the person typing.
            System.err.println("modgres: " + e.getMessage());
            System.err.println("Try \"modgres --help\" for more information.");
            System.exit(1);
            return;
        }
        switch (options.action()) {
            case HELP -> printAndExit(Usage.help());
            case VERSION -> printAndExit("modgres (Modgres) " + Usage.version());
            case RUN -> System.exit(run(distribution, options, startNanos));
        }
    }

    private static void printAndExit(String text) {
        System.out.println(text);
        System.exit(0);
    }

    private static int run(Distribution distribution, ServerOptions options, long startNanos) {
        configureLogging(distribution);
        Logger log = LoggerFactory.getLogger(Main.class);
        ModgresLauncher launcher;
        try {
            Map<String, String> build = FrameworkProperties.loadResource("launcher.properties");
            Map<String, String> properties = FrameworkProperties.assemble(distribution,
                    FrameworkProperties.load(distribution.etc().resolve("modgres.properties")), System.getProperties(),
                    options, isInteractive(), build.get("slf4j.version"));
            createDataDirectory(options.dataDirectory(), log);
            launcher = new ModgresLauncher(distribution, properties);
        } catch (LaunchException e) {
            log.error("Modgres cannot start: {}", e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopOnSignal(launcher, log), "modgres-shutdown"));
        try {
            launcher.start(startNanos);
            launcher.awaitStop();
        } catch (LaunchException e) {
            if (!launcher.beginShutdown()) {
                return 0; // a shutdown request cut the boot short; the shutdown hook finishes the job
            }
            log.error("Modgres cannot start: {}", e.getMessage());
            stopAfterFailure(launcher, log);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (launcher.beginShutdown()) {
                stopAfterFailure(launcher, log);
            }
            return 1;
        }
        if (launcher.beginShutdown()) {
            log.info("Modgres stopped");
        }
        return 0;
    }

    /**
     * Runs on SIGTERM and SIGINT. The JVM would exit with 143 or 130 after its shutdown hooks; a server
     * that stopped cleanly exits 0, as postgres does, hence the halt once the framework has stopped.
     */
    private static void stopOnSignal(ModgresLauncher launcher, Logger log) {
        if (!launcher.beginShutdown()) {
            return;
        }
        log.info("Received shutdown request; stopping");
        try {
            boolean stopped = launcher.stop(STOP_TIMEOUT_MILLIS);
            log.info(stopped ? "Modgres stopped" : "Modgres did not stop cleanly");
            Runtime.getRuntime().halt(stopped ? 0 : 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Runtime.getRuntime().halt(1);
        }
    }

    private static void stopAfterFailure(ModgresLauncher launcher, Logger log) {
        try {
            launcher.stop(STOP_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while stopping the OSGi framework");
        }
    }

    /** Points logback at etc/logback.xml, unless -Dlogback.configurationFile says otherwise; routes JUL to slf4j. */
    private static void configureLogging(Distribution distribution) {
        Path configuration = distribution.etc().resolve("logback.xml");
        if (System.getProperty(LOGBACK_CONFIGURATION) == null && Files.isRegularFile(configuration)) {
            System.setProperty(LOGBACK_CONFIGURATION, configuration.toString());
        }
        // FileInstall logs through java.util.logging when told to (felix.fileinstall.log.default=jul).
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    /**
     * Gogo may read the console only when a terminal is attached: run in the background or under a service
     * manager, it would otherwise take the process's stdin. Since JDK 22 System.console() exists even without
     * a terminal, so isTerminal() decides.
     */
    private static boolean isInteractive() {
        return System.console() != null && System.console().isTerminal();
    }

    private static void createDataDirectory(Path dataDirectory, Logger log) throws LaunchException {
        if (Files.isDirectory(dataDirectory)) {
            return;
        }
        try {
            Files.createDirectories(dataDirectory);
            log.info("Created data directory {}", dataDirectory);
        } catch (IOException e) {
            throw new LaunchException("could not create data directory \"" + dataDirectory + "\": " + e.getMessage(),
                    e);
        }
    }
}
