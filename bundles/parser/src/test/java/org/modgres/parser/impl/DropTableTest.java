package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.modgres.parser.impl.Parsing.error;
import static org.modgres.parser.impl.Parsing.plannable;

import java.util.List;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.ddl.SqlDropTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.StatementKind;

class DropTableTest {

    @Test
    void oneDropPerTable() {
        final PlannableStatement statement = plannable("drop table if exists jtypes, App.\"Jbatch\", jgen");
        assertEquals(StatementKind.DROP_TABLE, statement.kind());
        final SqlNodeList drops = assertInstanceOf(SqlNodeList.class, statement.syntaxTree());
        assertEquals(List.of(List.of("jtypes"), List.of("app", "Jbatch"), List.of("jgen")),
                drops.stream().map(d -> drop(d).name.names).toList());
        drops.forEach(d -> assertEquals(true, drop(d).ifExists));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DROP TABLE t", "drop table t restrict"})
    void withoutIfExists(String sql) {
        final SqlNodeList drops = (SqlNodeList) plannable(sql).syntaxTree();
        assertEquals(1, drops.size());
        assertEquals(false, drop(drops.get(0)).ifExists);
        assertEquals("t", drop(drops.get(0)).name.getSimple());
    }

    @Test
    void cascadeFollowsTheTables() {
        final SqlNodeList drops = (SqlNodeList) plannable("drop table t, u cascade").syntaxTree();
        assertEquals(3, drops.size());
        assertEquals("u", drop(drops.get(1)).name.getSimple());
        assertEquals("CASCADE", ((SqlLiteral) drops.get(2)).getValueAs(String.class));
    }

    @Test
    void aTableNamedIf() {
        final SqlNodeList drops = (SqlNodeList) plannable("drop table if").syntaxTree();
        assertEquals("if", drop(drops.get(0)).name.getSimple());
    }

    @Test
    void needsATable() {
        assertEquals("syntax error at end of input", error("drop table if exists").getMessage());
    }

    private static SqlDropTable drop(SqlNode node) {
        return assertInstanceOf(SqlDropTable.class, node);
    }
}
