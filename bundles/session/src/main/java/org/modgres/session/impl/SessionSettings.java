package org.modgres.session.impl;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.IsolationLevel;

/**
 * A backend's run-time parameters (GUCs): what SET, SHOW and RESET act on, and what ParameterStatus
 * reports to the client.
 */
final class SessionSettings {

    /** The parameters PostgreSQL 15 reports with ParameterStatus at startup and whenever they change. */
    static final Set<String> REPORTED = Set.of("application_name", "client_encoding", "datestyle",
            "default_transaction_read_only", "in_hot_standby", "integer_datetimes", "intervalstyle",
            "is_superuser", "server_encoding", "server_version", "session_authorization",
            "standard_conforming_strings", "timezone");

    /** PostgreSQL's spelling of parameter names whose canonical name has capitals. */
    private static final Map<String, String> DISPLAY_NAMES = Map.of(
            "datestyle", "DateStyle", "intervalstyle", "IntervalStyle", "timezone", "TimeZone");

    private static final Set<String> READ_ONLY = Set.of("server_version", "server_encoding", "integer_datetimes",
            "in_hot_standby", "is_superuser", "session_authorization", "server_version_num", "max_index_keys",
            "modgres.planner", "modgres.executor", "modgres.parser");
    /** Settings of the server as a whole, fixed while it runs (PostgreSQL's postmaster context). */
    private static final Set<String> SET_AT_START = Set.of("shared_buffers", "max_connections");

    /**
     * The characteristics of the current transaction, which SET TRANSACTION and BEGIN change and
     * every transaction starts with from its {@code default_} parameter. RESET ALL leaves them
     * alone, as in PostgreSQL.
     */
    static final Set<String> TRANSACTION_CHARACTERISTICS = Set.of("transaction_isolation", "transaction_read_only",
            "transaction_deferrable");

    /** The isolation levels PostgreSQL accepts by name, in the order its hint lists them. */
    private static final List<String> ISOLATION_LEVELS = List.of("serializable", "repeatable read", "read committed",
            "read uncommitted");

    private final Map<String, String> defaults = new LinkedHashMap<>();
    /** Read for every statement (search_path, the transaction's characteristics), so hashed rather than sorted. */
    private final Map<String, String> values = new HashMap<>();
    /** Whether SET TRANSACTION or BEGIN gave the current transaction characteristics other than its defaults. */
    private boolean characteristicsChanged;
    private boolean readOnly;
    /** The parsed TimeZone: values are formatted with it for every row sent, so it is not parsed each time. */
    private ZoneId timeZone;
    private IsolationLevel isolation = IsolationLevel.READ_COMMITTED;
    private long statementTimeoutMillis;
    private long idleInTransactionTimeoutMillis;
    private long changes;

    SessionSettings(String user) {
        defaults.put("application_name", "");
        defaults.put("client_encoding", "UTF8");
        defaults.put("datestyle", "ISO, MDY");
        defaults.put("default_transaction_read_only", "off");
        defaults.put("in_hot_standby", "off");
        defaults.put("integer_datetimes", "on");
        defaults.put("intervalstyle", "postgres");
        defaults.put("is_superuser", "on");
        defaults.put("server_encoding", "UTF8");
        defaults.put("server_version", "15.0");
        defaults.put("server_version_num", "150000");
        defaults.put("session_authorization", user);
        defaults.put("role", "none");
        defaults.put("standard_conforming_strings", "on");
        defaults.put("timezone", "Etc/UTC");
        defaults.put("search_path", "\"$user\", public");
        defaults.put("default_transaction_isolation", "read committed");
        defaults.put("default_transaction_deferrable", "off");
        defaults.put("transaction_isolation", "read committed");
        defaults.put("transaction_read_only", "off");
        defaults.put("transaction_deferrable", "off");
        defaults.put("statement_timeout", "0");
        defaults.put("idle_in_transaction_session_timeout", "0");
        defaults.put("extra_float_digits", "1");
        defaults.put("lc_messages", "C");
        defaults.put("max_identifier_length", "63");
        defaults.put("max_index_keys", "32");
        defaults.put("max_connections", "100");
        defaults.put("password_encryption", "scram-sha-256");
        values.putAll(defaults);
        timeZone = ZoneId.of(defaults.get("timezone"));
    }

