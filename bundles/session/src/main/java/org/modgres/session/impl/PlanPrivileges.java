package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.role.TablePrivilege;

/**
 * The privileges a relational plan needs, by table ({@code [schema, name]} as the plan's
 * qualified names have them) and column, as PostgreSQL's range-table permission check derives
 * them: SELECT on the columns read, also in sub-queries and RETURNING; INSERT, UPDATE or DELETE
 * on the target of DML, UPDATE on the columns it sets. The target of UPDATE or DELETE needs
 * SELECT only on the columns the statement reads (in WHERE, or in the new values the projection
 * under the TableModify computes).
 *
 * <p>The columns a scan gives are followed up through filters, sorts and joins to the projection
 * or aggregate that uses them; a scan under anything else is taken to use all its columns,
 * which can only ask for more privileges than PostgreSQL does, never fewer.
 */
final class PlanPrivileges {

    /** The columns of a table a privilege is needed on, by 0-based position. */
    static final class Columns {
        private boolean all;
        private final BitSet used = new BitSet();

        /** Returns whether every column is needed: the plan's use could not be narrowed. */
        boolean all() {
            return all;
        }

        /** Returns the columns needed; empty when the statement reads no column (count(*)). */
        List<Integer> used() {
            return used.stream().boxed().toList();
        }

        void addAll() {
            all = true;
        }

        void add(int column) {
            if (column >= 0) {
                used.set(column);
            }
        }
    }

    private final Map<List<String>, Map<TablePrivilege, Columns>> needed = new LinkedHashMap<>();

    private PlanPrivileges() {
    }

    /**
     * What each plan needs, by the identity of its root: a cached plan runs again and again, and
     * walking it for every statement cost a twentieth of a primary-key lookup's time. Weak keys let
     * plans that are no longer cached go.
     */
    private static final Map<RelNode, Map<List<String>, Map<TablePrivilege, Columns>>> KNOWN =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** Returns the privileges the plan needs, by table; the result is shared and must not be changed. */
    static Map<List<String>, Map<TablePrivilege, Columns>> of(RelationalPlan plan) {
        if (plan.returning() != null || plan.onConflict() != null) {
            return compute(plan);
        }
        return KNOWN.computeIfAbsent(plan.root(), root -> Collections.unmodifiableMap(compute(plan)));
    }

    private static Map<List<String>, Map<TablePrivilege, Columns>> compute(RelationalPlan plan) {
        PlanPrivileges privileges = new PlanPrivileges();
        privileges.visit(plan.root(), new ArrayList<>());
        if (plan.returning() != null) {
            privileges.visit(plan.returning(), new ArrayList<>());
        }
        if (plan.onConflict() != null) {
            // ON CONFLICT reads the arbiter columns of the target; DO UPDATE updates it as well
            boolean update = plan.onConflict().update() != null;
            if (update) {
                privileges.visit(plan.onConflict().update(), new ArrayList<>());
            }
            for (Map.Entry<List<String>, Map<TablePrivilege, Columns>> target
                    : List.copyOf(privileges.needed.entrySet())) {
                if (target.getValue().containsKey(TablePrivilege.INSERT)) {
                    if (!plan.onConflict().arbiterColumns().isEmpty()) {
                        Columns arbiters = privileges.need(target.getKey(), TablePrivilege.SELECT);
                        plan.onConflict().arbiterColumns().forEach(arbiters::add);
                    }
                    if (update) {
                        privileges.need(target.getKey(), TablePrivilege.UPDATE).addAll();
                    }
                }
            }
        }
        return privileges.needed;
    }

    /** Visits a node under its ancestors, the nearest last. */
    private void visit(RelNode node, List<RelNode> ancestors) {
        switch (node) {
            case TableScan scan -> readColumns(scan, ancestors);
            case TableModify modify -> visitModify(modify);
            default -> {
                visitExpressions(node);
                ancestors.add(node);
                for (RelNode input : node.getInputs()) {
                    visit(input, ancestors);
                }
                ancestors.removeLast();
            }
        }
    }

