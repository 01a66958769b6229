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
                ? "unknown" : typeName(context.getValidator().getValidatedNodeType(operand));
        return rexBuilder.makeAbstractCast(context.getValidator().getValidatedNodeType(call),
                rexBuilder.makeLiteral(name), false);
    }

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
