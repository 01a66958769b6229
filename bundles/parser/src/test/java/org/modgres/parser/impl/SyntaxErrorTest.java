package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.modgres.parser.impl.Parsing.error;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/** Messages and positions as PostgreSQL 15 reports them for the same input. */
class SyntaxErrorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            SELEC 1                       | 1  | syntax error at or near "SELEC"
            select 1 from                 | 14 | syntax error at end of input
            `select 1 from   `            | 17 | syntax error at end of input
            select 1 from;                | 14 | syntax error at or near ";"
            select 1; select 1 from       | 24 | syntax error at end of input
            select 1; selec 2             | 11 | syntax error at or near "selec"
            select (1                     | 10 | syntax error at end of input
            select 1 +                    | 11 | syntax error at end of input
            select 1 + from t             | 12 | syntax error at or near "from"
            select 1 = = 2                | 12 | syntax error at or near "="
            select a from t where = 1     | 23 | syntax error at or near "="
            select a from t where b = )   | 27 | syntax error at or near ")"
            select 'é' frm x              | 16 | syntax error at or near "x"
            select '😀' frm x              | 16 | syntax error at or near "x"
            select 'abc                   | 8  | unterminated quoted string at or near "'abc"
            select E'abc                  | 8  | unterminated quoted string at or near "E'abc"
            select "abc                   | 8  | unterminated quoted identifier at or near ""abc"
            select 1 /* x                 | 10 | unterminated /* comment at or near "/* x"
            select 1 # 2                  | 10 | syntax error at or near "#"
            select ? from t               | 8  | syntax error at or near "?"
            select $1abc                  | 8  | syntax error at or near "$1abc"
            select E'\\q' frm x           | 18 | syntax error at or near "x"
            create table (a int)          | 14 | syntax error at or near "("
            1 + 1                         | 1  | syntax error at or near "1"
            abort to foo                  | 7  | syntax error at or near "to"
            truncate                      | 9  | syntax error at end of input
            truncate only                 | 14 | syntax error at end of input
            truncate t cascade restart identity | 20 | syntax error at or near "restart"
            vacuum analyze verbose t      | 16 | syntax error at or near "verbose"
            savepoint                     | 10 | syntax error at end of input
            alter table t                 | 14 | syntax error at end of input
            """)
    void messageAndPosition(String sql, int position, String message) {
        final PgException e = error(sql);
        assertEquals(message, e.getMessage());
        assertEquals(position, e.position());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            select 1;\\nselec 2  | 11
            select 1;\\r\\nselec 2 | 12
            select\\n  1\\n  frm x | 18
            """)
    void positionsCountLineEndsAsCharacters(String escaped, int position) {
        final String sql = escaped.replace("\\n", "\n").replace("\\r", "\r");
        assertEquals(position, error(sql).position());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            select E'\\u12'    | 22000 | 10 | invalid Unicode escape
            select E'\\uD83D'  | 42601 | 16 | invalid Unicode surrogate pair
            select E'\\xff'    | 22000 | 0  | invalid byte sequence for encoding "UTF8": 0xff
            select E'\\0'      | 22000 | 0  | invalid byte sequence for encoding "UTF8": 0x00
            insert into t values (1) on conflict do update set a = 1 | 42601 | 26 | ON CONFLICT DO UPDATE requires inference specification or constraint name
            select distinct on (a) from t | 42601 | 24 | syntax error at or near "from"
            select all on (a) a from t | 42601 | 12 | syntax error at or near "on"
            delete from t returning | 42601 | 24 | syntax error at end of input
            select id from t limit $0 | 42P02 | 24 | there is no parameter $0
            select 'a' collate xx | 42704 | 12 | collation "xx" for encoding "UTF8" does not exist
            select 'a' collate C | 42704 | 12 | collation "c" for encoding "UTF8" does not exist
            select 'a' collate public.xx | 42704 | 12 | collation "public.xx" for encoding "UTF8" does not exist
            select 'a' collate foo."C" | 3F000 | 12 | schema "foo" does not exist
            select 1 operator(public.=) 1 | 42883 | 10 | operator does not exist: public.=
            select 1 operator(foo.=) 1 | 3F000 | 10 | schema "foo" does not exist
            select 2 operator(pg_catalog.^) 3 | 0A000 | 10 | OPERATOR(pg_catalog.^) is not supported
            """)
    void otherErrorsFoundWhileParsing(String sql, String sqlState, int position, String message) {
        final PgException e = error(sql);
        assertEquals(sqlState, e.sqlState().code());
        assertEquals(message, e.getMessage());
        assertEquals(position, e.position());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            select 1 from
            create table t (a int
            set
            select ((((((((((
            select 'a' collate default
            select 1 operator(pg_catalog.=
            """)
    void syntaxErrorsAreAlways42601(String sql) {
        assertEquals(SqlState.SYNTAX_ERROR, error(sql).sqlState());
    }
}
