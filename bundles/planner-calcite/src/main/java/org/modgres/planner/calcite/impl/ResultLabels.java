package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.validate.SqlValidator;
import org.modgres.api.error.PgException;

/**
 * Names result columns as PostgreSQL does: an unnamed function call is named after the function,
 * a cast after its type, a VALUES column {@code columnN}, anything else {@code ?column?}.
 */
final class ResultLabels {

    private static final Pattern CALCITE_GENERATED = Pattern.compile("EXPR\\$\\d+");

    private ResultLabels() {
    }

    /**
     * Returns the labels of a validated query's columns.
     *
     * @param text the statement's text, which tells the calls the validator rewrote (coalesce and
     *             nullif become CASE) by the word at their position; or null
     */
    static List<String> of(SqlNode validated, SqlValidator validator, String text) {
        List<RelDataTypeField> fields = validator.getValidatedNodeType(validated).getFieldList();
        SqlSelect select = firstSelect(validated);
        List<String> labels = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).getName();
            String repeated = select != null && fields.size() == select.getSelectList().size()
                    ? repeatedName(select.getSelectList().get(i)) : null;
            if (repeated != null) {
                labels.add(repeated);
            } else if (!CALCITE_GENERATED.matcher(name).matches()) {
                labels.add(name);
            } else if (select != null && i < select.getSelectList().size()) {
                labels.add(labelOf(select.getSelectList().get(i), text));
            } else if (select == null && validated.getKind() == SqlKind.VALUES) {
                labels.add("column" + (i + 1));
            } else {
                labels.add("?column?");
            }
        }
        return labels;
    }

    /**
     * Returns the name of a column that has the name of one before it, which the validator made
     * unique with an alias of its own ({@code name AS name0}, where the alias call has the
     * column's position); PostgreSQL keeps such names as they are. Returns null for other items.
     */
    private static String repeatedName(SqlNode item) {
        if (item instanceof SqlBasicCall call && call.getKind() == SqlKind.AS && call.operandCount() == 2
                && call.operand(0) instanceof SqlIdentifier column && !column.isStar()
                && call.operand(1) instanceof SqlIdentifier alias
                && call.getParserPosition().equals(column.getParserPosition())) {
            String name = column.names.getLast();
            String unique = alias.getSimple();
            if (unique.length() > name.length() && unique.startsWith(name)
                    && unique.substring(name.length()).chars().allMatch(Character::isDigit)) {
                return name;
            }
        }
        return null;
    }

        private static SqlSelect firstSelect(SqlNode node) {
        if (node instanceof SqlSelect select) {
            return select;
        }
        if (node instanceof SqlWith with) {
            return firstSelect(with.body);
        }
        if (node instanceof SqlOrderBy orderBy) {
            return firstSelect(orderBy.query);
        }
        if (node instanceof SqlBasicCall call && call.getKind() != SqlKind.VALUES && !call.getOperandList().isEmpty()
                && (call.getKind() == SqlKind.UNION || call.getKind() == SqlKind.INTERSECT
                        || call.getKind() == SqlKind.EXCEPT)) {
            return firstSelect(call.operand(0));
        }
        return null;
    }

    private static String labelOf(SqlNode item, String text) {
        Label label = figure(item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item, text);
        return label.strength() > 0 ? label.name() : "?column?";
    }

    /** Returns the name a cast to a type labels a column with: the type's, an array's element type's. */
    private static String typeLabel(SqlDataTypeSpec spec) {
        if (spec.getTypeNameSpec() instanceof SqlCollectionTypeNameSpec array) {
            return typeLabel(new SqlDataTypeSpec(array.getElementTypeName(), spec.getParserPosition()));
        }
        try {
            return DdlTypes.columnType(spec).type().typname();
        } catch (PgException e) {
            List<String> names = spec.getTypeName().names;
            return names.get(names.size() - 1).toLowerCase(Locale.ROOT);
        }
    }

    /** Returns coalesce or nullif when a CASE is the validator's rewrite of that call, else null. */
    private static String rewrittenFunction(SqlCall caseCall, String text) {
        if (text == null) {
            return null;
        }
        org.apache.calcite.sql.parser.SqlParserPos pos = caseCall.getParserPosition();
        int start = ValidationErrors.offsetOf(text, pos.getLineNum(), pos.getColumnNum()) - 1;
        if (start < 0 || start >= text.length()) {
            return null;
        }
        int end = start;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        String word = text.substring(start, end).toLowerCase(Locale.ROOT);
        return word.equals("coalesce") || word.equals("nullif") ? word : null;
    }

    /** A column name and how sure PostgreSQL is of it: 2 for a real name, 1 for a fallback, 0 for none. */
    private record Label(String name, int strength) {
        static final Label NONE = new Label("?column?", 0);
    }

    /**
     * Names an expression as PostgreSQL's FigureColname does: a column after itself, a function
     * after the function, a cast after what it casts or else its type, a CASE after its ELSE
     * branch or else "case", a scalar sub-query after its column, ARRAY(...) "array", EXISTS "exists".
     */
    private static Label figure(SqlNode expression, String text) {
        if (expression instanceof SqlIdentifier identifier) {
            String name = identifier.names.get(identifier.names.size() - 1);
            return CALCITE_GENERATED.matcher(name).matches() ? Label.NONE : new Label(name, 2);
        }
        if (expression instanceof SqlSelect select) {
            return select.getSelectList().size() == 1 ? new Label(labelOf(select.getSelectList().get(0), text), 2)
                    : Label.NONE;
        }
        if (expression instanceof org.apache.calcite.sql.SqlIntervalLiteral) {
            // interval '1' day is a cast in PostgreSQL's grammar, named after its type
            return new Label("interval", 1);
        }
        if (!(expression instanceof SqlCall call)) {
            return Label.NONE;
        }
        if (call.getKind() == SqlKind.ITEM || call.getOperator().getName().equals("[:]")
                || call.getKind() == SqlKind.FILTER
                || call.getKind() == SqlKind.WITHIN_GROUP) {
            // a subscript or slice is named after the array, an aggregate's FILTER or ORDER BY after the aggregate
            return figure(call.operand(0), text);
        }
        if (call.getKind() == SqlKind.OVER) {
            // a window function is named after the function
            return figure(call.operand(0), text);
        }
        if (call.getKind() == SqlKind.CAST && call.operandCount() == 2
                && call.operand(1) instanceof SqlDataTypeSpec spec) {
            Label operand = figure(call.operand(0), text);
            return operand.strength() > 1 ? operand : new Label(typeLabel(spec), 1);
        }
        String objectIdentifierType = CatalogRewriter.castTypeOf(call);
        if (objectIdentifierType != null) {
            Label operand = figure(call.operand(0), text);
            return operand.strength() > 1 ? operand : new Label(objectIdentifierType, 1);
        }
        if (call.getKind() == SqlKind.CASE) {
            String rewritten = rewrittenFunction(call, text);
            if (rewritten != null) {
                return new Label(rewritten, 2);
            }
            List<SqlNode> operands = call.getOperandList();
            Label otherwise = figure(operands.get(operands.size() - 1), text);
            return otherwise.strength() > 1 ? otherwise : new Label("case", 1);
        }
        if (call.getKind() == SqlKind.ARRAY_QUERY_CONSTRUCTOR || call.getKind() == SqlKind.ARRAY_VALUE_CONSTRUCTOR) {
            return new Label("array", 2);
        }
        if (call.getKind() == SqlKind.EXISTS) {
            return new Label("exists", 2);
        }
        if (call.getKind() == SqlKind.SCALAR_QUERY) {
            return figure(call.operand(0), text);
        }
        if (call.getKind() == SqlKind.TRIM && call.operand(0) instanceof SqlLiteral flag) {
            // PostgreSQL's grammar turns TRIM into the function that does it
            return new Label(switch (flag.getValueAs(SqlTrimFunction.Flag.class)) {
                case LEADING -> "ltrim";
                case TRAILING -> "rtrim";
                default -> "btrim";
            }, 2);
        }
        if (call.getOperator() instanceof org.apache.calcite.sql.SqlFunction
                || call.getOperator() instanceof org.apache.calcite.sql.SqlAggFunction) {
            return new Label(call.getOperator().getName().toLowerCase(Locale.ROOT), 2);
        }
        return Label.NONE;
    }
}