    /** Returns the name a parameter is shown under, e.g. {@code TimeZone}. */
    static String displayName(String name) {
        return DISPLAY_NAMES.getOrDefault(name, name);
    }

    /** Sets is_superuser from the role the session authenticated as. */
    void superuser(boolean superuser) {
        String value = superuser ? "on" : "off";
        defaults.put("is_superuser", value);
        store("is_superuser", value);
    }

    /** Sets a setting of the server that sessions only show, such as the storage's shared_buffers. */
    void serverSetting(String name, String value) {
        defaults.put(name, value);
        store(name, value);
    }

    /** Stores a value the session derives (role, session_authorization, is_superuser), read-only or not. */
    void internal(String name, String value) {
        store(name, value);
    }

    /** Returns a parameter's value, or throws 42704 for an unknown one. */
    String get(String name) {
        String value = values.get(name);
        if (value != null) {
            return value;
        }
        String key = name.toLowerCase(Locale.ROOT);
        value = values.get(key);
        if (value == null) {
            throw unrecognized(name);
        }
        return value;
    }

    Map<String, String> all() {
        return values;
    }

    /** Returns every parameter in name order, as SHOW ALL lists them and RESET ALL reports them. */
    Map<String, String> sorted() {
        return new TreeMap<>(values);
    }

    /**
     * Sets a parameter and returns the value stored; {@code null} means DEFAULT. Names with a dot
     * are placeholders any extension may use, as in PostgreSQL.
     */
    String set(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        if (READ_ONLY.contains(key)) {
            throw new PgException(SqlState.CANT_CHANGE_RUNTIME_PARAM, "parameter \"" + key + "\" cannot be changed");
        }
        if (SET_AT_START.contains(key)) {
            throw new PgException(SqlState.CANT_CHANGE_RUNTIME_PARAM,
                    "parameter \"" + key + "\" cannot be changed without restarting the server");
        }
        if (!values.containsKey(key) && key.indexOf('.') < 0) {
            throw unrecognized(name);
        }
        String stored = value == null ? defaults.getOrDefault(key, "") : normalise(key, value);
        store(key, stored);
        return stored;
    }

    /** Stores a value and what is derived from it, which statements read far more often than SET changes it. */
    private void store(String key, String value) {
        String previous = values.put(key, value);
        if (value.equals(previous)) {
            return;
        }
        changes++;
        if (TRANSACTION_CHARACTERISTICS.contains(key) || key.startsWith("default_transaction_")) {
            characteristicsChanged = true;
        }
        switch (key) {
            case "transaction_read_only" -> readOnly = value.equals("on");
            case "timezone" -> timeZone = ZoneId.of(value);
            case "transaction_isolation" -> isolation = IsolationLevel.fromSqlName(value).orElseThrow();
            case "statement_timeout" -> statementTimeoutMillis = TimeSetting.parseMillis(key, value);
            case "idle_in_transaction_session_timeout" ->
                    idleInTransactionTimeoutMillis = TimeSetting.parseMillis(key, value);
            default -> { }
        }
    }

    /** Returns a number that changes whenever a parameter's value does, so that callers can skip comparing them. */
    long changes() {
        return changes;
    }

    /**
     * Returns the value {@link #set} would store, without storing it: the checks of a value
     * before anything acts on it.
     */
    String validate(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        return value == null ? null : normalise(key, value);
    }

    /** Gives the transaction characteristics their session defaults, as every new transaction has them. */
    void resetTransactionCharacteristics() {
        if (!characteristicsChanged) {
            return;
        }
        for (String name : TRANSACTION_CHARACTERISTICS) {
            store(name, values.get("default_" + name));
        }
        characteristicsChanged = false;
    }

