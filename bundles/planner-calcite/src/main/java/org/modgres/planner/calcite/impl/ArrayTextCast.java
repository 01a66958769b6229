package org.modgres.planner.calcite.impl;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlCastFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * A cast to a character type that also takes arrays, as PostgreSQL's {@code array[1,2]::text}
 * prints the array ({1,2}). Calcite's cast types an array's cast by its elements and fails on a
 * scalar target; this one types the array case as the target and leaves the rest to Calcite's.
 * {@link CatalogRewriter} puts it in place of the casts to character types; it keeps the kind
 * CAST, by which the executor evaluates it.
 */
final class ArrayTextCast extends SqlCastFunction {

    static final ArrayTextCast INSTANCE = new ArrayTextCast();

    private ArrayTextCast() {
        super("CAST", SqlKind.CAST);
    }

    /** Returns whether a cast's target is a character type, which an array may be cast to. */
    static boolean isCharacterTarget(SqlDataTypeSpec spec) {
        if (spec.getCollectionsTypeName() != null || !spec.getTypeName().isSimple()) {
            return false;
        }
        String name = spec.getTypeName().getSimple();
        return name.equalsIgnoreCase("text") || name.equalsIgnoreCase(SqlTypeName.VARCHAR.getName())
                || name.equalsIgnoreCase(SqlTypeName.CHAR.getName());
    }

    /**
     * Types the cast of an array as its target; any other cast is Calcite's, which a function's
     * derivation looks up by name and puts in this one's place.
     */
    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
        RelDataType from = validator.deriveType(scope, call.operand(0));
        if (from.getSqlTypeName() == SqlTypeName.ARRAY) {
            RelDataType to = ((SqlDataTypeSpec) call.operand(1)).deriveType(validator);
            return validator.getTypeFactory().createTypeWithNullability(to, from.isNullable());
        }
        return super.deriveType(validator, scope, call);
    }

    /**
     * Converts the cast of an array, which Calcite's convertlet would type by the elements again;
     * any other cast, once validated, is Calcite's own again and converted as such.
     */
    static RexNode convert(SqlRexContext context, SqlCall call) {
        RelDataType from = context.getValidator().getValidatedNodeTypeIfKnown(call.operand(0));
        if (from == null || from.getSqlTypeName() != SqlTypeName.ARRAY) {
            ((SqlBasicCall) call).setOperator(SqlStdOperatorTable.CAST);
            return StandardConvertletTable.INSTANCE.get(call).convertCall(context, call);
        }
        RexBuilder rexBuilder = context.getRexBuilder();
        RexNode value = context.convertExpression(call.operand(0));
        return rexBuilder.makeAbstractCast(context.getValidator().getValidatedNodeType(call), value, false);
    }
}
