package org.modgres.listener.impl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The listener's settings, by their PostgreSQL names: the Config Admin configuration, each value
 * overridden by the framework property {@code modgres.<name>} when the command line sets it
 * ({@code -p}, {@code -h}, {@code -k}, {@code -c name=value}), as postgres flags override
 * postgresql.conf. Values are checked with PostgreSQL's ranges and messages.
 *
 * @param port                   TCP port, also the number in the Unix-domain socket's name
 * @param listenAddresses        host names or addresses to listen on, {@code *} for all
 * @param unixSocketDirectories  directories for {@code .s.PGSQL.<port>}; empty for none
 * @param maxConnections         backends allowed at once
 * @param authenticationTimeoutSeconds  time a client has to finish its startup
 * @param ssl                    whether SSLRequest is answered with a TLS handshake
 * @param sslCertFile            the server certificate (PEM), absolute
 * @param sslKeyFile             the server's private key (PEM), absolute
 * @param dataDirectory          the data directory, absolute
 */
record ListenerSettings(int port, List<String> listenAddresses, List<Path> unixSocketDirectories,
                        int maxConnections, int authenticationTimeoutSeconds,
                        boolean ssl, Path sslCertFile, Path sslKeyFile, Path dataDirectory) {

    /** Framework property of the data directory, which relative paths are resolved against. */
    static final String DATA_DIRECTORY_PROPERTY = "modgres.data_directory";
    private static final String PROPERTY_PREFIX = "modgres.";

    ListenerSettings {
        listenAddresses = List.copyOf(listenAddresses);
        unixSocketDirectories = List.copyOf(unixSocketDirectories);
    }

    /**
     * Resolves the settings.
     *
     * @param config             the component's configuration
     * @param frameworkProperty  looks up a framework property, null when unset
     * @throws IllegalArgumentException naming the parameter whose value is invalid
     */
    static ListenerSettings resolve(Postmaster.Config config, UnaryOperator<String> frameworkProperty) {
        Values values = new Values(frameworkProperty);
        // As in PostgreSQL, whose working directory is the data directory.
        String dataDirectoryProperty = frameworkProperty.apply(DATA_DIRECTORY_PROPERTY);
        Path dataDirectory = Path.of(dataDirectoryProperty != null ? dataDirectoryProperty : "data").toAbsolutePath();
        return new ListenerSettings(
                values.integer("port", config.port(), 1, 65535),
                list(values.string("listen_addresses", config.listen__addresses())),
                list(values.string("unix_socket_directories", config.unix__socket__directories())).stream()
                        .map(directory -> dataDirectory.resolve(directory).normalize())
                        .toList(),
                values.integer("max_connections", config.max__connections(), 1, 262143),
                values.integer("authentication_timeout", config.authentication__timeout(), 1, 600),
                values.bool("ssl", config.ssl()),
                dataDirectory.resolve(values.string("ssl_cert_file", config.ssl__cert__file())).normalize(),
                dataDirectory.resolve(values.string("ssl_key_file", config.ssl__key__file())).normalize(),
                dataDirectory);
    }

    /** Splits a comma-separated list, dropping blanks, so that an empty string is an empty list. */
    private static List<String> list(String value) {
        List<String> elements = new ArrayList<>();
        for (String element : value.split(",")) {
            if (!element.isBlank()) {
                elements.add(element.trim());
            }
        }
        return elements;
    }

    /** Reads one setting: the framework property when set, else the configured value. */
    private record Values(UnaryOperator<String> frameworkProperty) {

        String string(String name, String configured) {
            String override = frameworkProperty.apply(PROPERTY_PREFIX + name);
            return override != null ? override : configured;
        }

        int integer(String name, int configured, int min, int max) {
            String override = frameworkProperty.apply(PROPERTY_PREFIX + name);
            int value;
            if (override == null) {
                value = configured;
            } else {
                try {
                    value = Integer.parseInt(override.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "invalid value for parameter \"" + name + "\": \"" + override + "\"", e);
                }
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException(value + " is outside the valid range for parameter \""
                        + name + "\" (" + min + " .. " + max + ")");
            }
            return value;
        }

        /** Accepts PostgreSQL's spellings of a boolean: on/off, true/false, yes/no, 1/0 and their prefixes. */
        boolean bool(String name, String configured) {
            String value = string(name, configured);
            String lower = value.trim().toLowerCase(Locale.ROOT);
            if (lower.equals("1") || lower.equals("on") || isPrefixOf(lower, "true", 1)
                    || isPrefixOf(lower, "yes", 1)) {
                return true;
            }
            if (lower.equals("0") || isPrefixOf(lower, "off", 2) || isPrefixOf(lower, "false", 1)
                    || isPrefixOf(lower, "no", 1)) {
                return false;
            }
            throw new IllegalArgumentException("parameter \"" + name + "\" requires a Boolean value");
        }

        private static boolean isPrefixOf(String value, String word, int minLength) {
            return value.length() >= minLength && word.startsWith(value);
        }
    }
}
