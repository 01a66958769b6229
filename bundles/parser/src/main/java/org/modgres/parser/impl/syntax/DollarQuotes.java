package org.modgres.parser.impl.syntax;

import org.apache.calcite.sql.parser.SqlParserPos;
import org.modgres.api.error.SqlState;

/**
 * PostgreSQL's dollar-quoted strings, {@code $$...$$} and {@code $tag$...$tag$}. A regular
 * expression cannot find where one ends (the closing tag must repeat the opening one), so the
 * lexer's token takes everything from the opening tag to the end of the input and the token
 * manager cuts it back to the length found here; the rest of the parser sees a standard string.
 */
public final class DollarQuotes {

    private DollarQuotes() {
    }

    /**
     * Returns the length of the dollar-quoted string at the start of {@code text}, from its
     * opening tag to the end of its closing tag; {@code line} and {@code column} are where it starts.
     *
     * @throws ParserException when the closing tag never comes, as PostgreSQL reports it
     */
    public static int length(String text, int line, int column) {
        final int tagLength = text.indexOf('$', 1) + 1;
        final String tag = text.substring(0, tagLength);
        final int close = text.indexOf(tag, tagLength);
        if (tagLength == 0 || close < 0) {
            throw new ParserException(SqlState.SYNTAX_ERROR,
                    "unterminated dollar-quoted string at or near \"" + text + "\"", new SqlParserPos(line, column));
        }
        return close + tagLength;
    }

    /** Returns the token image of the standard string with the value of the dollar-quoted {@code image}. */
    public static String toStandardString(String image) {
        final int tagLength = image.indexOf('$', 1) + 1;
        final String value = image.substring(tagLength, image.length() - tagLength);
        return "'" + value.replace("'", "''") + "'";
    }
}
