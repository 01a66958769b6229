package org.modgres.planner.calcite.impl;

import java.util.HashMap;
import java.util.Map;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindow;

/**
 * A window that names another and adds a frame, {@code OVER (w ROWS 1 PRECEDING)} or
 * {@code WINDOW w2 AS (w ROWS 1 PRECEDING)}: Calcite would take the named window's default frame
 * for it, so the named window's PARTITION BY and ORDER BY are copied in instead and the reference
 * dropped, as PostgreSQL copies them. A named window with a frame of its own is left to Calcite.
 */
final class WindowReferences {

    /** The operand of a SqlWindow that holds the name of the window it refers to. */
    private static final int REF_NAME = 1;

    private WindowReferences() {
    }

    /** Copies the named windows of a select into those of its windows that refer to them with a frame. */
    static void inline(SqlSelect select) {
        SqlNodeList declarations = select.getWindowList();
        if (declarations == null || declarations.isEmpty()) {
            return;
        }
        Map<String, SqlWindow> named = new HashMap<>();
        for (SqlNode declaration : declarations) {
            SqlWindow window = (SqlWindow) declaration;
            // named windows are resolved all, so that a window referring to one needs no chain
            inline(window, named, true);
            if (window.getDeclName() != null) {
                named.put(window.getDeclName().getSimple(), window);
            }
        }
        inlineUnder(select.getSelectList(), named);
        inlineUnder(select.getOrderList(), named);
    }

    private static void inlineUnder(SqlNode node, Map<String, SqlWindow> named) {
        if (node instanceof SqlSelect || !(node instanceof SqlCall || node instanceof SqlNodeList)) {
            return;
        }
        if (node instanceof SqlCall call && call.getKind() == SqlKind.OVER
                && call.operand(1) instanceof SqlWindow window) {
            inline(window, named, false);
        }
        Iterable<SqlNode> children = node instanceof SqlNodeList list ? list : ((SqlCall) node).getOperandList();
        for (SqlNode child : children) {
            inlineUnder(child, named);
        }
    }

    private static void inline(SqlWindow window, Map<String, SqlWindow> named, boolean evenWithoutFrame) {
        if (window.getRefName() == null || window.getLowerBound() == null && !evenWithoutFrame) {
            return;
        }
        SqlWindow base = named.get(window.getRefName().getSimple());
        if (base == null || base.getRefName() != null || base.getLowerBound() != null) {
            return;
        }
        if (window.getPartitionList().isEmpty()) {
            window.setPartitionList(copy(base.getPartitionList()));
        }
        if (window.getOrderList().isEmpty()) {
            window.setOrderList(copy(base.getOrderList()));
        }
        window.setOperand(REF_NAME, null);
    }

    /** A copy later rewriters may change in place, as they do the parser's lists. */
    private static SqlNodeList copy(SqlNodeList list) {
        SqlNodeList copy = new SqlNodeList(list.getParserPosition());
        list.forEach(node -> copy.add(SqlTrees.copy(node)));
        return copy;
    }
}
