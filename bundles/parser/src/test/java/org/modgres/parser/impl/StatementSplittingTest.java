package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modgres.parser.impl.Parsing.parse;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modgres.api.sql.Statement;
import org.modgres.api.sql.StatementKind;

class StatementSplittingTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t", ";", " ; ;; ", "-- only a comment", "/* block */", "/* a */ ; -- b\n;"})
    void textWithoutStatementsGivesNone(String sql) {
        assertTrue(parse(sql).isEmpty());
    }

    @Test
    void severalStatementsEachWithItsOwnText() {
        final List<Statement> statements = parse("select 1; select 2 ;\n  BEGIN ; commit;");
        assertEquals(List.of("select 1", "select 2", "BEGIN", "commit"), texts(statements));
        assertEquals(List.of(StatementKind.SELECT, StatementKind.SELECT, StatementKind.BEGIN, StatementKind.COMMIT),
                statements.stream().map(Statement::kind).toList());
    }

    @Test
    void trailingSemicolonAndEmptyStatements() {
        assertEquals(List.of("select 3"), texts(parse("select 3;")));
        assertEquals(List.of("select 1", "select 2"), texts(parse(";;select 1;;;select 2;;")));
    }

    @Test
    void commentsAroundStatementsAreNotPartOfTheirText() {
        final List<Statement> statements =
                parse("-- first\nselect 1 -- one\n;\n/* second */ select /* inner */ 2; -- end");
        assertEquals(List.of("select 1", "select /* inner */ 2"), texts(statements));
    }

    @Test
    void semicolonsInsideStringsIdentifiersAndCommentsDoNotSplit() {
        final List<Statement> statements =
                parse("select ';', \"a;b\" from t /* ; */ -- ;\n; select E'\\';'");
        assertEquals(List.of("select ';', \"a;b\" from t", "select E'\\';'"), texts(statements));
    }

    @Test
    void multiLineStatementsWithWindowsLineEnds() {
        final List<Statement> statements = parse("select a,\r\n  b\r\nfrom t;\r\nselect\r2");
        assertEquals(List.of("select a,\r\n  b\r\nfrom t", "select\r2"), texts(statements));
    }

    @Test
    void parametersAreCountedPerStatement() {
        final List<Statement> statements = parse("select $1; select $3, $2");
        assertEquals(List.of(1, 3), statements.stream()
                .map(s -> ((org.modgres.api.sql.PlannableStatement) s).parameterCount()).toList());
    }

    private static List<String> texts(List<Statement> statements) {
        return statements.stream().map(Statement::text).toList();
    }
}
