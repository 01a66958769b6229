package org.modgres.executor.impl;

import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A RexBuilder that keeps CASTs of literals as CASTs, so the executor applies PostgreSQL's
 * cast rules to them: Calcite would fold {@code CAST(1.0 AS DECIMAL(1000, 0))} into {@code 1},
 * losing the scale PostgreSQL's unconstrained numeric keeps.
 */
final class LiteralPreservingRexBuilder extends RexBuilder {

    LiteralPreservingRexBuilder(RelDataTypeFactory typeFactory) {
        super(typeFactory);
    }

    @Override
    public RexNode makeCast(SqlParserPos pos, org.apache.calcite.rel.type.RelDataType type, RexNode exp,
                            boolean matchNullability, boolean safe, RexLiteral format) {
        if (exp instanceof RexLiteral literal && !literal.isNull()
                && !literal.getType().getFullTypeString().equals(type.getFullTypeString())) {
            return makeAbstractCast(pos, type, exp, safe, format);
        }
        return super.makeCast(pos, type, exp, matchNullability, safe, format);
    }
}
