package org.modgres.launcher;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The command line, read the way {@code postgres} reads its own: {@code -D datadir}, {@code -p port},
 * {@code -h listen_addresses}, {@code -k unix_socket_directories}, {@code -c name=value} and
 * {@code --name=value}, each value either attached ({@code -p5433}) or the next argument.
 *
 * <p>Every setting becomes the framework property {@code modgres.<name>}. Bundles read those as overrides of
 * their Config Admin configuration, as postgres flags override postgresql.conf; a setting not given on the
 * command line is left to the configuration, except the data directory, which always has a value.
 *
 * @param settings run-time parameters by PostgreSQL name ({@code port}, {@code data_directory}...), in the
 *     order given
 */
record ServerOptions(Action action, Map<String, String> settings) {

    /** What the command line asks for. */
    enum Action { RUN, HELP, VERSION }

    static final String DATA_DIRECTORY = "data_directory";
    static final String PORT = "port";
    static final String LISTEN_ADDRESSES = "listen_addresses";
    static final String UNIX_SOCKET_DIRECTORIES = "unix_socket_directories";

    /** Prefix of the framework properties that carry the settings. */
    static final String PROPERTY_PREFIX = "modgres.";

    /** The flags that set one parameter each; {@code -c name=value} sets any. */
    private static final Map<Character, String> FLAG_SETTINGS = Map.of(
            'D', DATA_DIRECTORY, 'p', PORT, 'h', LISTEN_ADDRESSES, 'k', UNIX_SOCKET_DIRECTORIES);

    private static final Pattern SETTING_NAME = Pattern.compile("[a-z_][a-z0-9_.]*");

    ServerOptions {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /**
     * Parses the arguments.
     *
     * @param defaultDataDirectory the data directory when none is given
     * @throws IllegalArgumentException with a message in postgres's words ({@code invalid option -- 'x'})
     */
    static ServerOptions parse(List<String> args, Path defaultDataDirectory) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-?")) {
                return new ServerOptions(Action.HELP, Map.of());
            }
            if (arg.equals("--version") || arg.equals("-V")) {
                return new ServerOptions(Action.VERSION, Map.of());
            }
            if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                if (equals < 0) {
                    throw new IllegalArgumentException("--" + arg.substring(2) + " requires a value");
                }
                put(settings, arg.substring(2, equals), arg.substring(equals + 1));
                continue;
            }
            if (arg.length() < 2 || arg.charAt(0) != '-') {
                throw new IllegalArgumentException("invalid argument: \"" + arg + "\"");
            }
            char option = arg.charAt(1);
            if (option != 'c' && !FLAG_SETTINGS.containsKey(option)) {
                throw new IllegalArgumentException("invalid option -- '" + option + "'");
            }
            String value;
            if (arg.length() > 2) {
                value = arg.substring(2);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException("option requires an argument -- '" + option + "'");
            }
            if (option == 'c') {
                int equals = value.indexOf('=');
                if (equals < 0) {
                    throw new IllegalArgumentException("-c " + value + " requires a value");
                }
                put(settings, value.substring(0, equals), value.substring(equals + 1));
            } else {
                put(settings, FLAG_SETTINGS.get(option), value);
            }
        }
        settings.putIfAbsent(DATA_DIRECTORY, defaultDataDirectory.toString());
        settings.put(DATA_DIRECTORY, Path.of(settings.get(DATA_DIRECTORY)).toAbsolutePath().normalize().toString());
        return new ServerOptions(Action.RUN, settings);
    }

    private static void put(Map<String, String> settings, String rawName, String value) {
        String name = rawName.replace('-', '_').toLowerCase(Locale.ROOT);
        if (!SETTING_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid configuration parameter name \"" + rawName + "\"");
        }
        if (name.equals(PORT)) {
            checkPort(value);
        }
        settings.put(name, value);
    }

    private static void checkPort(String value) {
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid value for parameter \"port\": \"" + value + "\"", e);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(port
                    + " is outside the valid range for parameter \"port\" (1 .. 65535)");
        }
    }

    /** Returns the data directory, absolute. */
    Path dataDirectory() {
        return Path.of(settings.get(DATA_DIRECTORY));
    }

    /** Returns the settings as framework properties: {@code modgres.port=5433}, ... */
    Map<String, String> frameworkProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        settings.forEach((name, value) -> properties.put(PROPERTY_PREFIX + name, value));
        return properties;
    }
}
