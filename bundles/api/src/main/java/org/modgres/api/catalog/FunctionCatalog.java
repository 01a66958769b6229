package org.modgres.api.catalog;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The functions {@code pg_proc} lists, built in or registered as {@link SystemFunction}s, with
 * their OIDs and signatures, so that privileges on functions can be kept and checked by OID.
 * Registered by the bundle that provides {@code pg_proc}.
 */
@ProviderType
public interface FunctionCatalog {

    /**
     * One function.
     *
     * @param oid           its OID in pg_proc
     * @param name          its name, in lower case
     * @param argumentTypes the OIDs of its argument types (proargtypes)
     * @param signature     its name and argument types as PostgreSQL's messages write them, as
     *                      {@code upper(text)} or {@code now()}
     */
    record Function(long oid, String name, List<Long> argumentTypes, String signature) {
        public Function {
            argumentTypes = List.copyOf(argumentTypes);
        }
    }

    /** Returns every function pg_proc lists, all of them in schema pg_catalog. */
    List<Function> functions();

    /**
     * Finds the function a GRANT or REVOKE names, as PostgreSQL's LookupFuncWithArgs does.
     *
     * @param name          the name as written, one or two parts ([schema,] name)
     * @param argumentTypes the argument types as written ({@code integer}, {@code text}), or null
     *                      when the statement gave no argument list
     * @throws org.modgres.api.error.PgException 42883 when there is no such function, 42725 when
     *         a name without arguments stands for more than one
     */
    Function resolve(List<String> name, List<String> argumentTypes);
}
