package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.util.Litmus;
import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;

/**
 * Turns PostgreSQL's {@code SELECT DISTINCT ON (k) ... ORDER BY o} into standard SQL that
 * Calcite validates and plans: {@code SELECT ... QUALIFY ROW_NUMBER() OVER (PARTITION BY k ORDER
 * BY o) = 1 ORDER BY o}, which keeps the first row of each group in ORDER BY order. The parser
 * marks DISTINCT ON in the select's QUALIFY slot with a call named {@value #MARKER}.
 *
 * <p>As in PostgreSQL, a DISTINCT ON or ORDER BY item that is a position or an output column's
 * name stands for that select item, and the ORDER BY must start with the DISTINCT ON
 * expressions, in any order (42P10). Without ORDER BY PostgreSQL returns the groups sorted by
 * their keys; so does a top-level query here.
 */
final class DistinctOnRewriter {

    static final String MARKER = "DISTINCT ON";

    private final String text;

    private DistinctOnRewriter(String text) {
        this.text = text;
    }

    /**
     * Rewrites every DISTINCT ON in a query tree, changing the selects in place.
     *
     * @param text the statement's text, for error positions
     * @return the tree, or a new root when a top-level DISTINCT ON query gets an ORDER BY
     */
    static SqlNode rewrite(SqlNode tree, String text) {
        Map<SqlNode, SqlOrderBy> orderByOf = new IdentityHashMap<>();
        List<SqlSelect> selects = new ArrayList<>();
        tree.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlOrderBy orderBy) {
                    orderByOf.put(orderBy.query, orderBy);
                } else if (call instanceof SqlSelect select && isMarker(select.getQualify())) {
                    selects.add(select);
                }
                return super.visit(call);
            }
        });
        DistinctOnRewriter rewriter = new DistinctOnRewriter(text);
        SqlNode root = tree;
        for (SqlSelect select : selects) {
            SqlOrderBy orderBy = orderByOf.get(select);
            List<SqlNode> keys = rewriter.rewrite(select, orderBy);
            boolean unordered = orderBy == null || orderBy.orderList.isEmpty();
            if (unordered && (root == select || root == orderBy)) {
                root = new SqlOrderBy(select.getParserPosition(), select, new SqlNodeList(keys, SqlParserPos.ZERO),
                        orderBy == null ? null : orderBy.offset, orderBy == null ? null : orderBy.fetch);
            }
        }
        return root;
    }

    private static boolean isMarker(SqlNode node) {
        return node instanceof SqlCall call && call.getOperator().getName().equals(MARKER);
    }

    /** Replaces the marker by the QUALIFY condition; returns copies of the resolved keys. */
    private List<SqlNode> rewrite(SqlSelect select, SqlOrderBy orderBy) {
        SqlCall marker = (SqlCall) select.getQualify();
        List<SqlNode> keys = marker.getOperandList();
        List<SqlNode> resolvedKeys = new ArrayList<>();
        for (SqlNode key : keys) {
            resolvedKeys.add(resolve(key, select, "SELECT DISTINCT ON"));
        }
        List<SqlNode> orderItems = orderBy == null ? List.of() : orderBy.orderList.getList();
        List<SqlNode> windowOrder = new ArrayList<>();
        List<SqlNode> orderCores = new ArrayList<>();
        for (SqlNode item : orderItems) {
            SqlNode core = resolve(core(item), select, "ORDER BY");
            orderCores.add(core);
            windowOrder.add(rewrap(item, SqlTrees.copy(core)));
        }
        checkOrderStartsWithKeys(keys, resolvedKeys, orderCores);

        SqlParserPos pos = marker.getParserPosition();
        SqlNodeList partition = new SqlNodeList(pos);
        resolvedKeys.forEach(key -> partition.add(SqlTrees.copy(key)));
        SqlWindow window = SqlWindow.create(null, null, partition, new SqlNodeList(windowOrder, pos),
                SqlLiteral.createBoolean(false, pos), null, null, null, pos);
        SqlNode rowNumber = SqlStdOperatorTable.OVER.createCall(pos,
                SqlStdOperatorTable.ROW_NUMBER.createCall(pos), window);
        select.setQualify(SqlStdOperatorTable.EQUALS.createCall(pos, rowNumber,
                SqlLiteral.createExactNumeric("1", pos)));
        List<SqlNode> copies = new ArrayList<>();
        resolvedKeys.forEach(key -> copies.add(SqlTrees.copy(key)));
        return copies;
    }

    /**
     * PostgreSQL's rule: going through the ORDER BY items, those that are DISTINCT ON
     * expressions must all come before any that is not, and if one is not, every DISTINCT ON
     * expression must have been met by then.
     */
    private void checkOrderStartsWithKeys(List<SqlNode> keys, List<SqlNode> resolvedKeys, List<SqlNode> orderCores) {
        boolean skipped = false;
        boolean[] matched = new boolean[keys.size()];
        for (SqlNode core : orderCores) {
            int key = indexOf(resolvedKeys, core);
            if (key < 0) {
                skipped = true;
            } else if (skipped) {
                throw mismatch(keys.get(key));
            } else {
                matched[key] = true;
            }
        }
        for (int i = 0; i < keys.size(); i++) {
            if (!matched[i] && skipped && indexOf(resolvedKeys.subList(0, i), resolvedKeys.get(i)) < 0) {
                throw mismatch(keys.get(i));
            }
        }
    }

    private static int indexOf(List<SqlNode> nodes, SqlNode node) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).equalsDeep(node, Litmus.IGNORE)) {
                return i;
            }
        }
        return -1;
    }

    private PgException mismatch(SqlNode key) {
        return new PgException(SqlState.INVALID_COLUMN_REFERENCE, Severity.ERROR,
                "SELECT DISTINCT ON expressions must match initial ORDER BY expressions", null, null,
                position(key), null);
    }

    private int position(SqlNode node) {
        SqlParserPos pos = node.getParserPosition();
        return ValidationErrors.offsetOf(text, pos.getLineNum(), pos.getColumnNum());
    }

    /**
     * Returns what an item of DISTINCT ON or ORDER BY stands for: the select item at a
     * position, the select item of an output column name, or else the expression itself.
     */
    private SqlNode resolve(SqlNode item, SqlSelect select, String clause) {
        List<SqlNode> selectItems = select.getSelectList().getList();
        if (item instanceof SqlNumericLiteral number && number.isInteger()) {
            int position = number.intValue(true);
            if (position < 1 || position > selectItems.size() || hasStar(selectItems)) {
                throw new PgException(SqlState.INVALID_COLUMN_REFERENCE, Severity.ERROR,
                        clause + " position " + position + " is not in select list", null, null, position(item),
                        null);
            }
            return expression(selectItems.get(position - 1));
        }
        if (item instanceof SqlIdentifier identifier && identifier.isSimple()) {
            for (SqlNode selectItem : selectItems) {
                if (identifier.getSimple().equals(outputName(selectItem))) {
                    return expression(selectItem);
                }
            }
        }
        return item;
    }

    private static boolean hasStar(List<SqlNode> selectItems) {
        return selectItems.stream().anyMatch(item -> item instanceof SqlIdentifier identifier && identifier.isStar());
    }

    private static String outputName(SqlNode selectItem) {
        if (selectItem.getKind() == SqlKind.AS) {
            return ((SqlIdentifier) ((SqlCall) selectItem).operand(1)).getSimple();
        }
        if (selectItem instanceof SqlIdentifier identifier && !identifier.isStar()) {
            return identifier.names.get(identifier.names.size() - 1);
        }
        return null;
    }

    private static SqlNode expression(SqlNode selectItem) {
        return selectItem.getKind() == SqlKind.AS ? ((SqlCall) selectItem).operand(0) : selectItem;
    }

    /** Returns an ORDER BY item without its DESC and NULLS FIRST/LAST. */
    private static SqlNode core(SqlNode item) {
        SqlNode node = item;
        while (isDirection(node)) {
            node = ((SqlCall) node).operand(0);
        }
        return node;
    }

    /** Returns {@code core} under the DESC and NULLS FIRST/LAST of {@code item}. */
    private static SqlNode rewrap(SqlNode item, SqlNode core) {
        if (!isDirection(item)) {
            return core;
        }
        SqlCall call = (SqlCall) item;
        return call.getOperator().createCall(call.getParserPosition(), rewrap(call.operand(0), core));
    }

    private static boolean isDirection(SqlNode node) {
        return node.getKind() == SqlKind.DESCENDING || node.getKind() == SqlKind.NULLS_FIRST
                || node.getKind() == SqlKind.NULLS_LAST;
    }
}
