package org.modgres.session.impl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.type.PgType;

/**
 * A backend's named prepared statements: those of the protocol's Parse and those of SQL's
 * PREPARE share one namespace, as in PostgreSQL, so EXECUTE runs either.
 */
final class SqlPreparedStatements {

    private final Map<String, PreparedStatement> named = new HashMap<>();

    /** The map the protocol's Parse and Close keep their named statements in. */
    Map<String, PreparedStatement> named() {
        return named;
    }

    void add(PreparedStatement statement) {
        if (named.containsKey(statement.name)) {
            throw new PgException(SqlState.DUPLICATE_PREPARED_STATEMENT,
                    "prepared statement \"" + statement.name + "\" already exists");
        }
        named.put(statement.name, statement);
    }

    PreparedStatement get(String name) {
        PreparedStatement statement = named.get(name);
        if (statement == null) {
            throw new PgException(SqlState.INVALID_SQL_STATEMENT_NAME,
                    "prepared statement \"" + name + "\" does not exist");
        }
        return statement;
    }

    /** Removes one statement, or all of them for a null name. */
    void remove(String name) {
        if (name == null) {
            named.clear();
        } else if (named.remove(name) == null) {
            throw new PgException(SqlState.INVALID_SQL_STATEMENT_NAME,
                    "prepared statement \"" + name + "\" does not exist");
        }
    }

    /** Refuses an EXECUTE whose arguments do not match the statement's parameters, as PostgreSQL words it. */
    static void checkArgumentCount(String name, List<PgType> parameterTypes, int arguments) {
        if (parameterTypes.size() != arguments) {
            throw new PgException(SqlState.SYNTAX_ERROR, Severity.ERROR,
                    "wrong number of parameters for prepared statement \"" + name + "\"",
                    "Expected " + parameterTypes.size() + " parameters but got " + arguments + ".", null, 0, null);
        }
    }

    /**
     * Returns the query whose one row holds EXECUTE's arguments, each cast to its parameter's type
     * as PostgreSQL coerces them.
     */
    static String argumentQuery(List<String> arguments, List<PgType> parameterTypes) {
        StringBuilder select = new StringBuilder("select ");
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) {
                select.append(", ");
            }
            PgType type = parameterTypes.get(i);
            if (type == PgType.UNKNOWN) {
                select.append('(').append(arguments.get(i)).append(')');
            } else {
                select.append("cast((").append(arguments.get(i)).append(") as ").append(type.sqlName()).append(')');
            }
        }
        return select.toString();
    }

    /** Returns the query whose one row's columns have the declared types of a PREPARE, in order. */
    static String typeQuery(List<String> typeNames) {
        StringBuilder select = new StringBuilder("select ");
        for (int i = 0; i < typeNames.size(); i++) {
            select.append(i > 0 ? ", " : "").append("cast(null as ").append(typeNames.get(i)).append(')');
        }
        return select.toString();
    }
}
