package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modgres.api.catalog.FunctionCatalog;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.sql.GrantStatement;
import org.modgres.api.storage.Catalog;

/**
 * The functions a GRANT or REVOKE ON FUNCTION or ON ALL FUNCTIONS IN SCHEMA names, found in
 * pg_proc as PostgreSQL's LookupFuncWithArgs finds them. Every function is in pg_catalog, so ALL
 * FUNCTIONS IN SCHEMA of another schema names none.
 */
final class FunctionGrants {

    private FunctionGrants() {
    }

    /** Finds the functions a statement names, in the order named, each once. */
    static List<GrantTarget> resolve(GrantStatement statement, AccessControl access, Catalog catalog,
                                     FunctionCatalog functions) {
        if (functions == null) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    "privileges on functions are not supported without the pg_catalog bundle");
        }
        Map<Long, GrantTarget> targets = new LinkedHashMap<>();
        if (statement.allInSchema() != null) {
            String schema = statement.allInSchema();
            if (!schema.equals("pg_catalog")) {
                if (catalog.schema(schema).isEmpty() && !schema.equals("information_schema")) {
                    throw new PgException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + schema + "\" does not exist");
                }
                return List.of();
            }
            for (FunctionCatalog.Function function : functions.functions()) {
                targets.putIfAbsent(function.oid(), target(access, function));
            }
            return new ArrayList<>(targets.values());
        }
        for (List<String> written : statement.tables()) {
            int arguments = written.indexOf(GrantStatement.ARGUMENTS);
            List<String> name = arguments < 0 ? written : written.subList(0, arguments);
            List<String> types = arguments < 0 ? null : written.subList(arguments + 1, written.size());
            FunctionCatalog.Function function = functions.resolve(name, types);
            targets.putIfAbsent(function.oid(), target(access, function));
        }
        return new ArrayList<>(targets.values());
    }

    private static GrantTarget target(AccessControl access, FunctionCatalog.Function function) {
        RelationPrivileges kept = access.roles().functionPrivileges().get(function.oid());
        return new GrantTarget(function.name(), RelationPrivileges.ofFunction(function.oid(),
                kept == null ? null : kept.acl()), null);
    }

    static PgException denied(String function) {
        return new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for function " + function);
    }
}
