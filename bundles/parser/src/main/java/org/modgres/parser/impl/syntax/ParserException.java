package org.modgres.parser.impl.syntax;

import java.io.Serial;
import java.util.Objects;

import org.apache.calcite.sql.parser.SqlParserPos;
import org.modgres.api.error.SqlState;

/**
 * An error the grammar or its helpers detect themselves, with PostgreSQL's SQLSTATE and message.
 * It points at a place in the input as the grammar sees it (line and column);
 * the parser service turns that into PostgreSQL's character position.
 */
public final class ParserException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final SqlState sqlState;
    private final transient SqlParserPos pos;
    private final int offsetInToken;
    private final String hint;

    /**
     * @param pos           where the error is, or {@code null} when PostgreSQL gives no position
     * @param offsetInToken characters from the start of {@code pos} to the error itself
     */
    public ParserException(SqlState sqlState, String message, SqlParserPos pos, int offsetInToken) {
        this(sqlState, message, pos, offsetInToken, null);
    }

    private ParserException(SqlState sqlState, String message, SqlParserPos pos, int offsetInToken, String hint) {
        super(message, null, false, false);
        this.sqlState = Objects.requireNonNull(sqlState, "sqlState");
        this.pos = pos;
        this.offsetInToken = offsetInToken;
        this.hint = hint;
    }

    public ParserException(SqlState sqlState, String message, SqlParserPos pos) {
        this(sqlState, message, pos, 0);
    }

    public SqlState sqlState() {
        return sqlState;
    }

    /** Returns where the error is, or {@code null}. */
    public SqlParserPos pos() {
        return pos;
    }

    public int offsetInToken() {
        return offsetInToken;
    }

    /** Returns the hint line for the client, or {@code null}. */
    public String hint() {
        return hint;
    }

    /** Returns a copy of this error with a hint line. */
    public ParserException withHint(String newHint) {
        return new ParserException(sqlState, getMessage(), pos, offsetInToken, newHint);
    }
}
