package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.modgres.parser.impl.Parsing.error;
import static org.modgres.parser.impl.Parsing.tree;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.junit.jupiter.api.Test;
import org.modgres.parser.impl.syntax.ArrayAssignment;
import org.modgres.parser.impl.syntax.ArraySlice;
import org.modgres.parser.impl.syntax.SubstringSimilar;

/** SELECT without FROM but with WHERE, array types in CAST, array slices, UPDATE of array elements. */
class DialectMoreSyntaxTest {

    private static SqlNode firstItem(String sql) {
        return tree(SqlSelect.class, sql).getSelectList().get(0);
    }

    @Test
    void selectWithoutFromTakesWhereGroupByAndHaving() {
        SqlSelect select = tree(SqlSelect.class, "select 1 where false");
        assertNull(select.getFrom());
        assertEquals(SqlKind.LITERAL, select.getWhere().getKind());
        SqlSelect grouped = tree(SqlSelect.class, "select count(*) where 3 not in (select 1) group by 1 having true");
        assertEquals(SqlKind.NOT_IN, grouped.getWhere().getKind());
        assertNotNull(grouped.getGroup());
        assertNotNull(grouped.getHaving());
        assertEquals("syntax error at or near \"where\"", error("select 1 where true where true").getMessage());
    }

    @Test
    void substringTakesASqlRegularExpression() {
        SqlCall similar = assertInstanceOf(SqlCall.class, firstItem("select substring(x similar '%#\"o_b#\"%' escape '#') from t"));
        assertSame(SubstringSimilar.SUBSTRING, similar.getOperator());
        assertEquals(3, similar.operandCount());
        assertEquals(SqlKind.OTHER_FUNCTION, similar.getKind());
        assertEquals(SqlKind.OTHER_FUNCTION,
                assertInstanceOf(SqlCall.class, firstItem("select substring(x from 2 for 3) from t")).getKind());
    }

    @Test
    void castTakesArrayTypeNames() {
        for (String type : new String[] {"int[]", "text[]", "integer[]", "varchar(3)[]", "int array", "int[][]"}) {
            SqlBasicCall cast = assertInstanceOf(SqlBasicCall.class, firstItem("select cast(x as " + type + ") from t"));
            assertEquals(SqlKind.CAST, cast.getKind());
            SqlDataTypeSpec spec = assertInstanceOf(SqlDataTypeSpec.class, cast.operand(1));
            assertInstanceOf(SqlCollectionTypeNameSpec.class, spec.getTypeNameSpec(), type);
        }
    }

    @Test
    void slicesTakeEitherBoundOrNeither() {
        SqlCall both = assertInstanceOf(SqlCall.class, firstItem("select (array[1,2,3])[2:3]"));
        assertSame(ArraySlice.SLICE, both.getOperator());
        assertEquals(3, both.operandCount());
        assertEquals(2, ((SqlLiteral) both.operand(1)).intValue(true));
        assertEquals(3, ((SqlLiteral) both.operand(2)).intValue(true));

        SqlCall upperOnly = assertInstanceOf(SqlCall.class, firstItem("select a[:n + 1] from t"));
        assertEquals(1, ((SqlLiteral) upperOnly.operand(1)).intValue(true));
        assertEquals(SqlKind.PLUS, upperOnly.operand(2).getKind());

        SqlCall lowerOnly = assertInstanceOf(SqlCall.class, firstItem("select a[2:] from t"));
        assertEquals(Integer.MAX_VALUE, ((SqlLiteral) lowerOnly.operand(2)).intValue(true));

        SqlCall neither = assertInstanceOf(SqlCall.class, firstItem("select a[:] from t"));
        assertSame(ArraySlice.SLICE, neither.getOperator());
    }

    @Test
    void subscriptsStayItems() {
        assertEquals(SqlKind.ITEM, firstItem("select a[1] from t").getKind());
        assertEquals(SqlKind.ITEM, firstItem("select a[i + 1] from t").getKind());
    }

    @Test
    void updateOfAnElementAssignsTheWholeArray() {
        SqlUpdate update = tree(SqlUpdate.class, "update t set a[1] = 5, b = 2 where id = 1");
        assertEquals("a", ((SqlIdentifier) update.getTargetColumnList().get(0)).getSimple());
        SqlCall assign = assertInstanceOf(SqlCall.class, update.getSourceExpressionList().get(0));
        assertSame(ArrayAssignment.ASSIGN, assign.getOperator());
        assertEquals("a", ((SqlIdentifier) assign.operand(0)).getSimple());
        assertEquals(2, update.getTargetColumnList().size());
    }

    @Test
    void elementUpdatesOfOneColumnApplyInOrder() {
        SqlUpdate update = tree(SqlUpdate.class, "update t set a[1] = 5, a[3] = 6");
        assertEquals(1, update.getTargetColumnList().size());
        SqlCall outer = assertInstanceOf(SqlCall.class, update.getSourceExpressionList().get(0));
        assertSame(ArrayAssignment.ASSIGN, outer.getOperator());
        SqlCall inner = assertInstanceOf(SqlCall.class, outer.operand(0));
        assertSame(ArrayAssignment.ASSIGN, inner.getOperator());
    }
}
