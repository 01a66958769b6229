package org.modgres.planner.calcite.impl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Makes parameters of the integer literals in the places where a value does not change a plan's
 * shape: WHERE conditions, UPDATE's SET expressions and the rows of INSERT ... VALUES. Statements
 * that differ only in those literals then share one plan, as clients of the simple query protocol
 * send the values of a prepared-looking statement inside its text (pgbench {@code -M simple}).
 *
 * <p>Select lists, ORDER BY, GROUP BY, LIMIT, FROM and sub-queries are left alone: there a literal
 * names a column, sorts by position or decides a label. The shape key is the statement's text with
 * every stand-alone digit run replaced; a statement is shared only when each such run is a literal
 * that was lifted, so two statements with one key differ in nothing else.
 */
final class LiteralLifter {

    /**
     * A statement with its integer literals made parameters.
     *
     * @param signs how each value relates to its digit run in the text (see {@link LiteralShape#signsOf});
     *              null when the values cannot be read from the text alone
     */
    record Lifted(SqlNode tree, String shapeKey, List<Object> values, int[] signs) {
    }

    private LiteralLifter() {
    }

    /**
     * Lifts the literals of a statement whose own parameters are {@code $1..$firstIndex}; returns
     * null when it has none to lift or when its shape could not be told from its text alone.
     */
    static Lifted lift(SqlNode tree, String text, int firstIndex) {
        LiteralShape shape = LiteralShape.of(text);
        int runs = shape.runs().size();
        if (runs == 0) {
            return null;
        }
        Collector collector = new Collector(firstIndex);
        Runnable replace = liftStatement(tree, collector);
        if (replace == null || collector.values.size() != runs) {
            // the tree is as the parser made it: nothing is replaced before the lift is known to be whole
            return null;
        }
        replace.run();
        return new Lifted(tree, shape.key(), collector.values, shape.signsOf(collector.values));
    }

    /** Lifts the literals of a statement's expressions; returns what puts them into the tree, or null. */
    private static Runnable liftStatement(SqlNode tree, Collector collector) {
        switch (tree) {
            case SqlSelect select when select.getWhere() != null -> {
                SqlNode where = collector.expression(select.getWhere());
                return where == null ? null : () -> select.setWhere(where);
            }
            case SqlUpdate update -> {
                SqlNodeList sources = update.getSourceExpressionList();
                List<SqlNode> lifted = new ArrayList<>();
                for (SqlNode source : sources) {
                    SqlNode expression = collector.expression(source);
                    if (expression == null) {
                        return null;
                    }
                    lifted.add(expression);
                }
                SqlNode condition = update.getCondition() == null ? null : collector.expression(update.getCondition());
                if (update.getCondition() != null && condition == null) {
                    return null;
                }
                return () -> {
                    for (int i = 0; i < lifted.size(); i++) {
                        sources.set(i, lifted.get(i));
                    }
                    if (condition != null) {
                        update.setOperand(3, condition);
                    }
                };
            }
            case SqlDelete delete when delete.getCondition() != null -> {
                SqlNode condition = collector.expression(delete.getCondition());
                return condition == null ? null : () -> delete.setOperand(1, condition);
            }
            case SqlInsert insert when insert.getSource().getKind() == SqlKind.VALUES -> {
                SqlBasicCall values = (SqlBasicCall) insert.getSource();
                List<SqlNode> rows = new ArrayList<>();
                for (SqlNode row : values.getOperandList()) {
                    SqlNode lifted = collector.expression(row);
                    if (lifted == null) {
                        return null;
                    }
                    rows.add(lifted);
                }
                return () -> {
                    for (int i = 0; i < rows.size(); i++) {
                        values.setOperand(i, rows.get(i));
                    }
                };
            }
            default -> {
                return null;
            }
        }
    }

    /** Replaces integer literals in one expression, numbering the parameters it makes. */
    private static final class Collector extends SqlShuttle {
        private final List<Object> values = new ArrayList<>();
        private final int firstIndex;
        private boolean refused;

        Collector(int firstIndex) {
            this.firstIndex = firstIndex;
        }

        /** Returns the expression with its literals lifted, or null when it holds what must not be. */
        SqlNode expression(SqlNode expression) {
            refused = false;
            SqlNode lifted = expression.accept(this);
            return refused ? null : lifted;
        }

        @Override
        public SqlNode visit(SqlLiteral literal) {
            if (literal instanceof SqlNumericLiteral number && number.isExact()) {
                BigDecimal value = number.getValueAs(BigDecimal.class);
                if (value.scale() <= 0 && value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
                        && value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0) {
                    values.add(value.intValueExact());
                    return new SqlDynamicParam(firstIndex + values.size() - 1, literal.getParserPosition());
                }
            }
            return literal;
        }

        @Override
        public SqlNode visit(SqlCall call) {
            if (call instanceof SqlSelect || call.getKind() == SqlKind.OVER || call.getKind() == SqlKind.WINDOW
                    || call.getOperator() instanceof SqlAggFunction || !(call instanceof SqlBasicCall)) {
                // sub-queries, windows, aggregates and special forms keep their literals
                refused = true;
                return call;
            }
            return super.visit(call);
        }
    }
}
