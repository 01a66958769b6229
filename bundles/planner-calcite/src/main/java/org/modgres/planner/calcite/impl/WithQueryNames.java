package org.modgres.planner.calcite.impl;

import java.util.HashSet;
import java.util.Set;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;

/** Refuses a WITH clause that names two of its queries alike (42712), which Calcite lets the last one win. */
final class WithQueryNames extends SqlBasicVisitor<Void> {

    private final String text;

    private WithQueryNames(String text) {
        this.text = text;
    }

    static void check(SqlNode tree, String text) {
        tree.accept(new WithQueryNames(text));
    }

    @Override
    public Void visit(SqlCall call) {
        if (call instanceof SqlWith with) {
            Set<String> names = new HashSet<>();
            for (SqlNode node : with.withList) {
                SqlWithItem item = (SqlWithItem) node;
                if (!names.add(item.name.getSimple())) {
                    SqlParserPos pos = item.getParserPosition();
                    throw new PgException(SqlState.DUPLICATE_ALIAS, Severity.ERROR,
                            "WITH query name \"" + item.name.getSimple() + "\" specified more than once", null, null,
                            ValidationErrors.offsetOf(text, pos.getLineNum(), pos.getColumnNum()), null);
                }
            }
        }
        return super.visit(call);
    }
}
