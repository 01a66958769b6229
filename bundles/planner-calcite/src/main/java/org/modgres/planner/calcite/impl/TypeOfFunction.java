package org.modgres.planner.calcite.impl;

import java.util.Locale;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.modgres.api.error.PgException;

/**
 * {@code pg_typeof(any)}: the name of its argument's type. The type is known when planning, so
 * the call becomes a literal. PostgreSQL returns regtype, which prints as this text.
 */
final class TypeOfFunction {

    static final SqlFunction PG_TYPEOF = new SqlFunction("pg_typeof", SqlKind.OTHER_FUNCTION,
            ReturnTypes.VARCHAR.andThen(SqlTypeTransforms.TO_NOT_NULLABLE), null, OperandTypes.ANY,
            SqlFunctionCategory.USER_DEFINED_FUNCTION);

    private TypeOfFunction() {
    }

    static RexNode typeNameLiteral(SqlRexContext context, SqlCall call) {
        RexBuilder rexBuilder = context.getRexBuilder();
        SqlNode operand = call.operand(0);
        String name = operand instanceof SqlCharStringLiteral || SqlUtil.isNullLiteral(operand, false)
                ? "unknown" : declaredTypeName(operand);
        if (name == null) {
            name = typeName(context.getValidator().getValidatedNodeType(operand));
        }
        return rexBuilder.makeAbstractCast(context.getValidator().getValidatedNodeType(call),
                rexBuilder.makeLiteral(name), false);
    }

    /**
     * Returns the type name of a call whose PostgreSQL type Calcite's types cannot tell: the role
     * functions and current_schema are name (Calcite's varchar), a system function has the type
     * its catalog entry declares (current_schemas is name[]); or null for other operands.
     */
    private static String declaredTypeName(SqlNode operand) {
        if (!(operand instanceof SqlCall call)) {
            return null;
        }
        if (call.getOperator() instanceof org.modgres.api.catalog.SystemFunctionOperator function) {
            return function.function().returnType().sqlName();
        }
        return NAME_FUNCTIONS.contains(call.getOperator()) ? "name" : null;
    }

    private static final java.util.Set<org.apache.calcite.sql.SqlOperator> NAME_FUNCTIONS = java.util.Set.of(
            SqlStdOperatorTable.USER, SqlStdOperatorTable.CURRENT_USER, SqlStdOperatorTable.SESSION_USER,
            SqlStdOperatorTable.CURRENT_ROLE, SqlStdOperatorTable.CURRENT_SCHEMA);

    /** Returns PostgreSQL's name of a computed value's type, as format_type prints it. */
    static String typeName(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case CHAR -> "character";
            case VARCHAR -> type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED ? "text" : "character varying";
            case NULL -> "unknown";
            case ARRAY -> typeName(type.getComponentType()) + "[]";
            default -> {
                try {
                    yield TypeMapping.toPostgres(type).type().sqlName();
                } catch (PgException e) {
                    yield type.getSqlTypeName().getName().toLowerCase(Locale.ROOT);
                }
            }
        };
    }
}
