package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.Litmus;
import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;

/**
 * PostgreSQL's ORDER BY among an aggregate's arguments, {@code json_agg(x ORDER BY y)}, which the
 * parser leaves as the call's last argument, a list. Calcite reads that form for ARRAY_AGG and
 * STRING_AGG only; for the JSON aggregates the ordering moves to WITHIN GROUP, which Calcite turns
 * into the aggregate call's collation; aggregates whose result no order changes (sum, count, ...)
 * drop it, as their result is the same; other functions are refused as PostgreSQL refuses them.
 * As in PostgreSQL, with DISTINCT every ORDER BY expression must be one of the arguments (42P10),
 * and window aggregates take no ORDER BY of their own (0A000). The ordered-set aggregates
 * mode() and percentile_cont/percentile_disc take their WITHIN GROUP expression as an argument
 * too (see ModeAggregate and PercentileAggregate).
 */
final class AggregateOrders {

    /** Aggregates whose result depends on the order of their input rows. */
    private static final Set<String> ORDERED = Set.of("json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg");

    /** Aggregates whose result is the same in any input order. */
    private static final Set<String> ORDER_INDEPENDENT = Set.of("count", "sum", "avg", "min", "max", "bool_and",
            "bool_or", "every", "bit_and", "bit_or", "bit_xor", "stddev", "stddev_samp", "stddev_pop", "variance",
            "var_samp", "var_pop", "corr", "covar_pop", "covar_samp");

    /** Window functions Calcite accepts only with an ORDER BY. */
    private static final Set<String> RANKING = Set.of("rank", "dense_rank", "percent_rank", "cume_dist");

    /** Aggregates whose result NULL inputs do not change, so a FILTER can turn rows into NULLs. */
    private static final Set<String> NULL_SKIPPING = Set.of("count", "sum", "avg", "min", "max", "string_agg",
            "bool_and", "bool_or", "every");

    /** Aggregates Calcite's grammar reads with their ORDER BY already. */
    private static final Set<String> CALCITE_ORDERED = Set.of("array_agg", "string_agg");

    private final String text;

    private AggregateOrders(String text) {
        this.text = text;
    }

    /**
     * Rewrites the ordered aggregate calls of a tree, in place.
     *
     * @param text the statement's text, for error positions
     * @return the tree, or its replacement when the tree itself is such a call
     */
    static SqlNode rewrite(SqlNode tree, String text) {
        return tree == null ? null : new AggregateOrders(text).visit(tree, false);
    }

    private SqlNode visit(SqlNode node, boolean windowed) {
        if (node instanceof SqlNodeList list) {
            for (int i = 0; i < list.size(); i++) {
                SqlNode element = list.get(i);
                if (element != null) {
                    SqlNode visited = visit(element, false);
                    if (visited != element) {
                        list.set(i, visited);
                    }
                }
            }
            return list;
        }
        if (!(node instanceof SqlCall call)) {
            return node;
        }
        if (call instanceof SqlSelect select) {
            WindowReferences.inline(select);
        }
        List<SqlNode> operands = call.getOperandList();
        boolean over = call.getKind() == SqlKind.OVER;
        if (over) {
            orderPeersOfUnorderedWindow(call);
            filterWithinWindow(call);
        }
        for (int i = 0; i < operands.size(); i++) {
            SqlNode operand = operands.get(i);
            if (operand != null && !(isOrdered(call) && i == operands.size() - 1)) {
                SqlNode visited = visit(operand, over && i == 0);
                if (visited != operand) {
                    call.setOperand(i, visited);
                }
            }
        }
        if (call.getKind() == SqlKind.WITHIN_GROUP && call.operand(0) instanceof SqlCall percentile
                && percentile.operandCount() == 1 && ((SqlNodeList) call.operand(1)).size() == 1
                && isPercentile(percentile.getOperator().getName())) {
            SqlNode value = sortExpression(((SqlNodeList) call.operand(1)).get(0));
            call.setOperand(0, PercentileAggregate.of(percentile.getOperator().getName()).createCall(
                    percentile.getParserPosition(), percentile.operand(0), SqlTrees.copy(value)));
        }
        if (call.getKind() == SqlKind.WITHIN_GROUP && call.operand(0) instanceof SqlCall mode
                && mode.operandCount() == 0 && mode.getOperator().getName().equalsIgnoreCase("mode")
                && ((SqlNodeList) call.operand(1)).size() == 1) {
            SqlNode value = sortExpression(((SqlNodeList) call.operand(1)).get(0));
            call.setOperand(0, ModeAggregate.MODE.createCall(mode.getParserPosition(), SqlTrees.copy(value)));
        }
        return isOrdered(call) ? rewriteOrdered((SqlBasicCall) call, windowed) : call;
    }

    /**
     * rank() OVER () and its kin: without ORDER BY every row is a peer of every other (rank 1),
     * which Calcite refuses; an ORDER BY of a constant says the same to it.
     */
    private static void orderPeersOfUnorderedWindow(SqlCall over) {
        if (over.operand(0) instanceof SqlCall function && RANKING.contains(function.getOperator().getName()
                .toLowerCase(Locale.ROOT)) && over.operand(1) instanceof SqlWindow window
                && window.getRefName() == null && window.getOrderList().isEmpty()) {
            SqlParserPos pos = window.getParserPosition();
            window.setOrderList(new SqlNodeList(List.of(SqlLiteral.createExactNumeric("0", pos)), pos));
        }
    }

