package org.modgres.pgcatalog.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.modgres.api.catalog.SystemRelationContext;
import org.modgres.api.storage.Catalog;

/**
 * The schemas of a session's search_path that exist, as PostgreSQL's recomputeNamespacePath
 * finds them: {@code "$user"} stands for the schema named after the current role.
 */
final class SearchPaths {

    private static final String DEFAULT = "\"$user\", public";
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema");

    private SearchPaths() {
    }

    /** Returns the existing schemas of the statement's session's search_path, in order. */
    static List<String> existing(SystemRelationContext context, Catalog catalog) {
        String setting = context.settings().getOrDefault("search_path", DEFAULT);
        List<String> schemas = new ArrayList<>();
        for (String name : names(setting)) {
            String schema = name.equals("$user") ? context.currentUser() : name;
            if (!schemas.contains(schema) && (SYSTEM_SCHEMAS.contains(schema) || catalog.schema(schema).isPresent())) {
                schemas.add(schema);
            }
        }
        return schemas;
    }

    /** Splits a search_path value into names: unquoted ones folded to lower case, quoted ones as written. */
    static List<String> names(String setting) {
        List<String> names = new ArrayList<>();
        for (String part : setting.split(",")) {
            String name = part.strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                names.add(name.substring(1, name.length() - 1).replace("\"\"", "\""));
            } else if (!name.isEmpty()) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
