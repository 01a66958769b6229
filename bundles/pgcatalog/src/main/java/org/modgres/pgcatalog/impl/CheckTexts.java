package org.modgres.pgcatalog.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.modgres.api.storage.TableInfo;
import org.modgres.api.type.PgType;

/**
 * A CHECK condition as PostgreSQL's {@code pg_get_constraintdef} prints it, from the text the
 * catalog keeps: comparisons, AND, OR, NOT, IS [NOT] NULL, IN and BETWEEN (as PostgreSQL stores
 * them: {@code = ANY (ARRAY[...])}, two comparisons), arithmetic and function calls, with string
 * constants typed after the column they are compared with ({@code 'x'::text}), parenthesised as
 * PostgreSQL's pretty and plain forms do. A condition outside what this reads is printed as kept.
 */
final class CheckTexts {

    private static final Pattern TOKENS = Pattern.compile(
            "\\s*(?:('(?:[^']|'')*')|(\"(?:[^\"]|\"\")*\")|([A-Za-z_][A-Za-z0-9_$]*)|(\\d+(?:\\.\\d+)?)"
                    + "|(<>|!=|<=|>=|[=<>(),+\\-*/%]))");
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");

    /** A node of the condition; {@code type} is the column type a column or typed constant has, else null. */
    private sealed interface Node permits Column, Constant, Call, Operation, Bool, Not, NullTest, AnyArray {
    }

    private record Column(String name, PgType type) implements Node {
    }

    /** A number, or a string typed by what it is compared with. */
    private record Constant(String text, boolean string) implements Node {
    }

    private record Call(String name, List<Node> arguments) implements Node {
    }

    /** A binary operator: comparisons and arithmetic. */
    private record Operation(String operator, Node left, Node right) implements Node {
    }

    private record Bool(String operator, List<Node> operands) implements Node {
    }

    private record Not(Node operand) implements Node {
    }

    private record NullTest(Node operand, boolean not) implements Node {
    }

    private record AnyArray(Node left, boolean not, List<Node> items) implements Node {
    }

    /** Thrown where the text holds what this does not read; the kept text is printed instead. */
    private static final class Unreadable extends RuntimeException {
        Unreadable() {
            super(null, null, false, false);
        }
    }

    private final List<String> tokens = new ArrayList<>();
    private final List<Integer> kinds = new ArrayList<>();
    private final TableInfo table;
    private int next;

    private CheckTexts(String text, TableInfo table) {
        this.table = table;
        Matcher matcher = TOKENS.matcher(text);
        int end = 0;
        while (end < text.length() && matcher.find(end) && matcher.start() == end) {
            for (int group = 1; group <= 5; group++) {
                if (matcher.group(group) != null) {
                    tokens.add(matcher.group(group));
                    kinds.add(group);
                }
            }
            end = matcher.end();
        }
        if (!text.substring(end).isBlank()) {
            throw new Unreadable();
        }
    }

    /** Returns the condition as {@code pg_get_constraintdef(oid, pretty)} prints it inside {@code CHECK (...)}. */
    static String of(String kept, TableInfo table, boolean pretty) {
        try {
            CheckTexts reader = new CheckTexts(kept, table);
            Node condition = reader.or();
            if (reader.next != reader.tokens.size()) {
                throw new Unreadable();
            }
            return pretty ? pretty(condition, null) : plain(condition);
        } catch (Unreadable e) {
            return pretty ? kept : "(" + kept + ")";
        }
    }

    private String peek() {
        return next < tokens.size() ? tokens.get(next) : "";
    }

