package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.modgres.api.catalog.SystemFunction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/**
 * Rewrites what PostgreSQL's catalog queries write in ways Calcite does not take, before
 * validation, changing the tree in place:
 * <ul>
 *   <li>{@code _pg_expandarray(a)} in a select list joins {@code UNNEST(a)}, see
 *       {@link ExpandArrayRewriter};</li>
 *   <li>set-returning functions in a select list join their rows, see {@link SelectListSetFunctions};</li>
 *   <li>{@code pg_catalog.f(...)} calls {@code f(...)}: functions live in pg_catalog;</li>
 *   <li>the arguments of a system function are cast to its declared parameter types, so that
 *       {@code pg_get_indexdef('16417', 0, true)} passes an oid;</li>
 *   <li>{@code FROM pg_catalog.unnest(a)} is {@code FROM UNNEST(a)};</li>
 *   <li>{@code FROM generate_series(...) AS g} and {@code FROM unnest(a) AS g} name the function's
 *       one column {@code g}, as PostgreSQL names the column of a scalar function in FROM after
 *       its alias;</li>
 *   <li>{@code date_trunc} and {@code translate}, which Calcite's grammar binds to other dialects'
 *       functions, call PostgreSQL's;</li>
 *   <li>{@code EXTRACT(field FROM x)} calls the function {@code extract('field', x)}, which is numeric
 *       in PostgreSQL 15 and takes PostgreSQL's field names;</li>
 *   <li>{@code 'd' = any(a)} compares a text value, as PostgreSQL types the literal after the
 *       array's elements;</li>
 *   <li>{@code x::regclass} (and regtype, regnamespace, regproc) becomes a call of the system
 *       function that reads the name ({@code regclassin('t')}, an oid) or prints it
 *       ({@code regclassout(c.oid)}, its name), keeping PostgreSQL's column label; as a column of
 *       the result, {@code 't'::regclass} prints the name too;</li>
 *   <li>a cast to a character type may take an array, see {@link ArrayTextCast};</li>
 *   <li>{@code a ^ b} is PostgreSQL's exponentiation, where Calcite's grammar reads a bitwise XOR;</li>
 *   <li>{@code a || b} of strings is text, see {@link StringFunctionOperators#TEXT_CONCAT}.</li>
 * </ul>
 */
final class CatalogRewriter {

    private static final Set<String> OBJECT_IDENTIFIER_TYPES =
            Set.of("regclass", "regtype", "regnamespace", "regproc", "regprocedure", "regrole");

    private final SystemCatalog system;
    private final RelDataTypeFactory typeFactory;

    private CatalogRewriter(SystemCatalog system, RelDataTypeFactory typeFactory) {
        this.system = system;
        this.typeFactory = typeFactory;
    }

    /** Rewrites a tree in place and returns it. */
    static SqlNode rewrite(SqlNode tree, SystemCatalog system, RelDataTypeFactory typeFactory) {
        return tree == null ? null : new CatalogRewriter(system, typeFactory).visit(
                SelectListSetFunctions.rewrite(ExpandArrayRewriter.rewrite(tree)));
    }

    private SqlNode visit(SqlNode node) {
        if (node instanceof SqlNodeList list) {
            for (int i = 0; i < list.size(); i++) {
                SqlNode element = list.get(i);
                if (element != null) {
                    list.set(i, visit(element));
                }
            }
            return list;
        }
        if (!(node instanceof SqlCall call)) {
            return node;
        }
        if (call instanceof SqlSelect select) {
            labelObjectIdentifierCasts(select.getSelectList());
            nameBareUnnest(select);
        }
        List<SqlNode> operands = call.getOperandList();
        for (int i = 0; i < operands.size(); i++) {
            SqlNode operand = operands.get(i);
            if (operand != null) {
                SqlNode rewritten = visit(operand);
                if (rewritten != operand) {
                    call.setOperand(i, rewritten);
                }
            }
        }
        return replace(call);
    }

