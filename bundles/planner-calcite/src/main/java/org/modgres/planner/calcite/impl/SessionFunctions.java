package org.modgres.planner.calcite.impl;

import java.util.List;

import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Functions whose value is fixed for the server, such as {@code version()}: the planner folds
 * them into literals so that no executor needs to know them.
 */
final class SessionFunctions {

    /** What {@code version()} returns; clients parse the "PostgreSQL 15.x" prefix. */
    static final String VERSION_TEXT =
            "PostgreSQL 15.0 (Modgres 0.1.0) on x86_64-pc-linux-gnu, compiled by javac 25, 64-bit";

    static final SqlFunction VERSION = new SqlFunction("version", SqlKind.OTHER_FUNCTION,
            ReturnTypes.VARCHAR.andThen(org.apache.calcite.sql.type.SqlTypeTransforms.TO_NOT_NULLABLE),
            null, OperandTypes.NILADIC, SqlFunctionCategory.SYSTEM);

    static final SqlOperatorTable OPERATORS = SqlOperatorTables.of(List.of(VERSION));

    private SessionFunctions() {
    }

    /** Returns a convertlet table that folds these functions and leaves the rest to Calcite's. */
    static SqlRexConvertletTable convertlets() {
        return call -> call.getOperator() == VERSION ? SessionFunctions::versionLiteral
                : call.getOperator() == TypeOfFunction.PG_TYPEOF ? TypeOfFunction::typeNameLiteral
                : call.getOperator() == IntervalOperators.MAKE_INTERVAL ? IntervalOperators::convertMakeInterval
                : call.getOperator() == ArrayTextCast.INSTANCE ? ArrayTextCast::convert
                : call.getOperator() == SqlStdOperatorTable.CURRENT_SCHEMA && !SearchPath.current().schemas().isEmpty()
                        ? SessionFunctions::currentSchemaLiteral
                : StandardConvertletTable.INSTANCE.get(call);
    }

    /**
     * Folds current_schema: plans are made for one search path (see {@link SearchPath}). Without a
     * schema in the path it is null, which Calcite's NOT NULL type has no literal for: the call is
     * left to the executor then.
     */
    private static RexNode currentSchemaLiteral(org.apache.calcite.sql2rel.SqlRexContext context, SqlCall call) {
        RexBuilder rexBuilder = context.getRexBuilder();
        org.apache.calcite.rel.type.RelDataType type = context.getValidator().getValidatedNodeType(call);
        return rexBuilder.makeAbstractCast(type, rexBuilder.makeLiteral(SearchPath.current().schemas().get(0)), false);
    }

    private static RexNode versionLiteral(org.apache.calcite.sql2rel.SqlRexContext context, SqlCall call) {
        RexBuilder rexBuilder = context.getRexBuilder();
        // a cast keeps the function's declared varchar type; a bare literal would be char(n)
        return rexBuilder.makeAbstractCast(context.getValidator().getValidatedNodeType(call),
                rexBuilder.makeLiteral(VERSION_TEXT), false);
    }
}
