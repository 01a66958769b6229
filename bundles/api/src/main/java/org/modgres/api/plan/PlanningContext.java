package org.modgres.api.plan;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

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
 */
public record PlanningContext(Catalog catalog, List<PgType> declaredParameterTypes,
                              boolean sharesPlansAcrossLiterals) {

    public PlanningContext {
        Objects.requireNonNull(catalog, "catalog");
        declaredParameterTypes = Collections.unmodifiableList(new java.util.ArrayList<>(declaredParameterTypes));
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