    private SqlNode replace(SqlCall call) {
        if (call.getOperator() == SqlStdOperatorTable.CONCAT && call instanceof SqlBasicCall concat) {
            concat.setOperator(StringFunctionOperators.TEXT_CONCAT);
            return concat;
        }
        if (call.getOperator() == SqlStdOperatorTable.BITXOR_OPERATOR && call instanceof SqlBasicCall caret) {
            caret.setOperator(MathFunctionOperators.POWER_OPERATOR);
            return caret;
        }
        if (call.getOperator() == SqlLibraryOperators.DATE_TRUNC || call.getOperator() == SqlLibraryOperators.TRANSLATE3) {
            // Calcite's grammar makes these calls of its own functions, other dialects' versions
            String name = call.getOperator() == SqlLibraryOperators.DATE_TRUNC ? "date_trunc" : "translate";
            return unresolved(name, call.getParserPosition(), SqlFunctionCategory.USER_DEFINED_FUNCTION)
                    .createCall(call.getParserPosition(), call.getOperandList());
        }
        if (call.getKind() == SqlKind.EXTRACT && call.operandCount() == 2
                && call.operand(0) instanceof SqlIntervalQualifier unit) {
            return DateTimeFunctionOperators.EXTRACT_FUNCTION.createCall(call.getParserPosition(),
                    SqlLiteral.createCharString(DateTimeFunctionOperators.unitName(unit), unit.getParserPosition()),
                    call.operand(1));
        }
        if (call instanceof SqlBasicCall basic && basic.getOperator() instanceof SqlUnresolvedFunction function) {
            SqlIdentifier name = function.getSqlIdentifier();
            if (name != null && name.names.size() == 2 && name.names.get(0).equals(SystemCatalog.PG_CATALOG)) {
                basic.setOperator(unresolved(name.names.get(1), name.getComponentParserPosition(1),
                        function.getFunctionType()));
            }
            castArguments(basic);
            return basic;
        }
        if (call.getKind() == SqlKind.CAST && call.operandCount() == 2
                && call.operand(1) instanceof SqlDataTypeSpec spec) {
            if (isRegprocLiteralToOid(call.operand(0), spec)) {
                // regproc values are function names here; the OID is looked up from the literal, and
                // the cast stays so that the column keeps PostgreSQL's label
                SqlNode name = ((SqlCall) call.operand(0)).operand(0);
                call.setOperand(0, unresolved("regprocoid", call.getParserPosition(),
                        SqlFunctionCategory.USER_DEFINED_FUNCTION).createCall(call.getParserPosition(), name));
                return call;
            }
            if (call instanceof SqlBasicCall cast && ArrayTextCast.isCharacterTarget(spec)) {
                cast.setOperator(ArrayTextCast.INSTANCE);
                return cast;
            }
            String type = objectIdentifierType(spec);
            if (type != null) {
                SqlNode value = call.operand(0);
                String function = type + (value instanceof SqlCharStringLiteral ? "in" : "out");
                return unresolved(function, call.getParserPosition(), SqlFunctionCategory.USER_DEFINED_FUNCTION)
                        .createCall(call.getParserPosition(), value);
            }
        }
        if ((call.getKind() == SqlKind.SOME || call.getKind() == SqlKind.ALL)
                && call.operand(0) instanceof SqlCharStringLiteral literal
                && call.operand(1) instanceof SqlNodeList list && list.size() == 1 && !list.get(0).isA(SqlKind.QUERY)) {
            // 'd' = any(array_of_text): Calcite compares with an array's elements only values of
            // the elements' own type name, and a literal is CHAR(n)
            call.setOperand(0, SqlStdOperatorTable.CAST.createCall(literal.getParserPosition(), literal,
                    TypeMapping.spec(TypeMapping.toCalcite(typeFactory, ColumnType.of(PgType.TEXT), true))));
            return call;
        }
        if (call.getKind() == SqlKind.COLLECTION_TABLE && isUnnest(call.operand(0))) {
            return SqlStdOperatorTable.UNNEST.createCall(call.getParserPosition(),
                    ((SqlCall) call.operand(0)).getOperandList());
        }
        if (call.getKind() == SqlKind.AS && call.operandCount() == 2
                && (isScalarSetFunctionTable(call.operand(0))
                    || call.operand(0).getKind() == SqlKind.UNNEST && ((SqlCall) call.operand(0)).operandCount() == 1)) {
            SqlIdentifier alias = call.operand(1);
            return SqlStdOperatorTable.AS.createCall(call.getParserPosition(), call.operand(0), alias,
                    alias.clone(alias.getParserPosition()));
        }
        return call;
    }

    /**
     * Names the column of {@code FROM unnest(a)} without an alias {@code unnest}, as PostgreSQL
     * names a function's one column after the function.
     */
    private static void nameBareUnnest(SqlSelect select) {
        SqlNode from = select.getFrom();
        boolean unnest = from instanceof SqlCall call && (call.getOperator() == SqlStdOperatorTable.UNNEST && call.operandCount() == 1
                || call.getKind() == SqlKind.COLLECTION_TABLE && isUnnest(call.operand(0)));
        if (unnest) {
            SqlParserPos pos = from.getParserPosition();
            select.setFrom(SqlStdOperatorTable.AS.createCall(pos, from, new SqlIdentifier("unnest", pos),
                    new SqlIdentifier("unnest", pos)));
        }
    }

    /** Casts each argument of a system function to its parameter's type. */
    private void castArguments(SqlBasicCall call) {
        SqlIdentifier name = ((SqlFunction) call.getOperator()).getSqlIdentifier();
        if (name == null || !name.isSimple()) {
            return;
        }
        SystemFunction function = system.function(name.getSimple(), call.operandCount());
        if (function == null) {
            return;
        }
        for (int i = 0; i < call.operandCount(); i++) {
            PgType type = function.parameterTypes().get(i);
            SqlNode operand = call.operand(i);
            if (type != PgType.UNKNOWN && operand != null) {
                call.setOperand(i, SqlStdOperatorTable.CAST.createCall(operand.getParserPosition(), operand,
                        TypeMapping.spec(TypeMapping.toCalcite(typeFactory, ColumnType.of(type), true))));
            }
        }
    }

