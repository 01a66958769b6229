package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

/**
 * Rewrites {@code information_schema._pg_expandarray(a)}, the set-returning function pgjdbc's
 * getPrimaryKeys and getIndexInfo call in a select list, into a join with
 * {@code UNNEST(a) WITH ORDINALITY}: PostgreSQL repeats the rest of the select list once per
 * element of a, with the function's record {@code (x, n)} holding the element and its position,
 * and calls with the same argument step through the elements together.
 * <ul>
 *   <li>{@code (_pg_expandarray(a)).x} and {@code .n} become the columns of the join;</li>
 *   <li>the whole record, {@code _pg_expandarray(a) AS k}, becomes two columns {@code k$x} and
 *       {@code k$n}, and a field of it read elsewhere, {@code (q.k).x}, the column {@code q."k$x"}.
 *       Records are no values here, so only their fields can be read.</li>
 * </ul>
 */
final class ExpandArrayRewriter {

    private static final String FUNCTION = "_pg_expandarray";
    private static final String SCHEMA = "information_schema";
    private static final String ELEMENT = "x";
    private static final String POSITION = "n";

    /** The aliases of the records split into two columns, whose fields are read by name. */
    private final Set<String> splitRecords = new HashSet<>();
    private int unnests;

    private ExpandArrayRewriter() {
    }

    /** Rewrites a tree in place and returns it. */
    static SqlNode rewrite(SqlNode tree) {
        if (tree == null) {
            return null;
        }
        ExpandArrayRewriter rewriter = new ExpandArrayRewriter();
        rewriter.rewriteSelects(tree);
        return rewriter.splitRecords.isEmpty() ? tree : rewriter.readSplitFields(tree);
    }

    private void rewriteSelects(SqlNode node) {
        if (node instanceof SqlNodeList list) {
            for (SqlNode element : list) {
                if (element != null) {
                    rewriteSelects(element);
                }
            }
            return;
        }
        if (!(node instanceof SqlCall call)) {
            return;
        }
        for (SqlNode operand : call.getOperandList()) {
            if (operand != null) {
                rewriteSelects(operand);
            }
        }
        if (call instanceof SqlSelect select) {
            rewriteSelectList(select);
        }
    }

    private void rewriteSelectList(SqlSelect select) {
        List<SqlNode> arguments = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        SqlNodeList items = new SqlNodeList(select.getSelectList().getParserPosition());
        for (SqlNode item : select.getSelectList()) {
            SqlNode expression = item;
            SqlIdentifier alias = null;
            if (item.getKind() == SqlKind.AS) {
                expression = ((SqlCall) item).operand(0);
                alias = ((SqlCall) item).operand(1);
            }
            SqlNode argument = expandArrayArgument(expression);
            if (argument != null && alias != null) {
                // the whole record: its two fields, each a column
                String unnest = unnestAlias(argument, arguments, aliases);
                String name = alias.getSimple();
                splitRecords.add(name);
                items.add(as(column(unnest, ELEMENT, item), name + "$" + ELEMENT));
                items.add(as(column(unnest, POSITION, item), name + "$" + POSITION));
                continue;
            }
            if (expression.getKind() == SqlKind.DOT && (argument = expandArrayArgument(
                    ((SqlCall) expression).operand(0))) != null
                    && ((SqlCall) expression).operand(1) instanceof SqlIdentifier field && field.isSimple()) {
                SqlIdentifier column = column(unnestAlias(argument, arguments, aliases), field.getSimple(), expression);
                items.add(alias == null ? column : as(column, alias.getSimple()));
                continue;
            }
            items.add(item);
        }
        if (arguments.isEmpty()) {
            return;
        }
        select.setSelectList(items);
        SqlNode from = select.getFrom();
        for (int i = 0; i < arguments.size(); i++) {
            SqlParserPos pos = arguments.get(i).getParserPosition();
            SqlNode unnest = SqlStdOperatorTable.AS.createCall(pos,
                    SqlStdOperatorTable.UNNEST_WITH_ORDINALITY.createCall(pos, arguments.get(i)),
                    new SqlIdentifier(aliases.get(i), pos), new SqlIdentifier(ELEMENT, pos),
                    new SqlIdentifier(POSITION, pos));
            from = from == null ? unnest : new SqlJoin(pos, from, SqlLiteral.createBoolean(false, pos),
                    JoinType.COMMA.symbol(pos), unnest, JoinConditionType.NONE.symbol(pos), null);
        }
        select.setFrom(from);
    }

    /** Returns the alias of the UNNEST of an argument, the same for arguments written alike. */
    private String unnestAlias(SqlNode argument, List<SqlNode> arguments, List<String> aliases) {
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i).equalsDeep(argument, org.apache.calcite.util.Litmus.IGNORE)) {
                return aliases.get(i);
            }
        }
        String alias = FUNCTION + "$" + ++unnests;
        arguments.add(argument);
        aliases.add(alias);
        return alias;
    }

    /** Returns the argument of a call of _pg_expandarray, or null for anything else. */
    private static SqlNode expandArrayArgument(SqlNode node) {
        if (!(node instanceof SqlBasicCall call) || !(call.getOperator() instanceof SqlUnresolvedFunction function)
                || function.getSqlIdentifier() == null || call.operandCount() != 1) {
            return null;
        }
        List<String> names = function.getSqlIdentifier().names;
        boolean named = names.getLast().equals(FUNCTION)
                && (names.size() == 1 || names.size() == 2 && names.getFirst().equals(SCHEMA));
        return named ? call.operand(0) : null;
    }

    private SqlNode readSplitFields(SqlNode node) {
        if (node instanceof SqlNodeList list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) != null) {
                    list.set(i, readSplitFields(list.get(i)));
                }
            }
            return list;
        }
        if (!(node instanceof SqlCall call)) {
            return node;
        }
        String field = splitField(call);
        if (field != null) {
            List<String> names = new ArrayList<>(((SqlIdentifier) call.operand(0)).names);
            names.set(names.size() - 1, names.getLast() + "$" + field);
            return new SqlIdentifier(names, call.getParserPosition());
        }
        if (call instanceof SqlSelect select) {
            // (q.k).x in a select list keeps its label, x
            SqlNodeList items = select.getSelectList();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof SqlCall item && (field = splitField(item)) != null) {
                    items.set(i, as(item, field));
                }
            }
        }
        List<SqlNode> operands = call.getOperandList();
        for (int i = 0; i < operands.size(); i++) {
            SqlNode operand = operands.get(i);
            if (operand != null) {
                SqlNode rewritten = readSplitFields(operand);
                if (rewritten != operand) {
                    call.setOperand(i, rewritten);
                }
            }
        }
        return call;
    }

    /** Returns the field a call reads of a split record, {@code x} of {@code (q.k).x}, or null for another call. */
    private String splitField(SqlCall call) {
        return call.getKind() == SqlKind.DOT && call.operand(0) instanceof SqlIdentifier record
                && call.operand(1) instanceof SqlIdentifier field && field.isSimple()
                && splitRecords.contains(record.names.getLast()) ? field.getSimple() : null;
    }

    private static SqlIdentifier column(String table, String column, SqlNode at) {
        return new SqlIdentifier(List.of(table, column), at.getParserPosition());
    }

    private static SqlNode as(SqlNode expression, String alias) {
        return SqlStdOperatorTable.AS.createCall(expression.getParserPosition(), expression,
                new SqlIdentifier(alias, expression.getParserPosition()));
    }
}
