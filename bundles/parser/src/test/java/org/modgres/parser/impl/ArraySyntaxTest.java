package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.modgres.parser.impl.Parsing.tree;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;
import org.modgres.parser.impl.syntax.ArrayOperators;

/** Array type names and the array operator &&. */
class ArraySyntaxTest {

    private static SqlNode firstItem(String sql) {
        return tree(SqlSelect.class, sql).getSelectList().get(0);
    }

    @Test
    void overlapIsABinaryCallThatBindsTighterThanComparisons() {
        SqlBasicCall call = assertInstanceOf(SqlBasicCall.class, firstItem("select a && b from t"));
        assertSame(ArrayOperators.OVERLAP, call.getOperator());
        SqlBasicCall equals = assertInstanceOf(SqlBasicCall.class, firstItem("select a && b = true from t"));
        assertEquals(SqlKind.EQUALS, equals.getKind());
        assertEquals("&&", ((SqlBasicCall) equals.operand(0)).getOperator().getName());
    }

    @Test
    void arrayTypeNamesAreCollectionSpecs() {
        for (String type : new String[] {"int[]", "integer array", "varchar(10)[]", "text[3]"}) {
            SqlBasicCall cast = assertInstanceOf(SqlBasicCall.class, firstItem("select x::" + type + " from t"));
            SqlDataTypeSpec spec = assertInstanceOf(SqlDataTypeSpec.class, cast.operand(1));
            assertInstanceOf(SqlCollectionTypeNameSpec.class, spec.getTypeNameSpec(), type);
        }
    }
}
