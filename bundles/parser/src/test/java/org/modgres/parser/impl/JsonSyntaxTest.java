package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.modgres.parser.impl.Parsing.error;
import static org.modgres.parser.impl.Parsing.tree;

import org.apache.calcite.sql.SqlAlienSystemTypeNameSpec;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modgres.api.error.SqlState;

/** The json and jsonb type names and operators. */
class JsonSyntaxTest {

    private static SqlNode firstItem(String sql) {
        return tree(SqlSelect.class, sql).getSelectList().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "jsonb", "pg_catalog.jsonb"})
    void typeNamesAreAliases(String type) {
        SqlBasicCall cast = assertInstanceOf(SqlBasicCall.class, firstItem("select '{}'::" + type));
        assertEquals(SqlKind.CAST, cast.getKind());
        SqlDataTypeSpec spec = assertInstanceOf(SqlDataTypeSpec.class, cast.operand(1));
        SqlAlienSystemTypeNameSpec name = assertInstanceOf(SqlAlienSystemTypeNameSpec.class, spec.getTypeNameSpec());
        assertEquals(type.replace("pg_catalog.", ""), name.getTypeName().getSimple());
    }

    @ParameterizedTest
    @ValueSource(strings = {"->", "->>", "#>", "#>>", "#-", "@>", "<@", "?", "?|", "?&"})
    void operatorsAreBinaryCalls(String operator) {
        SqlBasicCall call = assertInstanceOf(SqlBasicCall.class, firstItem("select j " + operator + " 'a' from t"));
        assertEquals(operator, call.getOperator().getName());
        assertEquals(2, call.operandCount());
    }

    @Test
    void operatorsBindTighterThanComparisonsAndLooserThanArithmetic() {
        SqlBasicCall equals = assertInstanceOf(SqlBasicCall.class, firstItem("select j -> 'a' ->> 'b' = 'x' from t"));
        assertEquals(SqlKind.EQUALS, equals.getKind());
        SqlBasicCall text = assertInstanceOf(SqlBasicCall.class, equals.operand(0));
        assertEquals("->>", text.getOperator().getName());
        assertEquals("->", ((SqlBasicCall) text.operand(0)).getOperator().getName());
        SqlBasicCall arrow = assertInstanceOf(SqlBasicCall.class, firstItem("select j -> 1 + 1 from t"));
        assertEquals("->", arrow.getOperator().getName());
        assertEquals(SqlKind.PLUS, arrow.operand(1).getKind());
    }

    @Test
    void arrowInAFunctionArgumentIsTheOperator() {
        SqlBasicCall call = assertInstanceOf(SqlBasicCall.class, firstItem("select jsonb_typeof(j -> 'a') from t"));
        assertEquals("->", ((SqlBasicCall) call.operand(0)).getOperator().getName());
    }

    @Test
    void aLoneQuestionMarkOperandIsStillASyntaxError() {
        assertEquals(SqlState.SYNTAX_ERROR, error("select ? from t").sqlState());
    }
}
