package org.modgres.planner.calcite.impl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.util.Optionality;

/**
 * Rows as JSON: {@code row_to_json(t)}, {@code to_json(t)}, {@code to_jsonb(t)}, {@code json_agg(t)}
 * and {@code jsonb_agg(t)} of a FROM item's name, which PostgreSQL reads as the row of its
 * columns, or of {@code ROW(...)}, whose fields are f1, f2, .... Calcite has no such row values,
 * so each becomes a call of {@link #ROW_TO_JSON} with the column names and values in turn, the
 * json text PostgreSQL's row_to_json writes; to_json, to_jsonb and jsonb_agg take that json as it
 * is, and json_agg of rows is {@link #JSON_AGG_ROWS}, which spaces its elements as PostgreSQL
 * does for composite values. A name that is also a column stays the column, as in PostgreSQL.
 */
final class RecordJson extends SqlShuttle {

    /**
     * row_to_json(name1, value1, name2, value2, ... [, pretty]): the object of the row's columns,
     * with a line feed after each comma when the odd last operand is true.
     */
    static final SqlFunction ROW_TO_JSON = new SqlFunction("row_to_json", SqlKind.OTHER_FUNCTION,
            JsonFunctionOperators.JSON_NULLABLE.andThen(SqlTypeTransforms.TO_NOT_NULLABLE), null,
            OperandTypes.repeat(SqlOperandCountRanges.from(0), OperandTypes.ANY),
            SqlFunctionCategory.USER_DEFINED_FUNCTION) {
        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
            return typeWithoutLookup(this, validator, scope, call);
        }
    };

    /**
     * json_agg(row json, TRUE): json_agg of composite values, each after the first on a new line; ordered
     * as json_agg by WITHIN GROUP (AggregateOrders).
     */
    static final SqlAggFunction JSON_AGG_ROWS = new SqlAggFunction("json_agg", null, SqlKind.OTHER_FUNCTION,
            JsonFunctionOperators.JSON_MAYBE_NULL, null, OperandTypes.ANY_ANY,
            SqlFunctionCategory.USER_DEFINED_FUNCTION, false, false, Optionality.OPTIONAL) {
        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
            return typeWithoutLookup(this, validator, scope, call);
        }
    };

    /** A FROM item's columns, and the query whose unnamed columns get the names of the keys, if any. */
    private record FromItem(List<String> columns, SqlSelect derived, SqlNode query) {

        FromItem(List<String> columns, SqlSelect derived) {
            this(columns, derived, null);
        }
    }

    private static boolean isValues(SqlNode query) {
        return query != null && query.getKind() == SqlKind.VALUES;
    }

    private final StatementConverter converter;
    /** The FROM items of the queries being visited, innermost first: each name's columns. */
    private final Deque<Map<String, FromItem>> scopes = new ArrayDeque<>();
    /** The columns of the WITH queries in scope, by name. */
    private final Map<String, List<String>> withQueries = new HashMap<>();

    private RecordJson(StatementConverter converter) {
        this.converter = converter;
    }

    /** Returns the tree with the rows made JSON of replaced as the class comment says. */
    static SqlNode rewrite(SqlNode tree, StatementConverter converter) {
        return tree.accept(new RecordJson(converter));
    }

    @Override
    public SqlNode visit(SqlCall call) {
        if (call instanceof SqlWith with) {
            for (SqlNode node : with.withList) {
                SqlWithItem item = (SqlWithItem) node;
                item.setOperand(2, item.query.accept(this));
                withQueries.put(item.name.getSimple(), item.columnList != null
                        ? names(item.columnList) : queryColumns(item.query));
            }
            with.setOperand(1, with.body.accept(this));
            return with;
        }
        if (call instanceof SqlSelect select) {
            Map<String, FromItem> scope = new LinkedHashMap<>();
            if (select.getFrom() != null) {
                select.setFrom(select.getFrom().accept(this));
                fromItems(select.getFrom(), scope);
            }
            scopes.push(scope);
            try {
                select.setSelectList((SqlNodeList) select.getSelectList().accept(this));
                if (select.getWhere() != null) {
                    select.setWhere(select.getWhere().accept(this));
                }
                if (select.getHaving() != null) {
                    select.setHaving(select.getHaving().accept(this));
                }
                if (select.getOrderList() != null) {
                    select.setOrderBy((SqlNodeList) select.getOrderList().accept(this));
                }
            } finally {
                scopes.pop();
            }
            return select;
        }
        SqlNode visited = super.visit(call);
        return visited instanceof SqlBasicCall basic ? rowJson(basic) : visited;
    }

    /** Returns the call on rows replaced, or the call itself. */
    private SqlNode rowJson(SqlBasicCall call) {
        if (call.operandCount() == 0 || call.operandCount() > 2 || !(call.getOperator() instanceof SqlFunction)) {
            return call;
        }
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        if (!List.of("row_to_json", "to_json", "to_jsonb", "json_agg", "jsonb_agg").contains(name)
                || call.operandCount() == 2 && !name.equals("row_to_json")) {
            return call;
        }
        SqlParserPos pos = call.getParserPosition();
        SqlNode rowJson = rowJson(call.operand(0), pos);
        if (rowJson == null) {
            return call;
        }
        return switch (name) {
            // row_to_json(row, pretty): the flag follows the names and values, an odd operand
            case "row_to_json" -> call.operandCount() == 1 ? rowJson
                    : ROW_TO_JSON.createCall(pos, append(((SqlCall) rowJson).getOperandList(), call.operand(1)));
            case "json_agg" -> JSON_AGG_ROWS.createCall(call.getFunctionQuantifier(), pos, rowJson,
                    SqlLiteral.createBoolean(true, pos));
            default -> call.getOperator().createCall(call.getFunctionQuantifier(), pos, rowJson);
        };
    }

    private static List<SqlNode> append(List<SqlNode> operands, SqlNode last) {
        List<SqlNode> all = new ArrayList<>(operands);
        all.add(last);
        return all;
    }

    /** Returns the row_to_json call of a row value, or null when the operand is no row. */
    private SqlNode rowJson(SqlNode operand, SqlParserPos pos) {
        List<SqlNode> operands = new ArrayList<>();
        if (operand.getKind() == SqlKind.ROW) {
            List<SqlNode> fields = ((SqlCall) operand).getOperandList();
            for (int i = 0; i < fields.size(); i++) {
                operands.add(SqlLiteral.createCharString("f" + (i + 1), pos));
                operands.add(fields.get(i));
            }
            return ROW_TO_JSON.createCall(pos, operands);
        }
        if (!(operand instanceof SqlIdentifier identifier)
                || !(identifier.isSimple() || identifier.names.size() == 2 && identifier.isStar())) {
            return null;
        }
        String alias = identifier.names.get(0);
        for (Map<String, FromItem> scope : scopes) {
            if (identifier.isSimple() && scope.values().stream()
                    .anyMatch(item -> item.columns() != null && item.columns().contains(alias))) {
                return null;
            }
            FromItem item = scope.get(alias);
            if (item != null) {
                if (item.columns() == null) {
                    return null;
                }
                if (item.derived() != null) {
                    nameColumns(item.derived(), item.columns());
                }
                boolean values = item.derived() == null && isValues(item.query());
                for (int i = 0; i < item.columns().size(); i++) {
                    String column = item.columns().get(i);
                    operands.add(SqlLiteral.createCharString(column, pos));
                    // Calcite names the columns of VALUES as it names expressions
                    operands.add(new SqlIdentifier(List.of(alias, values ? "EXPR$" + i : column), pos));
                }
                return ROW_TO_JSON.createCall(pos, operands);
            }
        }
        return null;
    }

    /** Names the derived table's expressions as PostgreSQL does, so that the keys can read them. */
    private static void nameColumns(SqlSelect select, List<String> columns) {
        SqlNodeList items = select.getSelectList();
        for (int i = 0; i < items.size() && i < columns.size(); i++) {
            SqlNode item = items.get(i);
            if (item.getKind() != SqlKind.AS && !(item instanceof SqlIdentifier)) {
                SqlParserPos pos = item.getParserPosition();
                items.set(i, SqlStdOperatorTable.AS.createCall(pos, item, new SqlIdentifier(columns.get(i), pos)));
            }
        }
    }

    /** Derives a call's type from its operands as SqlOperator does, the operator being no function of the catalog's. */
    private static RelDataType typeWithoutLookup(SqlOperator operator, SqlValidator validator,
                                                 SqlValidatorScope scope, SqlCall call) {
        for (SqlNode operand : call.getOperandList()) {
            validator.deriveType(scope, operand);
        }
        return operator.validateOperands(validator, scope, call);
    }

    /** Adds each FROM item's name and columns, where they can be told from the tree and the catalog. */
    private void fromItems(SqlNode from, Map<String, FromItem> scope) {
        switch (from) {
            case SqlJoin join -> {
                fromItems(join.getLeft(), scope);
                fromItems(join.getRight(), scope);
            }
            case SqlIdentifier table -> scope.put(table.names.getLast(), new FromItem(tableColumns(table), null));
            case SqlCall call when call.getKind() == SqlKind.AS -> {
                String alias = ((SqlIdentifier) call.operand(1)).getSimple();
                if (call.operandCount() > 2) {
                    scope.put(alias, new FromItem(names(call.getOperandList().subList(2, call.operandCount())), null));
                } else if (call.operand(0) instanceof SqlIdentifier table) {
                    scope.put(alias, new FromItem(tableColumns(table), null));
                } else {
                    scope.put(alias, new FromItem(queryColumns(call.operand(0)), selectOf(call.operand(0)), call.operand(0)));
                }
            }
            default -> {
            }
        }
    }

    private static SqlSelect selectOf(SqlNode query) {
        return switch (query) {
            case SqlOrderBy orderBy -> selectOf(orderBy.query);
            case SqlWith with -> selectOf(with.body);
            case SqlSelect select -> select;
            default -> null;
        };
    }

    private List<String> tableColumns(SqlIdentifier table) {
        if (table.isSimple() && withQueries.containsKey(table.getSimple())) {
            return withQueries.get(table.getSimple());
        }
        RelOptTable found = converter.table(table.names);
        return found == null ? null : found.getRowType().getFieldList().stream().map(RelDataTypeField::getName)
                .toList();
    }

    /** Returns the names of a query's columns as PostgreSQL names them, or null when they cannot be told. */
    private List<String> queryColumns(SqlNode query) {
        return switch (query) {
            case SqlOrderBy orderBy -> queryColumns(orderBy.query);
            case SqlWith with -> queryColumns(with.body);
            case SqlSelect select -> selectColumns(select);
            case SqlCall call when call.getKind() == SqlKind.VALUES && call.operandCount() > 0
                    && call.operand(0) instanceof SqlCall row -> {
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= row.operandCount(); i++) {
                    columns.add("column" + i);
                }
                yield columns;
            }
            case SqlCall call when call.getKind() == SqlKind.UNION || call.getKind() == SqlKind.INTERSECT
                    || call.getKind() == SqlKind.EXCEPT -> queryColumns(call.operand(0));
            default -> null;
        };
    }

    private List<String> selectColumns(SqlSelect select) {
        List<String> columns = new ArrayList<>();
        for (SqlNode item : select.getSelectList()) {
            switch (item) {
                case SqlCall call when call.getKind() == SqlKind.AS ->
                        columns.add(((SqlIdentifier) call.operand(1)).getSimple());
                case SqlIdentifier identifier when identifier.isStar() -> {
                    return null;
                }
                case SqlIdentifier identifier -> columns.add(identifier.names.getLast());
                case SqlBasicCall call when call.getOperator() instanceof SqlFunction function ->
                        columns.add(function.getName().toLowerCase(Locale.ROOT));
                default -> columns.add("?column?");
            }
        }
        return columns;
    }

    private static List<String> names(List<SqlNode> identifiers) {
        return identifiers.stream().map(node -> ((SqlIdentifier) node).getSimple()).toList();
    }
}
