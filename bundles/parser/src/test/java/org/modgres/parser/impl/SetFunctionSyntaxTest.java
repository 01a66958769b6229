package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.modgres.parser.impl.Parsing.tree;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;

/** unnest(...) as an expression, and LATERAL before a function call in FROM. */
class SetFunctionSyntaxTest {

    @Test
    void unnestInASelectListIsAFunctionCall() {
        SqlBasicCall call = assertInstanceOf(SqlBasicCall.class,
                tree(SqlSelect.class, "select x, unnest(arr) from t").getSelectList().get(1));
        assertEquals("unnest", call.getOperator().getName());
        assertEquals(1, call.operandCount());
    }

    @Test
    void unnestInFromStaysATable() {
        SqlCall from = assertInstanceOf(SqlCall.class, tree(SqlSelect.class, "select * from unnest(array[1]) u").getFrom());
        assertEquals(SqlKind.UNNEST, ((SqlCall) from.operand(0)).getKind());
    }

    @Test
    void lateralTakesAFunctionCallWithoutTable() {
        SqlJoin join = assertInstanceOf(SqlJoin.class,
                tree(SqlSelect.class, "select t.x, y from t cross join lateral generate_series(1, t.x) y").getFrom());
        SqlCall alias = assertInstanceOf(SqlCall.class, join.getRight());
        SqlCall lateral = alias.operand(0);
        assertEquals(SqlKind.LATERAL, lateral.getKind());
        assertEquals(SqlKind.COLLECTION_TABLE, ((SqlCall) lateral.operand(0)).getKind());
    }
}
