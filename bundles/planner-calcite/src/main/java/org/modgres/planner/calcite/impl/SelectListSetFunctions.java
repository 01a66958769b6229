package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * Rewrites set-returning functions in a select list, {@code select x, unnest(arr) from t} and
 * {@code select generate_series(1, 3)}, into a join of each row with the function's rows, which
 * PostgreSQL's ProjectSet computes: the rest of the select list repeats once per element. Calls
 * of unnest step through their arrays together, the shorter padded with NULLs, as one
 * {@code UNNEST(a, b)} does; generate_series is taken alone, or beside others as the array of its
 * values ({@link SeriesArrayFunction}), and the one-column JSON functions (jsonb_array_elements,
 * jsonb_object_keys and their kin) alone. Set-returning functions beside GROUP BY are left for the
 * validator to refuse.
 */
final class SelectListSetFunctions {

    private static final String UNNEST = "unnest";
    private static final String GENERATE_SERIES = "generate_series";
    /** The JSON set-returning functions of one column, which a select list may call alone. */
    private static final java.util.Set<String> JSON_ONE_COLUMN = java.util.Set.of("json_array_elements",
            "json_array_elements_text", "jsonb_array_elements", "jsonb_array_elements_text", "json_object_keys",
            "jsonb_object_keys");
    /** The JSON set-returning functions of key and value, whose rows a select list shows as records. */
    private static final java.util.Set<String> JSON_KEY_VALUE = java.util.Set.of("json_each", "json_each_text",
            "jsonb_each", "jsonb_each_text");
    private static final String ALIAS = "srf$";

    private int joins;

    private SelectListSetFunctions() {
    }

    /** Rewrites a tree in place and returns it. */
    static SqlNode rewrite(SqlNode tree) {
        if (tree != null) {
            new SelectListSetFunctions().visit(tree);
        }
        return tree;
    }

    private void visit(SqlNode node) {
        if (node instanceof SqlNodeList list) {
            for (SqlNode element : list) {
                if (element != null) {
                    visit(element);
                }
            }
            return;
        }
        if (!(node instanceof SqlCall call)) {
            return;
        }
        for (SqlNode operand : call.getOperandList()) {
            if (operand != null) {
                visit(operand);
            }
        }
        if (call instanceof SqlSelect select && select.getGroup() == null && select.getHaving() == null) {
            rewriteSelectList(select);
        }
    }

    private void rewriteSelectList(SqlSelect select) {
        List<SqlBasicCall> calls = new ArrayList<>();
        for (SqlNode item : select.getSelectList()) {
            collect(item, calls);
        }
        if (calls.isEmpty()) {
            return;
        }
        for (SqlBasicCall call : calls) {
            String name = name(call);
            if (JSON_KEY_VALUE.contains(name)) {
                throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, name + " in a select list is not supported yet");
            }
            if (JSON_ONE_COLUMN.contains(name) && calls.size() > 1) {
                throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                        name + " beside other set-returning functions in a select list is not supported yet");
            }
        }
        boolean allUnnest = calls.stream().allMatch(call -> name(call).equals(UNNEST) && call.operandCount() == 1);
        if (!allUnnest && calls.size() > 1) {
            if (calls.stream().anyMatch(call -> name(call).equals(UNNEST) && call.operandCount() != 1)) {
                return;
            }
            // several functions step through their rows together: generate_series as the array of its values
            allUnnest = true;
        }
        SqlParserPos pos = calls.getFirst().getParserPosition();
        String alias = ALIAS + ++joins;
        List<SqlNode> columns = new ArrayList<>();
        List<SqlNode> references = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            columns.add(new SqlIdentifier("c" + (i + 1), pos));
            references.add(new SqlIdentifier(List.of(alias, "c" + (i + 1)), calls.get(i).getParserPosition()));
        }
        SqlNode functionRows;
        if (allUnnest) {
            List<SqlNode> arrays = calls.stream().<SqlNode>map(call -> name(call).equals(UNNEST) ? call.operand(0)
                    : SeriesArrayFunction.INSTANCE.createCall(call.getParserPosition(), call.getOperandList())).toList();
            functionRows = SqlStdOperatorTable.UNNEST.createCall(pos, arrays);
        } else {
            SqlCall table = SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos, calls.getFirst());
            functionRows = SqlStdOperatorTable.LATERAL.createCall(pos, table);
        }
        List<SqlNode> asOperands = new ArrayList<>(List.of(functionRows, new SqlIdentifier(alias, pos)));
        asOperands.addAll(columns);
        SqlNode joined = SqlStdOperatorTable.AS.createCall(pos, asOperands);

        SqlNodeList items = new SqlNodeList(select.getSelectList().getParserPosition());
        for (SqlNode item : select.getSelectList()) {
            int whole = calls.indexOf(item);
            // a bare call keeps its label, the function's name, as PostgreSQL labels it
            items.add(whole >= 0 ? SqlStdOperatorTable.AS.createCall(item.getParserPosition(), references.get(whole),
                    new SqlIdentifier(name(calls.get(whole)), item.getParserPosition()))
                    : replace(item, calls, references));
        }
        select.setSelectList(items);
        SqlNode from = select.getFrom();
        select.setFrom(from == null ? joined : new SqlJoin(pos, from, SqlLiteral.createBoolean(false, pos),
                JoinType.COMMA.symbol(pos), joined, JoinConditionType.NONE.symbol(pos), null));
    }

    /** Adds the set-returning calls of an expression, not looking into sub-queries. */
    private static void collect(SqlNode node, List<SqlBasicCall> calls) {
        if (!(node instanceof SqlCall call) || node.isA(SqlKind.QUERY)) {
            return;
        }
        if (call instanceof SqlBasicCall basic && isSetFunction(basic)) {
            calls.add(basic);
            return;
        }
        for (SqlNode operand : call.getOperandList()) {
            collect(operand, calls);
        }
    }

    private static SqlNode replace(SqlNode node, List<SqlBasicCall> calls, List<SqlNode> references) {
        if (!(node instanceof SqlCall call) || node.isA(SqlKind.QUERY)) {
            return node;
        }
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i) == node) {
                return references.get(i);
            }
        }
        List<SqlNode> operands = call.getOperandList();
        for (int i = 0; i < operands.size(); i++) {
            SqlNode operand = operands.get(i);
            SqlNode replaced = replace(operand, calls, references);
            if (replaced != operand) {
                call.setOperand(i, replaced);
            }
        }
        return call;
    }

    private static boolean isSetFunction(SqlBasicCall call) {
        String name = name(call);
        return name.equals(UNNEST) || name.equals(GENERATE_SERIES) || JSON_ONE_COLUMN.contains(name)
                || JSON_KEY_VALUE.contains(name);
    }

    private static String name(SqlBasicCall call) {
        if (!(call.getOperator() instanceof SqlUnresolvedFunction function) || function.getSqlIdentifier() == null) {
            return "";
        }
        List<String> names = function.getSqlIdentifier().names;
        boolean catalog = names.size() == 1 || names.size() == 2 && names.getFirst().equals(SystemCatalog.PG_CATALOG);
        return catalog ? names.getLast().toLowerCase(Locale.ROOT) : "";
    }
}
