package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.modgres.parser.impl.Parsing.error;
import static org.modgres.parser.impl.Parsing.tree;

import java.util.List;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.modgres.api.error.PgException;

class ConstraintSyntaxTest {

    @Test
    void checksKeepTheirTextAndComeInTheOrderWritten() {
        List<SqlNode> elements = elements("create table t (a int check (a>0) not null, b text, "
                + "constraint b_ok check ( b <> ''  and\n length(b) < 10 ), check (a in (1, 2)))");
        assertEquals(5, elements.size());
        assertInstanceOf(SqlColumnDeclaration.class, elements.get(0));
        assertCheck(elements.get(1), null, "a>0", SqlKind.GREATER_THAN);
        assertInstanceOf(SqlColumnDeclaration.class, elements.get(2));
        assertCheck(elements.get(3), "b_ok", "b <> '' and length(b) < 10", SqlKind.AND);
        assertCheck(elements.get(4), null, "a in (1, 2)", SqlKind.IN);
    }

    @Test
    void foreignKeysOnColumnsAndTables() {
        List<SqlNode> elements = elements("create table c (id int primary key, p int references s.p "
                + "on delete cascade not null, q int, r int constraint r_fk references p (x) match simple "
                + "on update set null on delete set default not deferrable initially immediate, "
                + "constraint two foreign key (q, r) references p (a, b) on update restrict on delete no action)");
        assertForeignKey(elements.get(2), null, List.of("p"), List.of("s", "p"), List.of(), "CASCADE", "NO ACTION");
        assertForeignKey(elements.get(5), "r_fk", List.of("r"), List.of("p"), List.of("x"), "SET DEFAULT",
                "SET NULL");
        assertForeignKey(elements.get(6), "two", List.of("q", "r"), List.of("p"), List.of("a", "b"), "NO ACTION",
                "RESTRICT");
        SqlColumnDeclaration p = assertInstanceOf(SqlColumnDeclaration.class, elements.get(1));
        assertEquals(false, p.dataType.getNullable());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            create table t (a int references p match partial)      | 0A000 | MATCH PARTIAL not yet implemented
            create table t (a int references p match full)         | 0A000 | MATCH FULL is not supported
            create table t (a int references p deferrable)         | 0A000 | deferrable constraints are not supported
            create table t (a int references p initially deferred) | 0A000 | deferrable constraints are not supported
            create table t (a int references p on delete cascade on delete restrict) | 42601 | conflicting constraint properties
            create table t (a int check a > 0)                     | 42601 | syntax error at or near "a"
            """)
    void errors(String sql, String sqlState, String message) {
        PgException e = error(sql);
        assertEquals(sqlState, e.sqlState().code());
        assertEquals(message, e.getMessage());
    }

    private static List<SqlNode> elements(String sql) {
        return tree(SqlCreateTable.class, sql).columnList.getList();
    }

    private static void assertCheck(SqlNode node, String name, String text, SqlKind kind) {
        SqlCall call = assertInstanceOf(SqlCall.class, node);
        assertEquals("CHECK CONSTRAINT", call.getOperator().getName());
        assertEquals(name, string(call.operand(0)));
        assertEquals(kind, call.operand(1).getKind());
        assertEquals(text, ((SqlLiteral) call.operand(2)).getValueAs(String.class));
    }

    private static void assertForeignKey(SqlNode node, String name, List<String> columns, List<String> table,
                                         List<String> referenced, String onDelete, String onUpdate) {
        SqlCall call = assertInstanceOf(SqlCall.class, node);
        assertEquals("FOREIGN KEY CONSTRAINT", call.getOperator().getName());
        assertEquals(name, string(call.operand(0)));
        assertEquals(columns, names(call.operand(1)));
        assertEquals(table, ((SqlIdentifier) call.operand(2)).names);
        assertEquals(referenced, names(call.operand(3)));
        assertEquals(onDelete, ((SqlLiteral) call.operand(4)).getValueAs(String.class));
        assertEquals(onUpdate, ((SqlLiteral) call.operand(5)).getValueAs(String.class));
    }

    private static String string(SqlNode literal) {
        return SqlUtil.isNullLiteral(literal, false) ? null : ((SqlLiteral) literal).getValueAs(String.class);
    }

    private static List<String> names(SqlNodeList list) {
        return list.stream().map(n -> ((SqlIdentifier) n).getSimple()).toList();
    }
}
