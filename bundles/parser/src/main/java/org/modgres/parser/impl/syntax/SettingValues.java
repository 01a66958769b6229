package org.modgres.parser.impl.syntax;

import java.util.List;
import java.util.Set;

/**
 * The value of {@code SET name = v1, v2} as PostgreSQL shows it (guc.c, flatten_set_variable_args):
 * the values joined with ", ", string literals without their quotes. For the parameters that
 * hold lists of names (search_path and a few others) each value is shown as an identifier,
 * quoted when it needs to be: {@code SET search_path = '$user', public} shows
 * {@code "$user", public}.
 */
final class SettingValues {

    private static final Set<String> NAME_LISTS = Set.of("search_path", "temp_tablespaces",
            "session_preload_libraries", "shared_preload_libraries", "local_preload_libraries");

    private SettingValues() {
    }

    /** Returns the value shown for {@code values}, or {@code null} (DEFAULT) for {@code null}. */
    static String format(String name, List<String> values) {
        if (values == null) {
            return null;
        }
        if (!NAME_LISTS.contains(name)) {
            return String.join(", ", values);
        }
        final StringBuilder shown = new StringBuilder();
        for (String value : values) {
            if (!shown.isEmpty()) {
                shown.append(", ");
            }
            shown.append(quoteIdentifier(value));
        }
        return shown.toString();
    }

    /** Quotes a name unless it consists of lower-case letters, digits and underscores only. */
    private static String quoteIdentifier(String name) {
        boolean plain = !name.isEmpty() && !Character.isDigit(name.charAt(0));
        for (int i = 0; plain && i < name.length(); i++) {
            final char c = name.charAt(i);
            plain = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
        }
        return plain ? name : '"' + name.replace("\"", "\"\"") + '"';
    }
}
