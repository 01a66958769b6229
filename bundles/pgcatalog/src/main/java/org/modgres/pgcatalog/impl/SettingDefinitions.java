package org.modgres.pgcatalog.impl;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code pg_settings} tells of each run-time parameter a session has, beside its value:
 * PostgreSQL 15's unit, category, descriptions, context, type and bounds, and the value a
 * Modgres session starts with (its boot value).
 */
final class SettingDefinitions {

    /** One parameter; empty texts stand for NULL. */
    record Definition(String name, String unit, String category, String shortDescription, String extraDescription,
                      String context, String type, String minimum, String maximum, List<String> enumValues,
                      String bootValue) {
    }

    private static final String LOCALE = "Client Connection Defaults / Locale and Formatting";
    private static final String STATEMENT = "Client Connection Defaults / Statement Behavior";
    private static final String PRESET = "Preset Options";
    private static final List<String> ISOLATION_LEVELS =
            List.of("serializable", "repeatable read", "read committed", "read uncommitted");

    // name|unit|category|short_desc|extra_desc|context|vartype|min_val|max_val|enumvals (;)|boot_val
    private static final String TABLE = """
            application_name||Reporting and Logging / What to Log|Sets the application name to be reported in \
            statistics and logs.||user|string||||
            client_encoding||LOCALE|Sets the client's character set encoding.||user|string||||UTF8
            DateStyle||LOCALE|Sets the display format for date and time values.|Also controls interpretation of \
            ambiguous date inputs.|user|string||||ISO, MDY
            default_transaction_deferrable||STATEMENT|Sets the default deferrable status of new transactions.||user|\
            bool||||off
            default_transaction_isolation||STATEMENT|Sets the transaction isolation level of each new transaction.||\
            user|enum|||ISOLATION|read committed
            default_transaction_read_only||STATEMENT|Sets the default read-only status of new transactions.||user|\
            bool||||off
            extra_float_digits||LOCALE|Sets the number of digits displayed for floating-point values.|This affects \
            real, double precision, and geometric data types. A zero or negative parameter value is added to the \
            standard number of digits (FLT_DIG or DBL_DIG as appropriate). Any value greater than zero selects \
            precise output mode.|user|integer|-15|3||1
            idle_in_transaction_session_timeout|ms|STATEMENT|Sets the maximum allowed idle time between queries, \
            when in a transaction.|A value of 0 turns off the timeout.|user|integer|0|2147483647||0
            in_hot_standby||PRESET|Shows whether hot standby is currently active.||internal|bool||||off
            integer_datetimes||PRESET|Shows whether datetimes are integer based.||internal|bool||||on
            IntervalStyle||LOCALE|Sets the display format for interval values.||user|enum|||postgres;\
            postgres_verbose;sql_standard;iso_8601|postgres
            lc_messages||LOCALE|Sets the language in which messages are displayed.||superuser|string||||C
            max_connections||Connections and Authentication / Connection Settings|Sets the maximum number of \
            concurrent connections.||postmaster|integer|1|262143||100
            max_identifier_length||PRESET|Shows the maximum identifier length.||internal|integer|63|63||63
            max_index_keys||PRESET|Shows the maximum number of index keys.||internal|integer|32|32||32
            search_path||STATEMENT|Sets the schema search order for names that are not schema-qualified.||user|\
            string||||"$user", public
            server_encoding||PRESET|Shows the server (database) character set encoding.||internal|string||||UTF8
            server_version||PRESET|Shows the server version.||internal|string||||15.0
            server_version_num||PRESET|Shows the server version as an integer.||internal|integer|150000|150000||\
            150000
            standard_conforming_strings||Version and Platform Compatibility / Previous PostgreSQL Versions|Causes \
            '...' strings to treat backslashes literally.||user|bool||||on
            statement_timeout|ms|STATEMENT|Sets the maximum allowed duration of any statement.|A value of 0 turns \
            off the timeout.|user|integer|0|2147483647||0
            TimeZone||LOCALE|Sets the time zone for displaying and interpreting time stamps.||user|string||||Etc/UTC
            transaction_deferrable||STATEMENT|Whether to defer a read-only serializable transaction until it can be \
            executed with no possible serialization failures.||user|bool||||off
            transaction_isolation||STATEMENT|Sets the current transaction's isolation level.||user|enum|||ISOLATION|\
            read committed
            transaction_read_only||STATEMENT|Sets the current transaction's read-only status.||user|bool||||off
            """;

    private static final Map<String, Definition> BY_LOWER_CASE_NAME = parse();

    private SettingDefinitions() {
    }

    /**
     * Returns the definition of a parameter, by its name in any case; a name with a dot that
     * PostgreSQL does not define is a placeholder, a string any user may set.
     */
    static Definition of(String name) {
        Definition definition = BY_LOWER_CASE_NAME.get(name.toLowerCase(Locale.ROOT));
        if (definition != null) {
            return definition;
        }
        return new Definition(name, "", "Customized Options", "", "", "user", "string", "", "", List.of(), "");
    }

    private static Map<String, Definition> parse() {
        Map<String, Definition> definitions = new HashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] f = line.split("\\|", -1);
            String category = switch (f[2]) {
                case "LOCALE" -> LOCALE;
                case "STATEMENT" -> STATEMENT;
                case "PRESET" -> PRESET;
                default -> f[2];
            };
            List<String> enumValues = f[9].equals("ISOLATION") ? ISOLATION_LEVELS
                    : f[9].isEmpty() ? List.of() : Arrays.asList(f[9].split(";"));
            definitions.put(f[0].toLowerCase(Locale.ROOT),
                    new Definition(f[0], f[1], category, f[3], f[4], f[5], f[6], f[7], f[8], enumValues, f[10]));
        }
        return Map.copyOf(definitions);
    }
}
