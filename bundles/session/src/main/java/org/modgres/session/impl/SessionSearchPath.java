package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.Catalog;

/**
 * The schemas a session's search_path names that exist, in order, as PostgreSQL's
 * recomputeNamespacePath finds them: {@code "$user"} stands for the schema named after the
 * current role, names of schemas that do not exist or the role may not use are left out. The path of the statement
 * being run is {@link #current()}, so that the commands qualifying names need not pass it along.
 */
final class SessionSearchPath {

    private static final ScopedValue<SessionSearchPath> CURRENT = ScopedValue.newInstance();

    /** The schemas that exist without CREATE SCHEMA, besides public. */
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema");

    private final String setting;
    private final List<String> names;
    private final String user;
    private final long catalogVersion;
    private final List<String> schemas;
    private final Catalog catalog;

    private SessionSearchPath(String setting, List<String> names, String user, Catalog catalog, List<String> schemas) {
        this.setting = setting;
        this.names = names;
        this.user = user;
        this.catalog = catalog;
        this.catalogVersion = catalog.version();
        this.schemas = schemas;
    }

    private static List<String> schemas(List<String> names, String user, Catalog catalog, Predicate<String> usable) {
        List<String> found = new ArrayList<>();
        for (String name : names) {
            String schema = name.equals("$user") ? user : name;
            if (!found.contains(schema) && exists(catalog, schema) && usable.test(schema)) {
                found.add(schema);
            }
        }
        return List.copyOf(found);
    }

    /**
     * Returns the path for a setting without the schemas the role may not use (lacks USAGE on),
     * which PostgreSQL leaves out too, reusing {@code previous} when nothing it depends on changed.
     * Every statement asks, so the path is only worked out again when the setting, the role or
     * the catalog changed, or when {@code usable} is given (not null): the role's privileges may
     * have changed meanwhile, in another session.
     */
    static SessionSearchPath of(SessionSearchPath previous, String setting, String user, Catalog catalog,
                                Predicate<String> usable) {
        boolean sameSetting = previous != null && previous.setting.equals(setting);
        boolean unchanged = sameSetting && previous.user.equals(user) && previous.catalog == catalog
                && previous.catalogVersion == catalog.version();
        if (unchanged && usable == null) {
            return previous;
        }
        List<String> names = sameSetting ? previous.names : names(setting);
        List<String> schemas = schemas(names, user, catalog, usable == null ? schema -> true : usable);
        if (unchanged && previous.schemas.equals(schemas)) {
            return previous;
        }
        return new SessionSearchPath(setting, names, user, catalog, schemas);
    }

    /** Returns the path of the statement being run; public alone outside one. */
    static List<String> current() {
        return CURRENT.isBound() ? CURRENT.get().schemas : List.of(Catalog.DEFAULT_SCHEMA);
    }

    /** Returns the schema an unqualified relation name refers to while a statement runs. */
    static String schemaOf(String name) {
        return CURRENT.isBound() ? CURRENT.get().lookup(name) : Catalog.DEFAULT_SCHEMA;
    }

    /** Returns the schema CREATE puts an unqualified name into while a statement runs. */
    static String creationSchema() {
        List<String> path = current();
        if (path.isEmpty()) {
            throw new PgException(SqlState.INVALID_SCHEMA_NAME, "no schema has been selected to create in");
        }
        return path.get(0);
    }

    /** Runs a statement with this path as {@link #current()}. */
    <T> T during(Supplier<T> statement) {
        return ScopedValue.where(CURRENT, this).call(statement::get);
    }

    /** Returns the schemas, as current_schemas(false) lists them. */
    List<String> schemas() {
        return schemas;
    }

    private String lookup(String name) {
        for (String schema : schemas) {
            if (catalog.table(schema, name).isPresent() || catalog.view(schema, name).isPresent()
                    || catalog.sequence(schema, name).isPresent()) {
                return schema;
            }
        }
        return schemas.isEmpty() ? Catalog.DEFAULT_SCHEMA : schemas.get(0);
    }

    private static boolean exists(Catalog catalog, String schema) {
        return SYSTEM_SCHEMAS.contains(schema) || catalog.schema(schema).isPresent();
    }

    /** Splits a search_path value into names: unquoted ones folded to lower case, quoted ones as written. */
    static List<String> names(String setting) {
        List<String> names = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < setting.length(); i++) {
            char c = setting.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < setting.length() && setting.charAt(i + 1) == '"') {
                    name.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    name.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                add(names, name, wasQuoted);
                name.setLength(0);
                wasQuoted = false;
            } else if (!Character.isWhitespace(c)) {
                name.append(wasQuoted ? c : Character.toLowerCase(c));
            }
        }
        add(names, name, wasQuoted);
        return names;
    }

    private static void add(List<String> names, StringBuilder name, boolean quoted) {
        if (!name.isEmpty() || quoted) {
            names.add(quoted ? name.toString() : name.toString().toLowerCase(Locale.ROOT));
        }
    }
}
