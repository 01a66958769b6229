package org.modgres.parser.impl.syntax;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * {@code substring(x SIMILAR pattern ESCAPE e)}: PostgreSQL's substring(text, text, text), the
 * part of x that the SQL regular expression's escape-double-quote separators enclose. Calcite's
 * SUBSTRING takes numbers only, so this is an operator of its own, also named substring (the
 * column's name); the executor tells the two apart by the text type of the second operand.
 */
public final class SubstringSimilar {

    public static final SqlFunction SUBSTRING = new SqlFunction("substring", SqlKind.OTHER_FUNCTION,
            ReturnTypes.VARCHAR_NULLABLE, null,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER),
            SqlFunctionCategory.STRING) {

        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
            for (SqlNode operand : call.getOperandList()) {
                validator.deriveType(scope, operand);
            }
            return validateOperands(validator, scope, call);
        }
    };

    private SubstringSimilar() {
    }
}
