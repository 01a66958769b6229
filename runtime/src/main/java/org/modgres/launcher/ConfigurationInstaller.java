package org.modgres.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts configurations into Config Admin before the server's components start: first it waits for FileInstall
 * to load the {@code *.cfg} and {@code *.config} files of {@code etc/}, then it applies the features'
 * configurations, except those an {@code etc/} file overrides.
 *
 * <p>The order matters: a component activated before its configuration arrives would start with its
 * defaults (opening the default data directory, binding the default port) and be reconfigured a moment later.
 */
final class ConfigurationInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationInstaller.class);
    /** The property FileInstall adds to every configuration it creates from a file: the file's URI. */
    private static final String FILEINSTALL_FILENAME = "felix.fileinstall.filename";
    private static final long POLL_MILLIS = 20;

    private final ConfigAdminClient admin;
    private final Path etc;

    ConfigurationInstaller(ConfigAdminClient admin, Path etc) {
        this.admin = admin;
        this.etc = etc;
    }

    /**
     * Waits until Config Admin holds a configuration for every configuration file in {@code etc/}. FileInstall
     * reads them on its own thread and gives no signal when done, so this polls. A file FileInstall cannot
     * read never arrives: after the timeout the launcher goes on, with a warning naming the files.
     */
    void awaitEtcFiles(long timeoutMillis) throws LaunchException, InterruptedException {
        List<Path> pending = new ArrayList<>(etcFiles());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            List<Path> loaded = new ArrayList<>();
            for (Path file : pending) {
                String filter = "(" + FILEINSTALL_FILENAME + "=" + escapeFilterValue(fileInstallKey(file)) + ")";
                if (admin.anyMatches(filter)) {
                    loaded.add(file);
                }
            }
            pending.removeAll(loaded);
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                LOG.warn("Config Admin has not received {} after {} ms; starting without them", pending, timeoutMillis);
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * Applies the features' configurations. For a PID that several features configure, the last one wins.
     * A PID is skipped when an {@code etc/} file configures it, or when Config Admin already holds properties
     * for it (set from the shell and kept in a bundle cache that was not cleaned).
     */
    void apply(List<Feature> features) throws LaunchException {
        Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (Feature feature : features) {
            for (Map.Entry<String, Map<String, Object>> entry : feature.configurations().entrySet()) {
                String previous = origins.put(entry.getKey(), feature.name());
                if (previous != null) {
                    LOG.warn("Configuration {} of feature {} replaces the one of feature {}", entry.getKey(),
                            feature.name(), previous);
                }
                configurations.put(entry.getKey(), entry.getValue());
            }
        }
        for (Map.Entry<String, Map<String, Object>> entry : configurations.entrySet()) {
            String pid = entry.getKey();
            Path file = overridingFile(pid);
            if (file != null) {
                LOG.info("Configuration {} comes from {}, not from feature {}", pid, file, origins.get(pid));
            } else if (admin.properties(pid).isPresent()) {
                LOG.info("Configuration {} is already set; feature {} leaves it alone", pid, origins.get(pid));
            } else {
                LOG.debug("Applying configuration {} of feature {}: {}", pid, origins.get(pid), entry.getValue());
                admin.update(pid, entry.getValue());
            }
        }
    }

    /** Returns the {@code etc/} file that configures the PID, as FileInstall names them, or null. */
    Path overridingFile(String pid) {
        List<String> names = new ArrayList<>(List.of(pid + ".cfg", pid + ".config"));
        int tilde = pid.indexOf('~');
        if (tilde > 0) {
            // FileInstall reads "factoryPid-name.cfg" as the factory configuration factoryPid~name.
            String fileInstallName = pid.substring(0, tilde) + "-" + pid.substring(tilde + 1);
            names.addAll(List.of(fileInstallName + ".cfg", fileInstallName + ".config"));
        }
        return names.stream().map(etc::resolve).filter(Files::isRegularFile).findFirst().orElse(null);
    }

    private List<Path> etcFiles() throws LaunchException {
        if (!Files.isDirectory(etc)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(etc)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> isConfigurationFile(file.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new LaunchException("could not list " + etc + ": " + e, e);
        }
    }

    private static boolean isConfigurationFile(String name) {
        return name.endsWith(".cfg") || name.endsWith(".config");
    }

    /** Returns the key FileInstall keeps for a file: its {@code File.toURI()}, which reads file:/x, not file:///x. */
    static String fileInstallKey(Path file) {
        return file.toFile().getAbsoluteFile().toURI().toString();
    }

    static String escapeFilterValue(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '(' || c == ')' || c == '*') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
