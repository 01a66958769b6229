package org.modgres.planner.calcite.impl;

import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.util.Optionality;

/**
 * PostgreSQL's ordered-set aggregate {@code mode() WITHIN GROUP (ORDER BY x)}: the most frequent
 * non-null x, the first in the ORDER BY among equally frequent ones. PostgreSQL's call has no
 * argument; {@link AggregateOrders} passes the ORDER BY expression as this function's argument,
 * and the WITHIN GROUP order becomes the aggregate call's collation, which the executor feeds the
 * rows in.
 */
final class ModeAggregate extends SqlAggFunction {

    static final ModeAggregate MODE = new ModeAggregate();

    private ModeAggregate() {
        super("mode", null, SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0_NULLABLE_IF_EMPTY, null, OperandTypes.ANY,
                SqlFunctionCategory.SYSTEM, false, false, Optionality.MANDATORY);
    }
}