    /**
     * Gives a select item that casts to an object identifier type the label PostgreSQL gives it:
     * the column's name for a column, the type's name otherwise.
     */
    private static void labelObjectIdentifierCasts(SqlNodeList selectList) {
        for (int i = 0; i < selectList.size(); i++) {
            SqlNode item = selectList.get(i);
            if (item.getKind() == SqlKind.CAST && ((SqlCall) item).operand(1) instanceof SqlDataTypeSpec spec) {
                String type = objectIdentifierType(spec);
                if (type != null) {
                    SqlNode value = ((SqlCall) item).operand(0);
                    String label = value instanceof SqlIdentifier column
                            ? column.names.get(column.names.size() - 1) : type;
                    if (value instanceof SqlCharStringLiteral) {
                        // a regclass value in a result prints as its name
                        item = unresolved(type + "out", item.getParserPosition(),
                                SqlFunctionCategory.USER_DEFINED_FUNCTION).createCall(item.getParserPosition(), item);
                    }
                    selectList.set(i, SqlStdOperatorTable.AS.createCall(item.getParserPosition(), item,
                            new SqlIdentifier(label, SqlParserPos.ZERO)));
                }
            }
        }
    }

    /** Returns whether a cast to oid casts {@code regprocin('f')}, which this rewriter made of {@code 'f'::regproc}. */
    private static boolean isRegprocLiteralToOid(SqlNode value, SqlDataTypeSpec spec) {
        if (!(value instanceof SqlBasicCall inner) || !inner.getOperator().getName().equals("regprocin")
                || inner.operandCount() != 1 || !(inner.operand(0) instanceof SqlCharStringLiteral)) {
            return false;
        }
        // the parser makes oid (and pg_catalog.oid) an alias type named "oid"
        List<String> names = spec.getTypeNameSpec().getTypeName().names;
        return names.size() == 1 && names.get(0).equals("oid");
    }

    private static String objectIdentifierType(SqlDataTypeSpec spec) {
        if (!(spec.getTypeNameSpec() instanceof SqlUserDefinedTypeNameSpec userDefined)) {
            return null;
        }
        List<String> names = new ArrayList<>(userDefined.getTypeName().names);
        if (names.size() == 2 && names.get(0).equals(SystemCatalog.PG_CATALOG)) {
            names.remove(0);
        }
        return names.size() == 1 && OBJECT_IDENTIFIER_TYPES.contains(names.get(0)) ? names.get(0) : null;
    }

    /**
     * Returns the object identifier type a call this rewriter made from a cast casts to
     * ({@code regclass} for {@code regclassout(x)}, regproc for {@code regprocoid('f')}), or null for any
     * other call.
     */
    static String castTypeOf(SqlCall call) {
        String name = call.getOperator().getName();
        if (name.equals("regprocoid") && call.operandCount() == 1) {
            return "regproc";
        }
        for (String type : OBJECT_IDENTIFIER_TYPES) {
            if (call.operandCount() == 1 && (name.equals(type + "in") || name.equals(type + "out"))) {
                return type;
            }
        }
        return null;
    }

    /** Returns whether a call in FROM is {@code pg_catalog.unnest(...)}, which the prefix kept from being UNNEST. */
    private static boolean isUnnest(SqlNode node) {
        return node instanceof SqlBasicCall call && call.getOperator() instanceof SqlUnresolvedFunction function
                && function.getSqlIdentifier() != null && function.getSqlIdentifier().isSimple()
                && function.getSqlIdentifier().getSimple().equals("unnest");
    }

    /** Returns whether a table in FROM is generate_series(...), LATERAL or not. */
    private static boolean isScalarSetFunctionTable(SqlNode node) {
        SqlNode table = node.getKind() == SqlKind.LATERAL ? ((SqlCall) node).operand(0) : node;
        return table.getKind() == SqlKind.COLLECTION_TABLE && isScalarSetFunction(((SqlCall) table).operand(0));
    }

    private static boolean isScalarSetFunction(SqlNode node) {
        if (!(node instanceof SqlBasicCall call) || !(call.getOperator() instanceof SqlFunction function)) {
            return false;
        }
        SqlIdentifier name = function.getSqlIdentifier();
        String simple = name == null ? function.getName() : name.names.get(name.names.size() - 1);
        return simple.equals(GenerateSeriesFunction.NAME);
    }

    private static SqlUnresolvedFunction unresolved(String name, SqlParserPos pos, SqlFunctionCategory category) {
        return new SqlUnresolvedFunction(new SqlIdentifier(name, pos), null, null, null, null, category);
    }
}
