package org.modgres.parser.impl.syntax;

import java.util.Locale;
import java.util.Set;

import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.modgres.api.error.SqlState;

/** Small pieces of PostgreSQL syntax the grammar delegates to plain Java. */
public final class PgSyntax {

    /** {@code expr::type}; the parse tree holds a standard CAST call instead. */
    public static final SqlBinaryOperator INFIX_CAST = new InfixCastOperator();

    /**
     * The marker of {@code SELECT DISTINCT ON (a, b)}: the SqlSelect's QUALIFY slot holds a call
     * of this operator with the expressions a and b, and its keywords lose DISTINCT. The planner
     * finds it by its name and turns it into the QUALIFY that PostgreSQL's semantics need, which
     * depends on the query's ORDER BY, outside the SqlSelect.
     */
    public static final SqlSpecialOperator DISTINCT_ON = new SqlSpecialOperator("DISTINCT ON", SqlKind.OTHER);

    /** Words that name what an ALTER TABLE action acts on, shown in its error message. */
    private static final Set<String> ACTION_OBJECTS = Set.of("COLUMN", "CONSTRAINT", "UNIQUE", "FOREIGN", "CHECK",
            "EXCLUDE", "TO", "SCHEMA", "OWNER", "DEFAULT", "TRIGGER");

    private PgSyntax() {
    }

    /**
     * Returns {@code $n} as a dynamic parameter with index n - 1. The same parameter may occur
     * several times and in any order; each occurrence gets the same index.
     */
    public static SqlDynamicParam positionalParameter(String image, SqlParserPos pos) {
        final String digits = image.substring(1);
        final int number;
        try {
            number = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw noSuchParameter(digits, pos);
        }
        if (number < 1) {
            throw noSuchParameter(digits, pos);
        }
        return new SqlDynamicParam(number - 1, pos);
    }

    private static ParserException noSuchParameter(String digits, SqlParserPos pos) {
        return new ParserException(SqlState.UNDEFINED_PARAMETER, "there is no parameter $" + digits, pos);
    }

    /**
     * Records {@code DISTINCT ON (expressions)} in a select, as {@link #DISTINCT_ON} describes.
     *
     * @param expressions the expressions, or {@code null} for a select without DISTINCT ON
     */
    public static void distinctOn(SqlSelect select, SqlNodeList expressions) {
        if (expressions == null) {
            return;
        }
        SqlNodeList keywords = new SqlNodeList(select.getOperandList().get(0).getParserPosition());
        for (SqlNode keyword : (SqlNodeList) select.getOperandList().get(0)) {
            if (!isDistinct(keyword)) {
                keywords.add(keyword);
            }
        }
        if (select.getQualify() != null) {
            throw notSupported("QUALIFY with DISTINCT ON", select.getQualify().getParserPosition());
        }
        select.setOperand(0, keywords);
        select.setQualify(DISTINCT_ON.createCall(expressions.getParserPosition(), expressions.getList()));
    }

    /** Returns whether a keyword of SELECT is DISTINCT. */
    public static boolean isDistinct(SqlNode keyword) {
        return keyword instanceof SqlLiteral literal
                && literal.symbolValue(SqlSelectKeyword.class) == SqlSelectKeyword.DISTINCT;
    }

    /**
     * {@code FROM f(args) WITH ORDINALITY}: a set-returning function's rows numbered (see
     * SetFunctionOrdinality); other functions in FROM return one value, so this is
     * {@code UNNEST(ARRAY[f(args)]) WITH ORDINALITY}, one row of the value and 1.
     *
     * @param tableRef the function call as the grammar reads it, in a {@code TABLE(...)} call
     */
    public static SqlNode withOrdinality(SqlNode tableRef) {
        SqlNode call = tableRef instanceof SqlCall table && table.getKind() == SqlKind.COLLECTION_TABLE
                ? table.operand(0) : tableRef;
        if (SetFunctionOrdinality.handles(call)) {
            return SetFunctionOrdinality.numbered(tableRef);
        }
        SqlParserPos pos = tableRef.getParserPosition();
        return SqlStdOperatorTable.UNNEST_WITH_ORDINALITY.createCall(pos,
                SqlStdOperatorTable.ARRAY_VALUE_CONSTRUCTOR.createCall(pos, call));
    }

    /** Returns a function call in FROM marked LATERAL: it may read the columns of the tables before it. */
    public static SqlNode lateral(SqlNode tableRef) {
        if (tableRef.getKind() == SqlKind.LATERAL) {
            return tableRef;
        }
        return SqlStdOperatorTable.LATERAL.createCall(tableRef.getParserPosition(), tableRef);
    }

    /** Returns the error for syntax PostgreSQL has and Modgres does not support yet. */
    public static ParserException notSupported(String feature, SqlParserPos pos) {
        return new ParserException(SqlState.FEATURE_NOT_SUPPORTED, feature + " is not supported", pos);
    }

    /**
     * Returns an integer the way PostgreSQL shows it as a parameter value: normalised when it
     * fits in an int, as written otherwise (PostgreSQL then keeps it as a numeric string).
     */
    public static String integerText(String sign, String digits) {
        try {
            return Integer.toString(Integer.parseInt(sign + digits));
        } catch (NumberFormatException e) {
            return sign + digits;
        }
    }

    /**
     * Returns the error for an ALTER TABLE action other than ADD PRIMARY KEY, named by its first
     * word or two as written: {@code ALTER TABLE ... DROP COLUMN is not supported yet}.
     */
    public static ParserException alterTableActionNotSupported(String word, String nextWord) {
        final String second = nextWord.toUpperCase(Locale.ROOT);
        final String action = word.toUpperCase(Locale.ROOT)
                + (ACTION_OBJECTS.contains(second) ? " " + second : "");
        return new ParserException(SqlState.FEATURE_NOT_SUPPORTED, "ALTER TABLE ... " + action
                + " is not supported yet", null).withHint("ALTER TABLE supports ADD of a table constraint, DROP CONSTRAINT and ALTER COLUMN SET/DROP DEFAULT "
                + "and SET/DROP NOT NULL so far.");
    }

    /** Returns the error for {@code ALTER object} other than ALTER TABLE. */
    public static ParserException alterNotSupported(String objectWord) {
        return new ParserException(SqlState.FEATURE_NOT_SUPPORTED, "ALTER " + objectWord.toUpperCase(Locale.ROOT)
                + " is not supported yet", null);
    }
}
