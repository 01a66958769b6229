package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.modgres.api.catalog.SystemFunction;
import org.modgres.api.catalog.SystemRelation;
import org.modgres.api.plan.PlannerRuleProvider;

/**
 * The system relations, functions and extra planner rules registered now. Planning reads a
 * snapshot per statement, so a bundle that comes or goes changes the next statement, never one
 * being planned.
 */
final class SystemCatalog {

    /** The schema searched before the user's, as PostgreSQL puts pg_catalog first in the search path. */
    static final String PG_CATALOG = "pg_catalog";

    private final List<SystemRelation> relations = new CopyOnWriteArrayList<>();
    private final List<SystemFunction> functions = new CopyOnWriteArrayList<>();
    private volatile SqlOperatorTable operators = SqlOperatorTables.of();
    /** The rules of each provider, read once when it registers. */
    private final Map<PlannerRuleProvider, List<RelOptRule>> ruleProviders = new LinkedHashMap<>();
    private volatile HepProgram extensionRules;

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

    synchronized void add(PlannerRuleProvider provider) {
        ruleProviders.put(provider, List.copyOf(provider.rules()));
        extensionRules = buildExtensionRules();
    }

    synchronized void remove(PlannerRuleProvider provider) {
        ruleProviders.remove(provider);
        extensionRules = buildExtensionRules();
    }

    /** Returns the program of the providers' rules, run after the planner's own; null when there are none. */
    HepProgram extensionRules() {
        return extensionRules;
    }

    /** Returns the providers with their rules, in the order they run. */
    synchronized Map<PlannerRuleProvider, List<RelOptRule>> ruleProviders() {
        return new LinkedHashMap<>(ruleProviders);
    }

    private HepProgram buildExtensionRules() {
        List<RelOptRule> rules = ruleProviders.values().stream().flatMap(List::stream).toList();
        return rules.isEmpty() ? null : new HepProgramBuilder().addRuleCollection(rules).build();
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
