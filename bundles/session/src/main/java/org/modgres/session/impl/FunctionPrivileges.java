package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.modgres.api.catalog.FunctionCatalog;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.TablePrivilege;

/**
 * EXECUTE on the functions a plan calls, as PostgreSQL checks it when a statement starts: for the
 * statement's role, also for the calls inside the views it reads (PostgreSQL runs a view's
 * functions with the rights of the role that reads it, unlike its tables). Nothing is walked while
 * no function's list was ever changed, which is the common case; once one was, each plan's calls
 * are gathered once and kept by the identity of its root.
 *
 * <p>A call is matched to pg_proc by name and number of arguments, and among overloads by its
 * argument types; a call whose types match no overload exactly is checked against every overload
 * of its name and arity that has a list, which can only refuse more than PostgreSQL would.
 */
final class FunctionPrivileges {

    /** One call in a plan: the function's name in lower case and its arguments' type OIDs (0: unknown). */
    record Call(String name, List<Long> argumentTypes) {
    }

    /** The functions of pg_proc by name, for one state of the function lists. */
    private record Overloads(Map<Long, RelationPrivileges> acls, Map<String, List<FunctionCatalog.Function>> byName) {
    }

    private static final Map<RelNode, Set<Call>> CALLS = Collections.synchronizedMap(new WeakHashMap<>());
    private static volatile Overloads overloads;

    private FunctionPrivileges() {
    }

    /**
     * Throws 42501 {@code permission denied for function} unless the role may execute every
     * function the plan calls.
     */
    static void check(RelationalPlan plan, AccessControl access, FunctionCatalog functions) {
        Map<Long, RelationPrivileges> acls = access.roles().functionPrivileges();
        if (acls.isEmpty() || functions == null || access.superuser()) {
            return;
        }
        Overloads known = overloads(acls, functions);
        for (Call call : calls(plan)) {
            List<FunctionCatalog.Function> named = known.byName().get(call.name());
            if (named == null) {
                continue;
            }
            for (FunctionCatalog.Function function : matching(named, call)) {
                RelationPrivileges acl = acls.get(function.oid());
                if (acl != null && !RelationPrivileges.ofFunction(function.oid(), acl.acl())
                        .privilegesOf(access.privilegeRoles()).contains(TablePrivilege.EXECUTE)) {
                    throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE,
                            "permission denied for function " + function.name());
                }
            }
        }
    }

    /** Returns the overloads a call stands for: the one its types match, or all of its arity. */
    private static List<FunctionCatalog.Function> matching(List<FunctionCatalog.Function> named, Call call) {
        List<FunctionCatalog.Function> sameArity = named.stream()
                .filter(function -> function.argumentTypes().size() == call.argumentTypes().size()).toList();
        for (FunctionCatalog.Function function : sameArity) {
            if (function.argumentTypes().equals(call.argumentTypes())) {
                return List.of(function);
            }
        }
        return sameArity;
    }

    /** Returns the functions named as some function with a list is, by name, for the lists as they are. */
    private static Overloads overloads(Map<Long, RelationPrivileges> acls, FunctionCatalog functions) {
        Overloads known = overloads;
        if (known != null && known.acls() == acls) {
            return known;
        }
        List<FunctionCatalog.Function> all = functions.functions();
        Set<String> restricted = new LinkedHashSet<>();
        for (FunctionCatalog.Function function : all) {
            if (acls.containsKey(function.oid())) {
                restricted.add(function.name());
            }
        }
        Map<String, List<FunctionCatalog.Function>> byName = new HashMap<>();
        for (FunctionCatalog.Function function : all) {
            if (restricted.contains(function.name())) {
                byName.computeIfAbsent(function.name(), name -> new ArrayList<>()).add(function);
            }
        }
        known = new Overloads(acls, byName);
        overloads = known;
        return known;
    }

    /** Returns the calls of a plan, its RETURNING, ON CONFLICT, CHECK constraints and sub-queries included. */
    static Set<Call> calls(RelationalPlan plan) {
        Set<Call> calls = new LinkedHashSet<>(calls(plan.root()));
        for (RelNode part : new RelNode[] {plan.returning(), plan.checks(),
                plan.onConflict() == null ? null : plan.onConflict().update()}) {
            if (part != null) {
                calls.addAll(calls(part));
            }
        }
        return calls;
    }

    private static Set<Call> calls(RelNode root) {
        Set<Call> known = CALLS.get(root);
        if (known == null) {
            Set<Call> found = new LinkedHashSet<>();
            gather(root, found);
            known = Collections.unmodifiableSet(found);
            CALLS.put(root, known);
        }
        return known;
    }

    private static void gather(RelNode node, Set<Call> calls) {
        node.accept(new RexShuttle() {
            @Override
            public RexNode visitCall(RexCall call) {
                calls.add(call(call.getOperator().getName(), call.getOperands().stream().map(RexNode::getType)
                        .toList()));
                return super.visitCall(call);
            }

            @Override
            public RexNode visitOver(RexOver over) {
                visitCall(over);
                return super.visitOver(over);
            }

            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
                gather(subQuery.rel, calls);
                return super.visitSubQuery(subQuery);
            }
        });
        if (node instanceof Aggregate aggregate) {
            List<RelDataType> fields = aggregate.getInput().getRowType().getFieldList().stream()
                    .map(field -> field.getType()).toList();
            for (AggregateCall call : aggregate.getAggCallList()) {
                calls.add(call(call.getAggregation().getName(), call.getArgList().stream().map(fields::get).toList()));
            }
        }
        for (RelNode input : node.getInputs()) {
            gather(input, calls);
        }
    }

    private static Call call(String name, List<RelDataType> argumentTypes) {
        return new Call(name.toLowerCase(Locale.ROOT), argumentTypes.stream().map(FunctionPrivileges::typeOid)
                .toList());
    }

    /** Returns the pg_type OID of an argument's type as the planner maps PostgreSQL's types; 0 when unsure. */
    private static long typeOid(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> 16;
            case TINYINT, SMALLINT -> 21;
            case INTEGER -> 23;
            case BIGINT -> 20;
            case DECIMAL -> 1700;
            case REAL, FLOAT -> 700;
            case DOUBLE -> 701;
            case CHAR, VARCHAR -> 25;
            case BINARY, VARBINARY -> 17;
            case DATE -> 1082;
            case TIME -> 1083;
            case TIMESTAMP -> 1114;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> 1184;
            default -> 0;
        };
    }
}
