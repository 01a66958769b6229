package org.modgres.parser.impl.syntax;

import java.util.Objects;

import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * One statement the grammar recognised.
 *
 * @param body   what the statement is
 * @param extent where it lies in the input, from its first token to its last
 */
public record RecognizedStatement(StatementBody body, SqlParserPos extent) {

    public RecognizedStatement {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(extent, "extent");
    }
}
