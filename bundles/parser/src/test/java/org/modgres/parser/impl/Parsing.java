package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.apache.calcite.sql.SqlNode;
import org.modgres.api.error.PgException;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.Statement;

/** Shortcuts for the tests: parse with the service, expect one statement or an error. */
final class Parsing {

    private static final PostgresSqlParser PARSER = new PostgresSqlParser();

    private Parsing() {
    }

    static List<Statement> parse(String sql) {
        return PARSER.parse(sql);
    }

    /** Parses text holding exactly one statement. */
    static Statement one(String sql) {
        final List<Statement> statements = PARSER.parse(sql);
        assertEquals(1, statements.size(), () -> "statements in " + sql + ": " + statements);
        return statements.getFirst();
    }

    /** Parses one query, DML or DDL statement. */
    static PlannableStatement plannable(String sql) {
        return assertInstanceOf(PlannableStatement.class, one(sql));
    }

    /** Returns the parse tree of one query, DML or DDL statement, as the class expected. */
    static <T extends SqlNode> T tree(Class<T> type, String sql) {
        return assertInstanceOf(type, plannable(sql).syntaxTree());
    }

    static PgException error(String sql) {
        return assertThrows(PgException.class, () -> PARSER.parse(sql));
    }
}
