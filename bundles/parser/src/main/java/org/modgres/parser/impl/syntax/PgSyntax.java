package org.modgres.parser.impl.syntax;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.modgres.api.error.SqlState;

/** Small pieces of PostgreSQL syntax the grammar delegates to plain Java. */
public final class PgSyntax {

    /** {@code expr::type}; the parse tree holds a standard CAST call instead. */
    public static final SqlBinaryOperator INFIX_CAST = new InfixCastOperator();

    private PgSyntax() {
    }

    /**
     * Returns {@code $n} as a dynamic parameter with index n - 1. The same parameter may occur
     * several times and in any order; each occurrence gets the same index.
     */
    public static SqlNode positionalParameter(String image, SqlParserPos pos) {
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

    /** Returns a map for settings the api has no place for yet (the modes of BEGIN). */
    public static Map<String, String> ignoredSettings() {
        return new LinkedHashMap<>();
    }
}
