package org.modgres.api.plan;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.modgres.api.sql.SqlParser;
import org.modgres.api.storage.Catalog;
import org.modgres.api.type.PgType;

/**
 * What a planner plans against.
 *
 * @param catalog                 the catalog the statement runs against
 * @param declaredParameterTypes  the parameter types the client declared in Parse, by position;
 *                                a {@code null} entry (OID 0 on the wire) or a missing one asks
 *                                the planner to infer the type
 * @param sharesPlansAcrossLiterals whether the planner may plan the statement with some of its
 *                                literals made parameters ({@link RelationalPlan#literalParameters()}),
 *                                so that one plan serves statements that differ only in them: true
 *                                for the simple query protocol, where clients put values into the
 *                                text; false where the parameters the plan reports go back to the
 *                                client (a Parse's ParameterDescription)
 * @param searchPath              the schemas of the session's search_path that exist, in order, as
 *                                {@code current_schemas(false)} lists them: unqualified names are looked
 *                                up in pg_catalog (unless the path names it later) and then in these;
 *                                CREATE puts what it makes into the first. Plans made under one path
 *                                serve only that path
 * @param parser                  the parser of the session, which reads the queries of views; null
 *                                when none is at hand (views can then not be read)
 */
public record PlanningContext(Catalog catalog, List<PgType> declaredParameterTypes,
                              boolean sharesPlansAcrossLiterals, List<String> searchPath, SqlParser parser) {

    /** The search_path of a session that did not change it: {@code "$user", public} without a schema for the user. */
    public static final List<String> DEFAULT_SEARCH_PATH = List.of(Catalog.DEFAULT_SCHEMA);

    public PlanningContext {
        Objects.requireNonNull(catalog, "catalog");
        declaredParameterTypes = Collections.unmodifiableList(new java.util.ArrayList<>(declaredParameterTypes));
        searchPath = List.copyOf(searchPath);
    }

    /** A context with the default search_path and no parser. */
    public PlanningContext(Catalog catalog, List<PgType> declaredParameterTypes,
                           boolean sharesPlansAcrossLiterals) {
        this(catalog, declaredParameterTypes, sharesPlansAcrossLiterals, DEFAULT_SEARCH_PATH, null);
    }

    /** A context whose plans keep the statement's literals. */
    public PlanningContext(Catalog catalog, List<PgType> declaredParameterTypes) {
        this(catalog, declaredParameterTypes, false);
    }

    /** Returns the declared type of parameter {@code index} (0-based), or null when undeclared. */
    public PgType declaredType(int index) {
        return index < declaredParameterTypes.size() ? declaredParameterTypes.get(index) : null;
    }
}
