package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.modgres.parser.impl.Parsing.error;
import static org.modgres.parser.impl.Parsing.tree;

import org.apache.calcite.sql.SqlAlienSystemTypeNameSpec;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modgres.api.error.SqlState;

/** PostgreSQL's interval: the type without fields, and interval 'text' as a cast of the text. */
class IntervalSyntaxTest {

    private static SqlNode firstItem(String sql) {
        return tree(SqlSelect.class, sql).getSelectList().get(0);
    }

    private static void assertIntervalType(SqlNode node) {
        SqlDataTypeSpec spec = assertInstanceOf(SqlDataTypeSpec.class, node);
        SqlAlienSystemTypeNameSpec name = assertInstanceOf(SqlAlienSystemTypeNameSpec.class, spec.getTypeNameSpec());
        assertEquals("interval", name.getTypeName().getSimple());
    }

    @ParameterizedTest
    @ValueSource(strings = {"select interval '1 day'", "select '1 day'::interval", "select cast('1 day' as interval)"})
    void aStringBecomesACastToInterval(String sql) {
        SqlBasicCall cast = assertInstanceOf(SqlBasicCall.class, firstItem(sql));
        assertEquals(SqlKind.CAST, cast.getKind());
        assertEquals("1 day", assertInstanceOf(SqlCharStringLiteral.class, cast.operand(0)).getValueAs(String.class));
        assertIntervalType(cast.operand(1));
    }

    @Test
    void theStandardFormKeepsItsFields() {
        assertInstanceOf(SqlIntervalLiteral.class, firstItem("select interval '1' day"));
        assertEquals(SqlKind.CAST, firstItem("select cast(x as interval day to second) from t").getKind());
    }

    @Test
    void aColumnOfTypeInterval() {
        SqlCreateTable create = tree(SqlCreateTable.class, "create table t (d interval not null)");
        SqlColumnDeclaration column = assertInstanceOf(SqlColumnDeclaration.class, create.columnList.get(0));
        assertIntervalType(column.dataType);
    }

    @Test
    void fieldsOfTheTypeAreASyntaxError() {
        assertEquals(SqlState.SYNTAX_ERROR, error("create table t (d interval day to second)").sqlState());
    }
}
