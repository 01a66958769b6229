package org.modgres.parser.impl.syntax;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code FROM f(args) WITH ORDINALITY} for the set-returning functions Modgres has in FROM: the
 * function's rows numbered in the order it returns them, as a lateral derived table
 * {@code (SELECT *, row_number() OVER () AS ordinality FROM f(args))}, so that an alias list
 * {@code AS t(x, n)} names both and the arguments may read the tables before it.
 */
final class SetFunctionOrdinality {

    private static final Set<String> SET_RETURNING = Set.of("generate_series",
            "json_each", "jsonb_each", "json_each_text", "jsonb_each_text",
            "json_array_elements", "jsonb_array_elements", "json_array_elements_text", "jsonb_array_elements_text",
            "json_object_keys", "jsonb_object_keys");

    private SetFunctionOrdinality() {
    }

    /** Returns whether {@code call} is one of the set-returning functions this numbers. */
    static boolean handles(SqlNode call) {
        if (!(call instanceof SqlBasicCall function) || !(function.getOperator().getNameAsId() instanceof SqlIdentifier
                name)) {
            return false;
        }
        return SET_RETURNING.contains(name.names.getLast().toLowerCase(Locale.ROOT));
    }

    /** @param tableRef the function in FROM, as the grammar reads it */
    static SqlNode numbered(SqlNode tableRef) {
        SqlParserPos pos = tableRef.getParserPosition();
        SqlWindow everyRow = SqlWindow.create(null, null, SqlNodeList.EMPTY, SqlNodeList.EMPTY,
                SqlLiteral.createBoolean(false, pos), null, null, null, pos);
        SqlCall ordinality = SqlStdOperatorTable.AS.createCall(pos,
                SqlStdOperatorTable.OVER.createCall(pos, SqlStdOperatorTable.ROW_NUMBER.createCall(pos), everyRow),
                new SqlIdentifier("ordinality", pos));
        SqlNodeList selectList = new SqlNodeList(List.of(SqlIdentifier.star(pos), ordinality), pos);
        SqlSelect select = new SqlSelect(pos, null, selectList, tableRef, null, null, null, null, null, null, null,
                null, null);
        return SqlStdOperatorTable.LATERAL.createCall(pos, select);
    }
}
