package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.util.NlsString;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.ViewInfo;

/**
 * The text a view keeps of its query, which pg_get_viewdef shows and which is parsed again
 * whenever the view is read. Simple queries (one table or view in FROM; columns, integer and
 * string constants, comparisons, AND, OR, NOT and arithmetic; WHERE, GROUP BY, ORDER BY) are
 * printed as PostgreSQL's ruleutils.c prints them in pretty mode: columns qualified by their
 * relation, {@code *} expanded, one clause per line. Other queries keep the text as written.
 */
final class ViewDefinitions {

    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_$]*");

    private static final Map<SqlKind, String> OPERATORS = Map.ofEntries(
            Map.entry(SqlKind.EQUALS, "="), Map.entry(SqlKind.NOT_EQUALS, "<>"), Map.entry(SqlKind.LESS_THAN, "<"),
            Map.entry(SqlKind.GREATER_THAN, ">"), Map.entry(SqlKind.LESS_THAN_OR_EQUAL, "<="),
            Map.entry(SqlKind.GREATER_THAN_OR_EQUAL, ">="), Map.entry(SqlKind.PLUS, "+"),
            Map.entry(SqlKind.MINUS, "-"), Map.entry(SqlKind.TIMES, "*"), Map.entry(SqlKind.DIVIDE, "/"),
            Map.entry(SqlKind.AND, "AND"), Map.entry(SqlKind.OR, "OR"));

    /** The relation a simple query reads and the name its columns are qualified with. */
    private record Source(String shown, String qualifier, List<ColumnInfo> columns) {
    }

    /** Thrown inside the printer for what it does not print; the text as written is kept then. */
    private static final class Unprintable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unprintable() {
            super(null, null, false, false);
        }
    }

    /** A view's query as pg_get_viewdef prints it in pretty mode and in plain mode. */
    record Texts(String pretty, String plain) {
    }

    private final Source source;
    private final boolean plain;

    private ViewDefinitions(Source source, boolean plain) {
        this.source = source;
        this.plain = plain;
    }

    /**
     * Returns the text to keep for a view's query.
     *
     * @param text    the query as written
     * @param tree    the query's syntax tree before any planner saw it
     * @param columns the view's column names
     */
    static Texts of(String text, Object tree, List<String> columns, Catalog catalog) {
        try {
            if (tree instanceof SqlSelect select) {
                Source source = source(select, catalog);
                if (source != null) {
                    return new Texts(new ViewDefinitions(source, false).select(select, columns),
                            new ViewDefinitions(source, true).select(select, columns));
                }
            }
        } catch (Unprintable e) {
            // kept as written below
        }
        return new Texts(text.strip(), text.strip());
    }

    private static Source source(SqlSelect select, Catalog catalog) {
        SqlNode from = select.getFrom();
        String alias = null;
        if (from instanceof SqlCall as && as.getKind() == SqlKind.AS && as.operandCount() == 2) {
            from = as.operand(0);
            alias = ((SqlIdentifier) as.operand(1)).getSimple();
        }
        if (!(from instanceof SqlIdentifier identifier) || identifier.names.size() > 2) {
            return null;
        }
        String name = identifier.names.getLast();
        String schema = identifier.names.size() == 2 ? identifier.names.get(0) : SessionSearchPath.schemaOf(name);
        Optional<TableInfo> table = catalog.table(schema, name);
        Optional<ViewInfo> view = catalog.view(schema, name);
        List<ColumnInfo> columns = table.map(TableInfo::columns).or(() -> view.map(ViewInfo::columns)).orElse(null);
        if (columns == null) {
            return null;
        }
        boolean visible = SessionSearchPath.schemaOf(name).equals(schema) && SessionSearchPath.current().contains(schema);
        String shown = (visible ? "" : quote(schema) + ".") + quote(name) + (alias == null ? "" : " " + quote(alias));
        return new Source(shown, alias == null ? name : alias, columns);
    }

    private String select(SqlSelect select, List<String> viewColumns) {
        if (select.isDistinct() || select.getHaving() != null || select.getWindowList() != null
                && !select.getWindowList().isEmpty() || select.getFetch() != null || select.getOffset() != null
                || select.getQualify() != null) {
            throw new Unprintable();
        }
        List<String> targets = new ArrayList<>();
        for (SqlNode item : select.getSelectList()) {
            if (item instanceof SqlIdentifier star && star.isStar()) {
                for (ColumnInfo column : source.columns()) {
                    targets.add(target(qualified(column.name()), column.name(), viewColumns, targets.size()));
                }
                continue;
            }
            SqlNode expression = item;
            String name;
            if (item instanceof SqlCall as && as.getKind() == SqlKind.AS) {
                expression = as.operand(0);
                name = ((SqlIdentifier) as.operand(1)).getSimple();
            } else if (item instanceof SqlIdentifier identifier) {
                name = identifier.names.getLast();
            } else {
                name = "?column?";
            }
            targets.add(target(expression(expression, false), name, viewColumns, targets.size()));
        }
        StringBuilder text = new StringBuilder(" SELECT ").append(String.join(",\n    ", targets));
        text.append("\n   FROM ").append(source.shown());
        if (select.getWhere() != null) {
            text.append("\n  WHERE ").append(expression(select.getWhere(), false));
        }
        if (select.getGroup() != null && !select.getGroup().isEmpty()) {
            text.append("\n  GROUP BY ").append(list(select.getGroup()));
        }
        if (select.getOrderList() != null && !select.getOrderList().isEmpty()) {
            text.append("\n  ORDER BY ").append(list(select.getOrderList()));
        }
        return text.toString();
    }

    /** Returns a target: the expression, and AS the view's column name when it differs from what the expression names. */
    private static String target(String expression, String name, List<String> viewColumns, int position) {
        String column = position < viewColumns.size() ? viewColumns.get(position) : name;
        boolean named = expression.equals(column) || expression.endsWith("." + quote(column));
        return named ? expression : expression + " AS " + quote(column);
    }

    private String list(SqlNodeList nodes) {
        List<String> items = new ArrayList<>();
        for (SqlNode node : nodes) {
            if (node.getKind() == SqlKind.DESCENDING) {
                items.add(expression(((SqlCall) node).operand(0), false) + " DESC");
            } else {
                items.add(expression(node, false));
            }
        }
        return String.join(", ", items);
    }

    private String expression(SqlNode node, boolean nested) {
        switch (node) {
            case SqlIdentifier identifier when identifier.names.size() == 1 -> {
                return qualified(identifier.getSimple());
            }
            case SqlIdentifier identifier when identifier.names.size() == 2
                    && identifier.names.get(0).equals(source.qualifier()) -> {
                return qualified(identifier.names.get(1));
            }
            case SqlNumericLiteral number when number.isInteger() -> {
                return number.toValue();
            }
            case SqlLiteral literal when literal.getValue() instanceof NlsString string -> {
                return "'" + string.getValue().replace("'", "''") + "'::text";
            }
            case SqlBasicCall call when OPERATORS.containsKey(call.getKind()) && call.operandCount() == 2 -> {
                String operator = OPERATORS.get(call.getKind());
                String text = operand(call, 0, operator) + " " + operator + " " + operand(call, 1, operator);
                return nested || plain ? "(" + text + ")" : text;
            }
            case SqlBasicCall call when call.getKind() == SqlKind.NOT -> {
                String text = "NOT " + expression(call.operand(0), true);
                return plain ? "(" + text + ")" : text;
            }
            default -> throw new Unprintable();
        }
    }

    /** Prints an operand, in parentheses when it is another operator's expression (but not a chain of the same). */
    private String operand(SqlBasicCall call, int index, String operator) {
        SqlNode operand = call.operand(index);
        boolean sameChain = operand instanceof SqlBasicCall inner && OPERATORS.get(inner.getKind()) != null
                && OPERATORS.get(inner.getKind()).equals(operator) && (operator.equals("AND") || operator.equals("OR"));
        boolean comparisonUnderLogic = (operator.equals("AND") || operator.equals("OR"))
                && operand instanceof SqlBasicCall inner && inner.getKind().belongsTo(SqlKind.COMPARISON);
        return expression(operand, !sameChain && !comparisonUnderLogic);
    }

    private String qualified(String column) {
        boolean known = source.columns().stream().anyMatch(c -> c.name().equals(column));
        if (!known) {
            throw new Unprintable();
        }
        return quote(source.qualifier()) + "." + quote(column);
    }

    /** Quotes a name as PostgreSQL's quote_identifier does for names that need it. */
    static String quote(String name) {
        return PLAIN_NAME.matcher(name).matches() && name.equals(name.toLowerCase(Locale.ROOT)) ? name
                : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