    private boolean word(String keyword) {
        if (next < tokens.size() && kinds.get(next) == 3 && tokens.get(next).equalsIgnoreCase(keyword)) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!peek().equals(token)) {
            throw new Unreadable();
        }
        next++;
    }

    private Node or() {
        List<Node> operands = new ArrayList<>(List.of(and()));
        while (word("or")) {
            operands.add(and());
        }
        return operands.size() == 1 ? operands.getFirst() : new Bool("OR", operands);
    }

    private Node and() {
        List<Node> operands = new ArrayList<>(List.of(not()));
        while (word("and")) {
            operands.add(not());
        }
        return operands.size() == 1 ? operands.getFirst() : new Bool("AND", operands);
    }

    private Node not() {
        return word("not") ? new Not(not()) : predicate();
    }

    private Node predicate() {
        Node left = sum();
        if (COMPARISONS.contains(peek())) {
            String operator = tokens.get(next++);
            Node right = sum();
            return new Operation(operator.equals("!=") ? "<>" : operator, left, right);
        }
        if (word("is")) {
            boolean not = word("not");
            if (!word("null")) {
                throw new Unreadable();
            }
            return new NullTest(left, not);
        }
        boolean not = word("not");
        if (word("in")) {
            expect("(");
            List<Node> items = new ArrayList<>(List.of(sum()));
            while (peek().equals(",")) {
                next++;
                items.add(sum());
            }
            expect(")");
            return new AnyArray(left, not, items);
        }
        if (!not && word("between")) {
            Node low = sum();
            if (!word("and")) {
                throw new Unreadable();
            }
            Node high = sum();
            return new Bool("AND", List.of(new Operation(">=", left, low), new Operation("<=", left, high)));
        }
        if (not) {
            throw new Unreadable();
        }
        return left;
    }

    private Node sum() {
        Node left = term();
        while (peek().equals("+") || peek().equals("-")) {
            String operator = tokens.get(next++);
            left = new Operation(operator, left, term());
        }
        return left;
    }

    private Node term() {
        Node left = atom();
        while (peek().equals("*") || peek().equals("/") || peek().equals("%")) {
            String operator = tokens.get(next++);
            left = new Operation(operator, left, atom());
        }
        return left;
    }

    private Node atom() {
        if (next >= tokens.size()) {
            throw new Unreadable();
        }
        String token = tokens.get(next);
        int kind = kinds.get(next++);
        if (kind == 3 && token.equalsIgnoreCase("cast") && peek().equals("(")) {
            // the planner keeps 'x'::text as CAST('x' AS VARCHAR) when the text as written is not standard SQL
            next++;
            Node value = atom();
            if (!(value instanceof Constant constant) || !constant.string() || !word("as") || !word("varchar")) {
                throw new Unreadable();
            }
            expect(")");
            return value;
        }
        switch (kind) {
            case 1 -> {
                return new Constant(token, true);
            }
            case 4 -> {
                return new Constant(token, false);
            }
            case 2, 3 -> {
                String name = kind == 2 ? token.substring(1, token.length() - 1).replace("\"\"", "\"")
                        : token.toLowerCase(Locale.ROOT);
                if (peek().equals("(") && kind == 3) {
                    next++;
                    List<Node> arguments = new ArrayList<>();
                    if (!peek().equals(")")) {
                        arguments.add(or());
                        while (peek().equals(",")) {
                            next++;
                            arguments.add(or());
                        }
                    }
                    expect(")");
                    return new Call(name, arguments);
                }
                int index = table.columnIndex(name);
                if (index < 0) {
                    throw new Unreadable();
                }
                return new Column(name, table.columns().get(index).type().type());
            }
            default -> {
                if (token.equals("(")) {
                    Node inner = or();
                    expect(")");
                    return inner;
                }
                throw new Unreadable();
            }
        }
    }

    /** Returns the type a string constant compared with this node takes, as PostgreSQL prints it. */
    private static String stringType(Node other) {
        if (!(other instanceof Column column)) {
            throw new Unreadable();
        }
        return switch (column.type()) {
            case TEXT, VARCHAR -> "text";
            case BPCHAR -> "bpchar";
            case DATE -> "date";
            default -> throw new Unreadable();
        };
    }

    /** Returns a comparison's operand; a varchar column compared with a string is cast to text. */
    private static String operand(Node node, Node other, boolean pretty, Node parent) {
        if (node instanceof Constant constant && constant.string()) {
            return constant.text() + "::" + stringType(other);
        }
        if (node instanceof Constant constant && other instanceof Column column) {
            return number(constant, column.type(), pretty);
        }
        if (node instanceof Column column && column.type() == PgType.VARCHAR
                && other instanceof Constant constant && constant.string()) {
            String name = Identifiers.quote(column.name());
            return pretty ? name + "::text" : "(" + name + ")::text";
        }
        return pretty ? pretty(node, parent) : plain(node);
    }

    /** Returns a number compared with a column: as written where PostgreSQL needs no cast, 0::numeric for numeric. */
    private static String number(Constant constant, PgType columnType, boolean pretty) {
        boolean integer = !constant.text().contains(".");
        return switch (columnType) {
            case INT2, INT4, INT8 -> {
                if (!integer) {
                    throw new Unreadable();
                }
                yield constant.text();
            }
            case NUMERIC -> !integer ? constant.text()
                    : pretty ? constant.text() + "::numeric" : "(" + constant.text() + ")::numeric";
            default -> throw new Unreadable();
        };
    }

    private static boolean isArithmetic(String operator) {
        return "+-*/%".contains(operator);
    }

    private static String pretty(Node node, Node parent) {
        return switch (node) {
            case Column column -> Identifiers.quote(column.name());
            case Constant constant -> {
                if (constant.string()) {
                    throw new Unreadable();
                }
                yield constant.text();
            }
            case Call call -> call.name() + "(" + String.join(", ",
                    call.arguments().stream().map(a -> pretty(a, null)).toList()) + ")";
            case Operation operation -> {
                String text = operand(operation.left(), operation.right(), true, operation) + " "
                        + operation.operator() + " " + operand(operation.right(), operation.left(), true, operation);
                yield needsParentheses(operation, parent) ? "(" + text + ")" : text;
            }
            case Bool bool -> {
                String text = String.join(" " + bool.operator() + " ",
                        bool.operands().stream().map(o -> pretty(o, bool)).toList());
                boolean simple = parent instanceof Bool outer
                        && (bool.operator().equals("AND") || outer.operator().equals("OR"));
                yield parent == null || simple ? text : "(" + text + ")";
            }
            case Not not -> {
                String text = "NOT " + pretty(not.operand(), not);
                yield parent == null || parent instanceof Bool ? text : "(" + text + ")";
            }
            case NullTest test -> pretty(test.operand(), test) + (test.not() ? " IS NOT NULL" : " IS NULL");
            case AnyArray any -> anyArray(any, true);
        };
    }

    /** PostgreSQL's pretty form parenthesises arithmetic inside comparisons, and + or - inside * / %. */
    private static boolean needsParentheses(Operation operation, Node parent) {
        if (!(parent instanceof Operation outer) || !isArithmetic(operation.operator())) {
            return false;
        }
        boolean low = "+-".contains(operation.operator());
        return !isArithmetic(outer.operator()) || low && "*/%".contains(outer.operator());
    }

    private static String plain(Node node) {
        return switch (node) {
            case Column column -> Identifiers.quote(column.name());
            case Constant constant -> {
                if (constant.string()) {
                    throw new Unreadable();
                }
                yield constant.text();
            }
            case Call call -> call.name() + "(" + String.join(", ", call.arguments().stream()
                    .map(CheckTexts::plain).toList()) + ")";
            case Operation operation -> "(" + operand(operation.left(), operation.right(), false, operation) + " "
                    + operation.operator() + " " + operand(operation.right(), operation.left(), false, operation) + ")";
            case Bool bool -> "(" + String.join(" " + bool.operator() + " ",
                    bool.operands().stream().map(CheckTexts::plain).toList()) + ")";
            case Not not -> "(NOT " + plain(not.operand()) + ")";
            case NullTest test -> "(" + plain(test.operand()) + (test.not() ? " IS NOT NULL)" : " IS NULL)");
            case AnyArray any -> "(" + anyArray(any, false) + ")";
        };
    }

    private static String anyArray(AnyArray any, boolean pretty) {
        if (!(any.left() instanceof Column column) || column.type() == PgType.VARCHAR) {
            throw new Unreadable();
        }
        List<String> items = new ArrayList<>();
        for (Node item : any.items()) {
            if (!(item instanceof Constant constant)) {
                throw new Unreadable();
            }
            if (constant.string()) {
                items.add(constant.text() + "::" + stringType(column));
            } else if (column.type() == PgType.INT2 || column.type() == PgType.INT4 || column.type() == PgType.INT8) {
                items.add(number(constant, column.type(), pretty));
            } else {
                throw new Unreadable();
            }
        }
        return Identifiers.quote(column.name()) + (any.not() ? " <> ALL (ARRAY[" : " = ANY (ARRAY[")
                + String.join(", ", items) + "])";
    }
}
