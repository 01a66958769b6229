package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.apache.calcite.sql.SqlIdentifier;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.sql.SqlParser;
import org.modgres.api.storage.Catalog;

/**
 * Where a statement's unqualified names are looked up and where CREATE puts what it makes, as
 * PostgreSQL's namespace.c decides from search_path: pg_catalog first unless the path names it,
 * then the path's schemas; a new relation goes into the first schema of the path. The path of
 * the statement being planned is {@link #current()}, set around planning, so that the many
 * places that qualify a name need not pass it along.
 */
final class SearchPath {

    private static final ScopedValue<SearchPath> CURRENT = ScopedValue.newInstance();

    private static final SearchPath DEFAULT = new SearchPath(null, PlanningContext.DEFAULT_SEARCH_PATH, null);

    private final Catalog catalog;
    private final List<String> schemas;
    private final SqlParser parser;

    /**
     * @param catalog the catalog names are looked up in; null to look nothing up
     * @param schemas the schemas of search_path that exist, in order
     * @param parser  the session's parser, which reads the queries of views; null when there is none
     */
    SearchPath(Catalog catalog, List<String> schemas, SqlParser parser) {
        this.catalog = catalog;
        this.schemas = List.copyOf(schemas);
        this.parser = parser;
    }

    /** Returns the parser the queries of views are read with, or null. */
    SqlParser parser() {
        return parser;
    }

    /** Returns the path of the statement being planned; the default one outside planning. */
    static SearchPath current() {
        return CURRENT.isBound() ? CURRENT.get() : DEFAULT;
    }

    /** Runs planning with this path as {@link #current()}. */
    <T> T during(Supplier<T> planning) {
        return ScopedValue.where(CURRENT, this).call(planning::get);
    }

    /** Returns the path's schemas as given: current_schemas(false). */
    List<String> schemas() {
        return schemas;
    }

    /** Returns the schemas unqualified names are looked up in, in order: pg_catalog first unless the path names it. */
    List<String> lookupOrder() {
        List<String> order = new ArrayList<>();
        if (!schemas.contains(SystemCatalog.PG_CATALOG)) {
            order.add(SystemCatalog.PG_CATALOG);
        }
        order.addAll(schemas);
        return order;
    }

    /** Returns the schema CREATE puts an unqualified name into, or throws 3F000 when the path has none. */
    String creationSchema() {
        if (schemas.isEmpty()) {
            throw new PgException(SqlState.INVALID_SCHEMA_NAME, "no schema has been selected to create in");
        }
        return schemas.get(0);
    }

    /** Returns [schema, name] for a relation CREATE makes. */
    List<String> forCreate(SqlIdentifier identifier) {
        List<String> names = identifier.names;
        if (names.size() == 1) {
            return List.of(creationSchema(), names.get(0));
        }
        List<String> qualified = qualified(identifier);
        if (catalog != null && catalog.schema(qualified.get(0)).isEmpty()) {
            throw new PgException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + qualified.get(0) + "\" does not exist");
        }
        return qualified;
    }

    /**
     * Returns [schema, name] for an existing relation: in the first schema of the path that has a
     * table, view or sequence of that name, else in the first schema of the path (whose lookup
     * then fails with the usual error).
     */
    List<String> qualified(SqlIdentifier identifier) {
        List<String> names = identifier.names;
        return switch (names.size()) {
            case 1 -> List.of(schemaOf(names.get(0)), names.get(0));
            case 2 -> List.of(names.get(0), names.get(1));
            case 3 -> List.of(names.get(1), names.get(2));
            default -> throw new PgException(SqlState.SYNTAX_ERROR,
                    "improper qualified name (too many dotted names): " + String.join(".", names));
        };
    }

    private String schemaOf(String name) {
        if (catalog != null) {
            for (String schema : schemas) {
                if (catalog.table(schema, name).isPresent() || catalog.view(schema, name).isPresent()
                        || catalog.sequence(schema, name).isPresent()) {
                    return schema;
                }
            }
        }
        return schemas.isEmpty() ? Catalog.DEFAULT_SCHEMA : schemas.get(0);
    }
}
