package org.modgres.api.catalog;

import java.util.List;

import org.modgres.api.type.PgType;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One signature of a function of the system catalogs, such as {@code pg_get_userbyid(oid)}.
 * Catalog bundles register implementations as services, one per name and number of arguments;
 * the planner offers each as a function callable with or without the {@code pg_catalog.} prefix.
 */
@ConsumerType
public interface SystemFunction {

    /** Returns the name, in lower case. */
    String name();

    /**
     * Returns the parameter types. Each argument reaches {@link #apply} in its type's Java class;
     * {@link PgType#UNKNOWN} takes an argument of any type as it is.
     */
    List<PgType> parameterTypes();

    /** Returns the type of the result. */
    PgType returnType();

    /** Returns whether a NULL argument makes the result NULL without a call, as STRICT functions do. */
    default boolean strict() {
        return true;
    }

    /**
     * Computes the result for one call.
     *
     * @throws org.modgres.api.error.PgException for arguments PostgreSQL refuses
     */
    Object apply(SystemRelationContext context, Object[] arguments);
}
