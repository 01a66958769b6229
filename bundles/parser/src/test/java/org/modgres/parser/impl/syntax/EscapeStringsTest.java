package org.modgres.parser.impl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.calcite.sql.parser.SqlParserPos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.modgres.api.error.SqlState;

class EscapeStringsTest {

    private static final SqlParserPos POS = new SqlParserPos(1, 8);

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            E'plain'                 | plain
            E'\\b\\f\\n\\r\\t'       | `\b\f\n\r\t`
            E'\\\\'                  | \\
            E'\\''                   | '
            E'it''s'                 | it's
            E'\\d\\q\\v\\8'          | dqv8
            E'\\101\\7\\0101'        | `A\u0007\u00081`
            E'\\x41\\x4\\xg'         | `A\u0004xg`
            E'\\u00e9\\U0001F600'    | é😀
            E'\\uD83D\\uDE00'        | 😀
            E'\\303\\251'            | é
            e'é😀'                   | é😀
            """)
    void decodesAsPostgres(String image, String value) {
        assertEquals(value, EscapeStrings.decode(image, POS));
    }

    @Test
    void rewritesToAStandardString() {
        assertEquals("'a''b'", EscapeStrings.toStandardString("E'a\\'b'", 1, 1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            E'\\u12'          | 22000 | 2 | invalid Unicode escape
            E'\\U0000006'     | 22000 | 2 | invalid Unicode escape
            E'\\u0000'        | 22000 | 2 | invalid Unicode escape value
            E'\\uD83D'        | 42601 | 8 | invalid Unicode surrogate pair
            E'\\uD83Dx'       | 42601 | 8 | invalid Unicode surrogate pair
            E'\\uDE00'        | 42601 | 2 | invalid Unicode surrogate pair
            E'\\xff'          | 22000 | 0 | invalid byte sequence for encoding "UTF8": 0xff
            E'\\303'          | 22000 | 0 | invalid byte sequence for encoding "UTF8": 0xc3
            E'a\\0b'          | 22000 | 0 | invalid byte sequence for encoding "UTF8": 0x00
            """)
    void rejectsWhatPostgresRejects(String image, String sqlState, int offsetInToken, String message) {
        final ParserException e = assertThrows(ParserException.class, () -> EscapeStrings.decode(image, POS));
        assertEquals(sqlState, e.sqlState().code());
        assertEquals(message, e.getMessage());
        if (e.sqlState() != SqlState.DATA_EXCEPTION || offsetInToken != 0) {
            assertEquals(POS, e.pos());
            assertEquals(offsetInToken, e.offsetInToken());
        }
    }
}