    /**
     * {@code agg(x) FILTER (WHERE c) OVER (...)}, which Calcite refuses, as
     * {@code agg(CASE WHEN c THEN x END) OVER (...)}: the same for aggregates that skip NULLs.
     */
    private static void filterWithinWindow(SqlCall over) {
        if (!(over.operand(0) instanceof SqlCall filter) || filter.getKind() != SqlKind.FILTER
                || !(filter.operand(0) instanceof SqlCall aggregate) || !NULL_SKIPPING.contains(
                        aggregate.getOperator().getName().toLowerCase(Locale.ROOT))
                || aggregate.operandCount() > 1 && aggregate.getKind() != SqlKind.STRING_AGG) {
            return;
        }
        SqlParserPos pos = aggregate.getParserPosition();
        SqlNode condition = filter.operand(1);
        SqlNode argument = aggregate.operandCount() == 0 || aggregate.operand(0).getKind() == SqlKind.IDENTIFIER
                && ((SqlIdentifier) aggregate.operand(0)).isStar()
                ? SqlLiteral.createExactNumeric("1", pos) : aggregate.operand(0);
        SqlNode onlyWhere = new SqlCase(pos, null,
                new SqlNodeList(List.of(condition), pos), new SqlNodeList(List.of(argument), pos),
                SqlLiteral.createNull(pos));
        List<SqlNode> operands = new ArrayList<>(aggregate.getOperandList());
        if (operands.isEmpty()) {
            operands.add(onlyWhere);
        } else {
            operands.set(0, onlyWhere);
        }
        over.setOperand(0, aggregate.getOperator().createCall(aggregate.getFunctionQuantifier(), pos,
                operands.toArray(new SqlNode[0])));
    }

    private static boolean isPercentile(String name) {
        return name.equalsIgnoreCase("percentile_cont") || name.equalsIgnoreCase("percentile_disc");
    }

    /** Whether a call is a function call with an ORDER BY list as its last argument. */
    private static boolean isOrdered(SqlCall call) {
        if (!(call instanceof SqlBasicCall) || call.operandCount() < 2
                || !(call.getOperandList().getLast() instanceof SqlNodeList)) {
            return false;
        }
        return call.getOperator() instanceof SqlUnresolvedFunction
                || call.getKind() == SqlKind.ARRAY_AGG || call.getKind() == SqlKind.STRING_AGG;
    }

    private SqlNode rewriteOrdered(SqlBasicCall call, boolean windowed) {
        List<SqlNode> operands = call.getOperandList();
        SqlNodeList order = (SqlNodeList) operands.getLast();
        List<SqlNode> arguments = operands.subList(0, operands.size() - 1);
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        boolean resolvedByCalcite = !(call.getOperator() instanceof SqlUnresolvedFunction);
        if (!resolvedByCalcite && !ORDERED.contains(name) && !ORDER_INDEPENDENT.contains(name)
                && !CALCITE_ORDERED.contains(name)) {
            throw error(SqlState.WRONG_OBJECT_TYPE,
                    "ORDER BY specified, but " + name + " is not an aggregate function", call);
        }
        if (windowed) {
            throw error(SqlState.FEATURE_NOT_SUPPORTED, "aggregate ORDER BY is not implemented for window functions",
                    call);
        }
        if (isDistinct(call)) {
            for (SqlNode item : order) {
                SqlNode expression = sortExpression(item);
                if (arguments.stream().noneMatch(argument -> argument.equalsDeep(expression, Litmus.IGNORE))) {
                    throw error(SqlState.INVALID_COLUMN_REFERENCE,
                            "in an aggregate with DISTINCT, ORDER BY expressions must appear in argument list",
                            expression);
                }
            }
        }
        if (resolvedByCalcite || CALCITE_ORDERED.contains(name)) {
            return call;
        }
        SqlParserPos pos = call.getParserPosition();
        SqlCall unordered = call.getOperator().createCall(call.getFunctionQuantifier(), pos, arguments);
        if (ORDER_INDEPENDENT.contains(name)) {
            return unordered;
        }
        return SqlStdOperatorTable.WITHIN_GROUP.createCall(pos, unordered, order);
    }

    private static boolean isDistinct(SqlCall call) {
        SqlLiteral quantifier = call.getFunctionQuantifier();
        return quantifier != null && quantifier.getValue() == SqlSelectKeyword.DISTINCT;
    }

    /** Returns an ORDER BY item without its DESC and NULLS FIRST/LAST. */
    private static SqlNode sortExpression(SqlNode item) {
        SqlNode expression = item;
        while (expression.getKind() == SqlKind.DESCENDING || expression.getKind() == SqlKind.NULLS_FIRST
                || expression.getKind() == SqlKind.NULLS_LAST) {
            expression = ((SqlCall) expression).operand(0);
        }
        return expression;
    }

    private PgException error(SqlState state, String message, SqlNode at) {
        SqlParserPos pos = at.getParserPosition();
        return new PgException(state, Severity.ERROR, message, null, null,
                ValidationErrors.offsetOf(text, pos.getLineNum(), pos.getColumnNum()), null);
    }
}
