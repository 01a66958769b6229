package org.modgres.planner.calcite.impl;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Leaves casts of literals in the plan instead of folding them, because Calcite's folding rules
 * are not PostgreSQL's: it rounds {@code 1.235::numeric(3,2)} to 1.23 (PostgreSQL: 1.24), cuts
 * {@code 'abcd'::varchar(3)} where PostgreSQL checks the length on assignment, and drops the
 * scale of {@code 1.0} stored in a numeric column. The executor applies PostgreSQL's rules.
 */
final class CastPreservingRexBuilder extends RexBuilder {

    /** Reduces nothing: constant expressions are evaluated by the executor, with PostgreSQL's semantics. */
    static final RexExecutor NO_CONSTANT_FOLDING = (rexBuilder, constants, reduced) -> reduced.addAll(constants);

    CastPreservingRexBuilder(RelDataTypeFactory typeFactory) {
        super(typeFactory);
    }

    @Override
    public RexNode makeCast(SqlParserPos pos, RelDataType type, RexNode expression, boolean matchNullability,
                            boolean safe, RexLiteral format) {
        if (expression instanceof RexLiteral literal && !literal.isNull()
                && !literal.getType().getFullTypeString().equals(type.getFullTypeString())) {
            return makeAbstractCast(pos, type, expression, safe, format);
        }
        return super.makeCast(pos, type, expression, matchNullability, safe, format);
    }

}
