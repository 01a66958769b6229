package org.modgres.parser.impl.syntax;

import java.util.List;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.modgres.parser.impl.grammar.Token;

/**
 * CHECK and FOREIGN KEY constraints as they reach the planner, in the column list of
 * {@code CREATE TABLE} next to the columns and key constraints (see {@link CreateTableBuilder}).
 * The planner recognises them by their operators' names, the parser exporting no package:
 * <ul>
 *   <li>{@link #CHECK}: the constraint's name (a character literal, or the NULL literal when
 *       none was written), the condition, and the condition's text as written (a character
 *       literal), which {@code pg_get_constraintdef} shows;</li>
 *   <li>{@link #FOREIGN_KEY}: the name as for CHECK, the referencing columns (a list of
 *       identifiers), the referenced table, the referenced columns (empty for the primary key), and
 *       the ON DELETE and ON UPDATE actions as character literals ({@code NO ACTION},
 *       {@code RESTRICT}, {@code CASCADE}, {@code SET NULL}, {@code SET DEFAULT}).</li>
 * </ul>
 */
public final class ConstraintMarkers {

    public static final SqlSpecialOperator CHECK = new SqlSpecialOperator("CHECK CONSTRAINT", SqlKind.OTHER);
    public static final SqlSpecialOperator FOREIGN_KEY =
            new SqlSpecialOperator("FOREIGN KEY CONSTRAINT", SqlKind.OTHER);

    private ConstraintMarkers() {
    }

    static SqlCall check(SqlIdentifier name, SqlNode condition, String text, SqlParserPos pos) {
        return CHECK.createCall(pos, name(name, pos), condition, SqlLiteral.createCharString(text, pos));
    }

    static SqlCall foreignKey(SqlIdentifier name, SqlNodeList columns, ForeignKeyClause references, SqlParserPos pos) {
        return FOREIGN_KEY.createCall(pos, List.of(name(name, pos), columns, references.table(),
                references.columns(), SqlLiteral.createCharString(references.onDelete(), pos),
                SqlLiteral.createCharString(references.onUpdate(), pos)));
    }

    private static SqlNode name(SqlIdentifier name, SqlParserPos pos) {
        return name == null ? SqlLiteral.createNull(pos) : SqlLiteral.createCharString(name.getSimple(), pos);
    }

    /**
     * Returns the text of the tokens from {@code first} to {@code last} as written, but for
     * whitespace: tokens that were apart are one space apart.
     */
    public static String text(Token first, Token last) {
        StringBuilder text = new StringBuilder();
        for (Token token = first; token != null; token = token.next) {
            text.append(token.image);
            if (token == last || token.next == null) {
                break;
            }
            Token next = token.next;
            if (next.beginLine != token.endLine || next.beginColumn > token.endColumn + 1) {
                text.append(' ');
            }
        }
        return text.toString();
    }
}