    /** Returns the isolation level the current transaction runs at. */
    IsolationLevel isolation() {
        return isolation;
    }

    /** Returns whether the current transaction is READ ONLY. */
    boolean readOnly() {
        return readOnly;
    }

    /** Returns statement_timeout in milliseconds; 0 means none. */
    long statementTimeoutMillis() {
        return statementTimeoutMillis;
    }

    /** idle_in_transaction_session_timeout, parsed when set: the backend reads it before every message. */
    long idleInTransactionTimeoutMillis() {
        return idleInTransactionTimeoutMillis;
    }

    /** Returns the session time zone. */
    ZoneId timeZone() {
        return timeZone;
    }

    private static String normalise(String key, String value) {
        return switch (key) {
            case "client_encoding" -> {
                String upper = value.toUpperCase(Locale.ROOT).replace("-", "");
                if (!upper.equals("UTF8") && !upper.equals("UNICODE")) {
                    throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                            "conversion between " + value + " and UTF8 is not supported");
                }
                yield "UTF8";
            }
            case "timezone" -> {
                try {
                    String zone = value.equalsIgnoreCase("utc") ? "UTC" : value;
                    ZoneId.of(zone);
                    yield zone;
                } catch (java.time.DateTimeException e) {
                    throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                            "invalid value for parameter \"TimeZone\": \"" + value + "\"");
                }
            }
            case "datestyle" -> {
                String upper = value.toUpperCase(Locale.ROOT);
                if (!upper.contains("ISO") && !upper.equals("MDY")) {
                    throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                            "DateStyle \"" + value + "\" is not supported yet; Modgres prints ISO dates");
                }
                yield "ISO, MDY";
            }
            case "default_transaction_isolation", "transaction_isolation" -> isolationLevel(key, value);
            case "default_transaction_read_only", "transaction_read_only", "default_transaction_deferrable",
                 "transaction_deferrable" -> onOrOff(key, value);
            case "password_encryption" -> {
                String method = value.toLowerCase(Locale.ROOT);
                if (!method.equals("md5") && !method.equals("scram-sha-256")) {
                    throw new PgException(SqlState.INVALID_PARAMETER_VALUE, Severity.ERROR,
                            "invalid value for parameter \"password_encryption\": \"" + value + "\"", null,
                            "Available values: md5, scram-sha-256.", 0, null);
                }
                yield method;
            }
            case "statement_timeout", "idle_in_transaction_session_timeout" ->
                    TimeSetting.format(TimeSetting.parseMillis(key, value));
            default -> value;
        };
    }

    /** Reads an isolation level as PostgreSQL's enum parameters do: a listed name, in any case. */
    private static String isolationLevel(String key, String value) {
        String level = value.toLowerCase(Locale.ROOT);
        if (!ISOLATION_LEVELS.contains(level)) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, Severity.ERROR,
                    "invalid value for parameter \"" + key + "\": \"" + value + "\"", null,
                    "Available values: " + String.join(", ", ISOLATION_LEVELS) + ".", 0, null);
        }
        if (level.equals("serializable")) {
            // running it as REPEATABLE READ would let through anomalies the client asked to be kept from
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, Severity.ERROR,
                    "transaction isolation level SERIALIZABLE is not supported yet", null,
                    "Use REPEATABLE READ, the strictest level Modgres supports so far.", 0, null);
        }
        return level;
    }

    /** Reads a Boolean parameter as PostgreSQL's parse_bool does, and shows it as on or off. */
    private static String onOrOff(String key, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1", "t", "y" -> "on";
            case "off", "false", "no", "0", "f", "n" -> "off";
            default -> throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                    "parameter \"" + key + "\" requires a Boolean value");
        };
    }

    private static PgException unrecognized(String name) {
        return new PgException(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
    }
}