    /**
     * Needs SELECT on the columns of a scan its ancestors use. The scan's columns are followed up
     * as fields {@code offset} to {@code offset + width} of each ancestor's row: joins shift them.
     */
    private void readColumns(TableScan scan, List<RelNode> ancestors) {
        Columns columns = need(ViewReads.key(scan), TablePrivilege.SELECT);
        int offset = 0;
        int width = scan.getRowType().getFieldCount();
        RelNode child = scan;
        for (int k = ancestors.size() - 1; k >= 0; k--) {
            RelNode parent = ancestors.get(k);
            switch (parent) {
                case Filter filter -> mark(columns, List.of(filter.getCondition()), offset, width);
                case Sort sort -> {
                    for (RelFieldCollation key : sort.getCollation().getFieldCollations()) {
                        mark(columns, key.getFieldIndex(), offset, width);
                    }
                }
                case Join join -> {
                    int side = join.getLeft() == child ? 0 : join.getRight() == child ? 1 : -1;
                    if (side < 0 || join.getLeft() == join.getRight()) {
                        columns.addAll();
                        return;
                    }
                    if (side == 1) {
                        offset += join.getLeft().getRowType().getFieldCount();
                    }
                    mark(columns, List.of(join.getCondition()), offset, width);
                    if (side == 1 && !join.getJoinType().projectsRight()) {
                        return;
                    }
                }
                case Project project -> {
                    mark(columns, project.getProjects(), offset, width);
                    return;
                }
                case Aggregate aggregate -> {
                    for (int field : aggregate.getGroupSet()) {
                        mark(columns, field, offset, width);
                    }
                    for (AggregateCall call : aggregate.getAggCallList()) {
                        for (int field : call.getArgList()) {
                            mark(columns, field, offset, width);
                        }
                        mark(columns, call.filterArg, offset, width);
                    }
                    return;
                }
                default -> {
                    columns.addAll();
                    return;
                }
            }
            child = parent;
        }
        // the plan returns the scan's columns themselves
        columns.addAll();
    }

    /** Marks the scan's columns among the fields expressions refer to. */
    private static void mark(Columns columns, List<RexNode> expressions, int offset, int width) {
        for (RexNode expression : expressions) {
            RelOptUtil.InputFinder.bits(expression).forEach(field -> mark(columns, field, offset, width));
        }
    }

    private static void mark(Columns columns, int field, int offset, int width) {
        if (field >= offset && field < offset + width) {
            columns.add(field - offset);
        }
    }

    private void visitModify(TableModify modify) {
        List<String> target = modify.getTable().getQualifiedName();
        switch (modify.getOperation()) {
            case INSERT -> {
                need(target, TablePrivilege.INSERT).addAll();
                visit(modify.getInput(), new ArrayList<>());
            }
            case UPDATE, DELETE -> {
                if (modify.getOperation() == TableModify.Operation.UPDATE) {
                    Columns updated = need(target, TablePrivilege.UPDATE);
                    for (String column : modify.getUpdateColumnList()) {
                        updated.add(modify.getTable().getRowType().getFieldNames().indexOf(column));
                    }
                } else {
                    need(target, TablePrivilege.DELETE).addAll();
                }
                visitTargetInput(modify.getInput(), target);
            }
            default -> {
                for (TablePrivilege privilege : List.of(TablePrivilege.INSERT, TablePrivilege.UPDATE,
                        TablePrivilege.DELETE)) {
                    need(target, privilege).addAll();
                }
                visit(modify.getInput(), new ArrayList<>());
            }
        }
    }

    /**
     * Walks the rows an UPDATE or DELETE changes: a projection computing the new values over
     * filters over the target's scan reads the columns its new values and the filters name.
     */
    private void visitTargetInput(RelNode input, List<String> target) {
        RelNode node = input;
        List<RexNode> read = new ArrayList<>();
        if (node instanceof Project project) {
            read.addAll(project.getProjects().stream().filter(e -> !(e instanceof RexInputRef)).toList());
            visitExpressions(project);
            node = project.getInput();
        }
        while (node instanceof Filter filter) {
            read.add(filter.getCondition());
            visitExpressions(filter);
            node = filter.getInput();
        }
        if (node instanceof TableScan scan && scan.getTable().getQualifiedName().equals(target)) {
            boolean readsAny = read.stream().anyMatch(e -> !RelOptUtil.InputFinder.bits(e).isEmpty());
            if (readsAny) {
                mark(need(target, TablePrivilege.SELECT), read, 0, scan.getRowType().getFieldCount());
            }
            return;
        }
        need(target, TablePrivilege.SELECT).addAll();
        visit(input, new ArrayList<>());
    }


    /** Visits the sub-queries in a node's expressions, which read tables of their own. */
    private void visitExpressions(RelNode node) {
        node.accept(new RexShuttle() {
            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
                visit(subQuery.rel, new ArrayList<>());
                return super.visitSubQuery(subQuery);
            }
        });
    }

    private Columns need(List<String> table, TablePrivilege privilege) {
        return needed.computeIfAbsent(table, name -> new EnumMap<>(TablePrivilege.class))
                .computeIfAbsent(privilege, p -> new Columns());
    }
}
