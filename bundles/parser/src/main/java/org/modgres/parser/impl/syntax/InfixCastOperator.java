package org.modgres.parser.impl.syntax;

import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * PostgreSQL's {@code ::} while the parser arranges operators by precedence. It binds tighter
 * than every other operator (Calcite's {@code SqlLibraryOperators.INFIX_CAST} precedence, 94),
 * and the call it creates is a standard {@code CAST}, so planners see one kind of cast.
 */
final class InfixCastOperator extends SqlBinaryOperator {

    InfixCastOperator() {
        super("::", SqlKind.CAST, 94, true, null, null, null);
    }

    @Override
    public SqlCall createCall(SqlLiteral functionQualifier, SqlParserPos pos, SqlNode... operands) {
        return SqlStdOperatorTable.CAST.createCall(pos, operands);
    }
}
