package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.modgres.api.catalog.SystemFunction;
import org.modgres.api.catalog.SystemRelation;

/**
 * The system relations and functions registered now. Planning reads a snapshot per statement, so
 * a catalog bundle that comes or goes changes the next statement, never one being planned.
 */
final class SystemCatalog {

    /** The schema searched before the user's, as PostgreSQL puts pg_catalog first in the search path. */
    static final String PG_CATALOG = "pg_catalog";

    private final List<SystemRelation> relations = new CopyOnWriteArrayList<>();
    private final List<SystemFunction> functions = new CopyOnWriteArrayList<>();
    private volatile SqlOperatorTable operators = SqlOperatorTables.of();

    void add(SystemRelation relation) {
        relations.add(relation);
    }

    void remove(SystemRelation relation) {
        relations.remove(relation);
    }

    void add(SystemFunction function) {
        functions.add(function);
        operators = buildOperators();
    }

    void remove(SystemFunction function) {
        functions.remove(function);
        operators = buildOperators();
    }

    /** Returns the Calcite tables of the relations, by schema and then by name. */
    Map<String, Map<String, Table>> schemas() {
        Map<String, Map<String, Table>> schemas = new LinkedHashMap<>();
        for (SystemRelation relation : relations) {
            schemas.computeIfAbsent(relation.schema(), s -> new LinkedHashMap<>())
                    .putIfAbsent(relation.name(), new SystemTable(relation));
        }
        return schemas;
    }

    /** Returns the function with this name and number of parameters, or null. */
    SystemFunction function(String name, int parameterCount) {
        for (SystemFunction function : functions) {
            if (function.name().equals(name) && function.parameterTypes().size() == parameterCount) {
                return function;
            }
        }
        return null;
    }

    /** Returns the operators of the system functions. */
    SqlOperatorTable operators() {
        return operators;
    }

    private SqlOperatorTable buildOperators() {
        List<SqlOperator> list = new ArrayList<>();
        for (SystemFunction function : functions) {
            list.add(new SystemSqlFunction(function));
        }
        return SqlOperatorTables.of(list);
    }
}
