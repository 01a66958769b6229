package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.modgres.parser.impl.Parsing.tree;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.SqlUpdate;
import org.junit.jupiter.api.Test;

/**
 * ORDER BY among a function call's arguments, kept as its last argument; INSERT's table alias,
 * which ON CONFLICT and RETURNING name the table by.
 */
class AggregateOrderSyntaxTest {

    @Test
    void theOrderIsTheLastArgument() {
        SqlBasicCall call = assertInstanceOf(SqlBasicCall.class,
                tree(SqlSelect.class, "select json_agg(t order by t.a desc, b) from t").getSelectList().get(0));
        assertEquals("json_agg", call.getOperator().getName());
        assertEquals(2, call.operandCount());
        SqlNodeList order = assertInstanceOf(SqlNodeList.class, call.operand(1));
        assertEquals(2, order.size());
        assertEquals(SqlKind.DESCENDING, order.get(0).getKind());
    }

    @Test
    void distinctSeveralArgumentsAndFilterStay() {
        SqlBasicCall filter = assertInstanceOf(SqlBasicCall.class, tree(SqlSelect.class,
                "select json_object_agg(distinct k, v order by k) filter (where v > 1) from t").getSelectList().get(0));
        assertEquals(SqlKind.FILTER, filter.getKind());
        SqlBasicCall call = filter.operand(0);
        assertEquals(SqlSelectKeyword.DISTINCT, call.getFunctionQuantifier().getValue());
        assertEquals(3, call.operandCount());
        assertInstanceOf(SqlNodeList.class, call.operand(2));
    }

    @Test
    void aCallWithoutOrderHasNoList() {
        SqlBasicCall call = assertInstanceOf(SqlBasicCall.class,
                tree(SqlSelect.class, "select coalesce(a, (select 1)) from t").getSelectList().get(0));
        assertEquals(2, call.operandCount());
        assertEquals(SqlKind.SELECT, call.operand(1).getKind());
    }

    @Test
    void insertAliasBecomesTheTableNameInItsClauses() {
        SqlNodeList statement = tree(SqlNodeList.class, "insert into kv as t values ('a', 1) on conflict (k) "
                + "do update set v = t.v + excluded.v where t.v < 5 returning t.*");
        SqlUpdate update = assertInstanceOf(SqlUpdate.class, statement.get(3));
        assertEquals("kv.v + excluded.v", update.getSourceExpressionList().get(0).toString().replace("`", "")
                .toLowerCase(java.util.Locale.ROOT));
        assertEquals("kv.v < 5", update.getCondition().toString().replace("`", "").toLowerCase(java.util.Locale.ROOT));
        assertEquals("kv.*", ((SqlNodeList) statement.get(1)).get(0).toString().replace("`", "")
                .toLowerCase(java.util.Locale.ROOT));
    }
}
