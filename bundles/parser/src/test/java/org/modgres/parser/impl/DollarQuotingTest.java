package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.modgres.parser.impl.Parsing.error;
import static org.modgres.parser.impl.Parsing.parse;
import static org.modgres.parser.impl.Parsing.plannable;
import static org.modgres.parser.impl.Parsing.tree;

import java.util.List;

import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.sql.Statement;

/** Dollar-quoted strings: $$...$$ and $tag$...$tag$ are standard strings with their text as value. */
class DollarQuotingTest {

    private static String stringItem(String sql, int index) {
        SqlNode item = tree(SqlSelect.class, sql).getSelectList().get(index);
        return assertInstanceOf(SqlCharStringLiteral.class, item).getValueAs(String.class);
    }

    @Test
    void dollarQuotedStringsKeepQuotesAndBackslashes() {
        assertEquals("a'b", stringItem("select $$a'b$$, $tag$x$tag$", 0));
        assertEquals("x", stringItem("select $$a'b$$, $tag$x$tag$", 1));
        assertEquals("back\\slash ''", stringItem("select $$back\\slash ''$$", 0));
        assertEquals("", stringItem("select $$$$", 0));
    }

    @Test
    void otherTagsAndDollarsInsideDoNotEndTheString() {
        assertEquals(" $$ inside $b$ ", stringItem("select $a$ $$ inside $b$ $a$", 0));
        assertEquals("$ab$ x", stringItem("select $a$$ab$ x$a$", 0));
        assertEquals("é", stringItem("select $é$é$é$", 0));
    }

    @Test
    void spansLinesAndLaterTokensKeepTheirPlaces() {
        assertEquals("line1\nline2;", stringItem("select $$line1\nline2;$$ from t", 0));
        PgException e = error("select $$a\nb$$ frm t");
        assertEquals("syntax error at or near \"t\"", e.getMessage());
        assertEquals(20, e.position());
    }

    @Test
    void statementsAfterADollarQuotedSemicolonAreSeparate() {
        List<Statement> statements = parse("select $$;$$; select 2");
        assertEquals(2, statements.size());
        assertEquals("select $$;$$", statements.get(0).text());
    }

    @Test
    void positionalParametersAreNotDollarQuotes() {
        assertEquals(2, plannable("select $1, $$x$$ from t where a = $2").parameterCount());
        assertEquals(2, plannable("select $1||$2").parameterCount());
    }

    @Test
    void unterminatedDollarQuoteIsReportedAsPostgresDoes() {
        PgException e = error("select $$abc");
        assertEquals("unterminated dollar-quoted string at or near \"$$abc\"", e.getMessage());
        assertEquals("42601", e.sqlState().code());
        assertEquals(8, e.position());
        assertEquals("unterminated dollar-quoted string at or near \"$a$ x $b$\"",
                error("select $a$ x $b$").getMessage());
    }
}
