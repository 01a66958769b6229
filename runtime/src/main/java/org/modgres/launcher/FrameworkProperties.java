package org.modgres.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Assembles the framework properties Felix starts with. Later sources win:
 * <ol>
 * <li>the launcher's defaults (bundle cache, start level, FileInstall on {@code etc/}, Gogo, slf4j packages);</li>
 * <li>{@code etc/modgres.properties};</li>
 * <li>JVM system properties starting with {@code felix.}, {@code org.osgi.}, {@code gosh.}, {@code ds.} or
 * {@code modgres.} ({@code -D} in {@code JAVA_OPTS});</li>
 * <li>the command line's settings ({@code modgres.port}, ...).</li>
 * </ol>
 */
final class FrameworkProperties {

    /** Comma-separated names of the features to install at boot, from {@code system/features/<name>.json}. */
    static final String BOOT_FEATURES = "modgres.boot.features";
    static final String HOME = "modgres.home";
    static final String BEGINNING_START_LEVEL = "org.osgi.framework.startlevel.beginning";
    static final String FILEINSTALL_POLL = "felix.fileinstall.poll";
    static final String FILEINSTALL_START_LEVEL = "felix.fileinstall.start.level";

    /**
     * Start level of the platform (Config Admin, SCR, FileInstall). Bundles at this level start before the
     * launcher applies configurations; every other boot bundle starts after.
     */
    static final int PLATFORM_START_LEVEL = 1;

    static final int DEFAULT_START_LEVEL = 5;

    private static final List<String> SYSTEM_PROPERTY_PREFIXES =
            List.of("felix.", "org.osgi.", "gosh.", "ds.", "modgres.");
    private static final List<String> SLF4J_PACKAGES =
            List.of("org.slf4j", "org.slf4j.spi", "org.slf4j.event", "org.slf4j.helpers");

    private FrameworkProperties() {
    }

    /**
     * Returns the framework properties.
     *
     * @param configured the entries of {@code etc/modgres.properties}
     * @param interactive whether a terminal is attached, so the Gogo console may read it
     * @param slf4jVersion the version of the slf4j API on the launcher's class path, exported to bundles
     */
    static Map<String, String> assemble(Distribution distribution, Map<String, String> configured,
            Properties systemProperties, ServerOptions options, boolean interactive, String slf4jVersion) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(HOME, distribution.home().toString());
        properties.put("org.osgi.framework.storage", distribution.cache().toString());
        properties.put("org.osgi.framework.storage.clean", "onFirstInit");
        properties.put(BEGINNING_START_LEVEL, Integer.toString(DEFAULT_START_LEVEL));
        // slf4j 2 bundles need a Service Loader Mediator to find their provider; with the API and logback on
        // the launcher's class path, the system bundle exports the API and every bundle logs through logback.
        properties.put("org.osgi.framework.system.packages.extra", SLF4J_PACKAGES.stream()
                .map(name -> name + ";version=" + slf4jVersion).collect(Collectors.joining(",")));
        properties.put("felix.fileinstall.dir", distribution.etc().toString());
        properties.put(FILEINSTALL_POLL, "1000");
        properties.put("felix.fileinstall.noInitialDelay", "true");
        // FileInstall would otherwise write every configuration change back to its etc/ file, racing its own
        // watcher, which can then read the file half-written and clear the configuration. etc/ is the
        // operator's; the server only reads it.
        properties.put("felix.fileinstall.enableConfigSave", "false");
        // Through java.util.logging into slf4j, at info: installs, uninstalls and configurations loaded.
        properties.put("felix.fileinstall.log.default", "jul");
        properties.put("felix.fileinstall.log.level", "3");
        if (!interactive) {
            properties.put("gosh.args", "--nointeractive");
        }
        properties.putAll(configured);
        systemProperties.stringPropertyNames().stream()
                .filter(name -> SYSTEM_PROPERTY_PREFIXES.stream().anyMatch(name::startsWith))
                .forEach(name -> properties.put(name, systemProperties.getProperty(name)));
        properties.putAll(options.frameworkProperties());
        properties.putIfAbsent(FILEINSTALL_START_LEVEL, properties.get(BEGINNING_START_LEVEL));
        return properties;
    }

    /** Returns the boot feature names. */
    static List<String> bootFeatures(Map<String, String> properties) throws LaunchException {
        String value = properties.get(BOOT_FEATURES);
        List<String> names = value == null ? List.of()
                : Stream.of(value.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new LaunchException(BOOT_FEATURES + " names no feature; set it in etc/modgres.properties");
        }
        return names;
    }

    /** Returns the start level the framework runs at, which every boot bundle must reach. */
    static int startLevel(Map<String, String> properties) throws LaunchException {
        return positiveInteger(properties, BEGINNING_START_LEVEL);
    }

    static int positiveInteger(Map<String, String> properties, String name) throws LaunchException {
        String value = properties.get(name);
        if (value != null && value.trim().matches("[0-9]{1,9}") && Integer.parseInt(value.trim()) > 0) {
            return Integer.parseInt(value.trim());
        }
        throw new LaunchException(name + " must be a positive integer, found \"" + value + "\"");
    }

    /** Reads a properties file; a missing file reads as empty. */
    static Map<String, String> load(Path file) throws LaunchException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw new LaunchException("could not read " + file + ": " + e, e);
        }
        return toMap(properties);
    }

    /** Reads a properties resource of the launcher jar. */
    static Map<String, String> loadResource(String name) throws LaunchException {
        Properties properties = new Properties();
        try (InputStream in = FrameworkProperties.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new LaunchException("the launcher jar lacks " + name);
            }
            properties.load(in);
        } catch (IOException e) {
            throw new LaunchException("could not read " + name + " from the launcher jar: " + e, e);
        }
        return toMap(properties);
    }

    private static Map<String, String> toMap(Properties properties) {
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted()
                .forEach(name -> map.put(name, properties.getProperty(name).trim()));
        return map;
    }
}
