package org.modgres.parser.impl.syntax;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code INSERT ... DEFAULT VALUES} as Calcite takes it: {@code VALUES ()}, one row without columns;
 * the planner gives every column its default, as PostgreSQL does for the columns an INSERT has
 * no values for.
 */
public final class InsertDefaults {

    private InsertDefaults() {
    }

    public static SqlNode defaultValues(SqlParserPos pos) {
        return SqlStdOperatorTable.VALUES.createCall(pos,
                SqlStdOperatorTable.ROW.createCall(pos));
    }
}
