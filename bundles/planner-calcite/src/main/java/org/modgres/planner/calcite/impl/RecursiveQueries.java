package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;

/**
 * PostgreSQL's rules for the queries of WITH RECURSIVE, which Calcite checks less strictly or
 * reports as other errors: a query that reads itself has the form {@code non-recursive-term
 * UNION [ALL] recursive-term}, reads itself once, in the recursive term's own FROM, without
 * aggregates there, and its non-recursive term has the column types of the whole (42P19).
 */
final class RecursiveQueries {

    private final String text;

    private RecursiveQueries(String text) {
        this.text = text;
    }

    /**
     * The non-recursive term of a recursive query, to be validated on its own: the validator
     * gives the term of a UNION the union's types, where PostgreSQL requires them to be alike.
     *
     * @param name  the recursive query's name
     * @param query a copy of the term, inside a copy of the WITH queries before it
     * @param term  the term as written, for the positions of its columns
     */
    record NonRecursiveTerm(String name, SqlNode query, SqlNode term) {
    }

    /**
     * Checks the form of every recursive query of a statement, before validation; returns their
     * non-recursive terms, for {@link #checkTypes}.
     */
    static List<NonRecursiveTerm> checkForm(SqlNode tree, String text) {
        RecursiveQueries checks = new RecursiveQueries(text);
        List<NonRecursiveTerm> terms = new ArrayList<>();
        tree.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlWith with) {
                    for (int i = 0; i < with.withList.size(); i++) {
                        SqlWithItem item = (SqlWithItem) with.withList.get(i);
                        if (item.recursive != null && item.recursive.booleanValue() && checks.checkForm(item)) {
                            SqlNode term = ((SqlBasicCall) item.query).operand(0);
                            List<SqlNode> before = new ArrayList<>();
                            for (int j = 0; j < i; j++) {
                                before.add(SqlTrees.copy(with.withList.get(j)));
                            }
                            SqlNode query = before.isEmpty() ? SqlTrees.copy(term)
                                    : new SqlWith(term.getParserPosition(),
                                    new SqlNodeList(before, with.withList.getParserPosition()), SqlTrees.copy(term));
                            terms.add(new NonRecursiveTerm(item.name.getSimple(), query, term));
                        }
                    }
                }
                return super.visit(call);
            }
        });
        return terms;
    }

    /**
     * Checks that the non-recursive terms have the column types of their recursive queries, after
     * the statement's validation.
     */
    static void checkTypes(List<NonRecursiveTerm> terms, SqlNode validated, StatementConverter converter,
                           String text) {
        if (terms.isEmpty()) {
            return;
        }
        RecursiveQueries checks = new RecursiveQueries(text);
        List<SqlWithItem> items = recursiveItems(validated);
        for (NonRecursiveTerm term : terms) {
            for (SqlWithItem item : items) {
                if (item.name.getSimple().equals(term.name())) {
                    RelDataType early = converter.validator().getValidatedNodeType(converter.validate(term.query()));
                    RelDataType overall = converter.validator().getValidatedNodeTypeIfKnown(item.query);
                    checks.checkTypes(term, early, overall);
                    break;
                }
            }
        }
    }

    private static List<SqlWithItem> recursiveItems(SqlNode tree) {
        List<SqlWithItem> items = new ArrayList<>();
        tree.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlWith with) {
                    for (SqlNode node : with.withList) {
                        SqlWithItem item = (SqlWithItem) node;
                        if (item.recursive != null && item.recursive.booleanValue()) {
                            items.add(item);
                        }
                    }
                }
                return super.visit(call);
            }
        });
        return items;
    }

    /** Checks one recursive query; returns false when it does not read itself, and so is not recursive. */
    private boolean checkForm(SqlWithItem item) {
        String name = item.name.getSimple();
        SqlNode query = item.query;
        if (!references(query, name)) {
            return false;
        }
        if (!(query instanceof SqlBasicCall union) || union.getKind() != SqlKind.UNION) {
            throw error("recursive query \"" + name
                    + "\" does not have the form non-recursive-term UNION [ALL] recursive-term", null,
                    item.name.getParserPosition());
        }
        SqlNode nonRecursive = union.operand(0);
        SqlNode recursive = union.operand(1);
        List<SqlIdentifier> early = new ArrayList<>();
        collectReferences(nonRecursive, name, early, true);
        if (!early.isEmpty()) {
            throw error("recursive reference to query \"" + name + "\" must not appear within its non-recursive term",
                    null, early.getFirst().getParserPosition());
        }
        List<SqlIdentifier> inFrom = new ArrayList<>();
        if (recursive instanceof SqlSelect select && select.getFrom() != null) {
            collectReferences(select.getFrom(), name, inFrom, false);
        }
        List<SqlIdentifier> all = new ArrayList<>();
        collectReferences(recursive, name, all, true);
        for (SqlIdentifier reference : all) {
            if (!inFrom.contains(reference)) {
                throw error("recursive reference to query \"" + name + "\" must not appear within a subquery", null,
                        reference.getParserPosition());
            }
        }
        if (inFrom.size() > 1) {
            throw error("recursive reference to query \"" + name + "\" must not appear more than once", null,
                    inFrom.get(1).getParserPosition());
        }
        if (recursive instanceof SqlSelect select) {
            SqlCall aggregate = firstAggregate(select.getSelectList());
            if (aggregate != null) {
                throw error("aggregate functions are not allowed in a recursive query's recursive term", null,
                        aggregate.getParserPosition());
            }
        }
        return true;
    }

    private void checkTypes(NonRecursiveTerm term, RelDataType early, RelDataType overall) {
        if (early == null || overall == null || early.getFieldCount() != overall.getFieldCount()) {
            return;
        }
        for (int i = 0; i < early.getFieldCount(); i++) {
            RelDataType from = early.getFieldList().get(i).getType();
            RelDataType to = overall.getFieldList().get(i).getType();
            // Calcite types string literals as char(n); PostgreSQL's text takes them as they are
            boolean bothText = from.getFamily() == SqlTypeFamily.CHARACTER && to.getFamily() == SqlTypeFamily.CHARACTER;
            String fromName = TypeOfFunction.typeName(from);
            String toName = TypeOfFunction.typeName(to);
            if (!bothText && !fromName.equals(toName) && from.getSqlTypeName() != SqlTypeName.NULL) {
                SqlParserPos pos = term.term() instanceof SqlSelect select && i < select.getSelectList().size()
                        ? select.getSelectList().get(i).getParserPosition() : term.term().getParserPosition();
                throw error("recursive query \"" + term.name() + "\" column " + (i + 1) + " has type "
                        + fromName + " in non-recursive term but type " + toName + " overall",
                        "Cast the output of the non-recursive term to the correct type.", pos);
            }
        }
    }

    /** Tells whether a query reads a table of the name anywhere, sub-queries included. */
    private static boolean references(SqlNode query, String name) {
        List<SqlIdentifier> found = new ArrayList<>();
        collectReferences(query, name, found, true);
        return !found.isEmpty();
    }

    /**
     * Collects the table references of the name in a FROM clause (or, deep, in the FROM clauses of
     * every query inside a tree), stopping at nested WITH clauses that define the name again.
     */
    private static void collectReferences(SqlNode node, String name, List<SqlIdentifier> found, boolean deep) {
        if (node == null) {
            return;
        }
        switch (node) {
            case SqlIdentifier identifier -> {
                if (identifier.isSimple() && identifier.getSimple().equals(name)) {
                    found.add(identifier);
                }
            }
            case SqlSelect select -> {
                if (!deep) {
                    return;
                }
                collectReferences(select.getFrom(), name, found, true);
                for (SqlNode operand : select.getOperandList()) {
                    if (operand != select.getFrom()) {
                        collectNested(operand, name, found);
                    }
                }
            }
            case SqlJoin join -> {
                collectReferences(join.getLeft(), name, found, deep);
                collectReferences(join.getRight(), name, found, deep);
                collectNested(join.getCondition(), name, found);
            }
            case SqlWith with -> {
                for (SqlNode withItem : with.withList) {
                    if (((SqlWithItem) withItem).name.getSimple().equals(name)) {
                        return;
                    }
                }
                with.withList.forEach(withItem -> collectReferences(((SqlWithItem) withItem).query, name, found, deep));
                collectReferences(with.body, name, found, deep);
            }
            case SqlOrderBy orderBy -> collectReferences(orderBy.query, name, found, deep);
            case SqlCall call when call.getKind() == SqlKind.AS -> {
                collectReferences(call.operand(0), name, found, deep);
            }
            case SqlCall call when call.getKind() == SqlKind.UNION || call.getKind() == SqlKind.INTERSECT
                    || call.getKind() == SqlKind.EXCEPT || call.getKind() == SqlKind.LATERAL -> {
                for (SqlNode operand : call.getOperandList()) {
                    collectReferences(operand, name, found, deep);
                }
            }
            default -> collectNested(node, name, found);
        }
    }

    /** Collects the references in the queries nested in an expression (sub-queries). */
    private static void collectNested(SqlNode expression, String name, List<SqlIdentifier> found) {
        if (expression == null || expression instanceof SqlIdentifier || expression instanceof SqlLiteral) {
            return;
        }
        if (expression instanceof SqlSelect || expression instanceof SqlWith || expression instanceof SqlOrderBy) {
            collectReferences(expression, name, found, true);
            return;
        }
        if (expression instanceof SqlNodeList list) {
            list.forEach(item -> collectNested(item, name, found));
        } else if (expression instanceof SqlCall call) {
            if (call.getKind() == SqlKind.UNION || call.getKind() == SqlKind.INTERSECT
                    || call.getKind() == SqlKind.EXCEPT) {
                collectReferences(call, name, found, true);
                return;
            }
            call.getOperandList().forEach(operand -> collectNested(operand, name, found));
        }
    }

    private static SqlCall firstAggregate(SqlNodeList items) {
        SqlCall[] found = {null};
        items.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (found[0] == null && isAggregate(call)) {
                    found[0] = call;
                }
                if (call instanceof SqlSelect) {
                    return null;
                }
                return super.visit(call);
            }
        });
        return found[0];
    }

    /** Tells whether a call of the parser's tree, whose functions are not resolved yet, is an aggregate. */
    private static boolean isAggregate(SqlCall call) {
        if (call.getOperator().isAggregator()) {
            return true;
        }
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        return AGGREGATES.contains(name);
    }

    private static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max",
            "array_agg", "string_agg", "bool_and", "bool_or", "every", "bit_and", "bit_or", "stddev", "stddev_pop",
            "stddev_samp", "variance", "var_pop", "var_samp", "json_agg", "jsonb_agg", "json_object_agg",
            "jsonb_object_agg");

        private PgException error(String message, String hint, SqlParserPos pos) {
        return new PgException(SqlState.INVALID_RECURSION, Severity.ERROR, message, null, hint,
                ValidationErrors.offsetOf(text, pos.getLineNum(), pos.getColumnNum()), null);
    }
}
