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

/**
 * {@code ALTER TABLE} as it reaches the planner, which recognises the calls by their operators'
 * names, the parser exporting no package. The statement is a call of {@link #ALTER_TABLE} with
 * the table (an identifier), IF EXISTS (a boolean literal) and the actions (a list), each:
 * <ul>
 *   <li>{@code ADD [CONSTRAINT n] PRIMARY KEY | UNIQUE | CHECK | FOREIGN KEY ...}: a
 *       {@code SqlCreateTable} of the same table whose column list holds just that constraint,
 *       shaped as {@link CreateTableBuilder} shapes CREATE TABLE's;</li>
 *   <li>{@code ADD [COLUMN] [IF NOT EXISTS] column ...}: a {@code SqlCreateTable} of the same table,
 *       IF NOT EXISTS in its ifNotExists flag, whose column list holds the column's declaration
 *       followed by its constraints;</li>
 *   <li>{@link #DROP_CONSTRAINT} and {@link #DROP_COLUMN}: the name (an identifier), IF EXISTS and
 *       CASCADE (boolean literals);</li>
 *   <li>{@link #RENAME_COLUMN}: the column and its new name (identifiers); {@link #RENAME_TABLE}:
 *       the new name, always the only action;</li>
 *   <li>{@link #SET_DEFAULT}: the column (an identifier) and the default's text (a character
 *       literal), or the NULL literal for DROP DEFAULT;</li>
 *   <li>{@link #SET_NOT_NULL}: the column and a boolean literal, false for DROP NOT NULL.</li>
 * </ul>
 */
public final class AlterTableMarkers {

    public static final SqlSpecialOperator ALTER_TABLE = new SqlSpecialOperator("ALTER TABLE", SqlKind.OTHER_DDL);
    public static final SqlSpecialOperator DROP_CONSTRAINT =
            new SqlSpecialOperator("DROP CONSTRAINT", SqlKind.OTHER_DDL);
    public static final SqlSpecialOperator DROP_COLUMN = new SqlSpecialOperator("DROP COLUMN", SqlKind.OTHER_DDL);
    public static final SqlSpecialOperator RENAME_COLUMN =
            new SqlSpecialOperator("RENAME COLUMN", SqlKind.OTHER_DDL);
    public static final SqlSpecialOperator RENAME_TABLE = new SqlSpecialOperator("RENAME TO", SqlKind.OTHER_DDL);
    public static final SqlSpecialOperator SET_DEFAULT = new SqlSpecialOperator("SET DEFAULT", SqlKind.OTHER_DDL);
    public static final SqlSpecialOperator SET_NOT_NULL = new SqlSpecialOperator("SET NOT NULL", SqlKind.OTHER_DDL);

    private AlterTableMarkers() {
    }

    public static SqlCall alterTable(SqlIdentifier table, boolean ifExists, List<SqlNode> actions, SqlParserPos pos) {
        return ALTER_TABLE.createCall(pos, table, SqlLiteral.createBoolean(ifExists, pos),
                new SqlNodeList(actions, pos));
    }

    /** {@code ADD [CONSTRAINT n] ...}: a CREATE TABLE of the table with that one element. */
    public static SqlNode addConstraint(CreateTableBuilder element, SqlParserPos pos) {
        return element.build(pos, false);
    }

    /** {@code ADD [COLUMN] [IF NOT EXISTS] ...}: a CREATE TABLE of the table with that column. */
    public static SqlNode addColumn(CreateTableBuilder element, boolean ifNotExists, SqlParserPos pos) {
        return element.build(pos, ifNotExists);
    }

    public static SqlCall dropColumn(SqlIdentifier name, boolean ifExists, boolean cascade, SqlParserPos pos) {
        return DROP_COLUMN.createCall(pos, name, SqlLiteral.createBoolean(ifExists, pos),
                SqlLiteral.createBoolean(cascade, pos));
    }

    public static SqlCall renameColumn(SqlIdentifier column, SqlIdentifier newName, SqlParserPos pos) {
        return RENAME_COLUMN.createCall(pos, column, newName);
    }

    public static SqlCall renameTable(SqlIdentifier newName, SqlParserPos pos) {
        return RENAME_TABLE.createCall(pos, newName);
    }

    public static SqlCall dropConstraint(SqlIdentifier name, boolean ifExists, boolean cascade, SqlParserPos pos) {
        return DROP_CONSTRAINT.createCall(pos, name, SqlLiteral.createBoolean(ifExists, pos),
                SqlLiteral.createBoolean(cascade, pos));
    }

    /** @param defaultText the default as {@link DefaultText} writes it, or null for DROP DEFAULT */
    public static SqlCall setDefault(SqlIdentifier column, String defaultText, SqlParserPos pos) {
        return SET_DEFAULT.createCall(pos, column,
                defaultText == null ? SqlLiteral.createNull(pos) : SqlLiteral.createCharString(defaultText, pos));
    }

    public static SqlCall setNotNull(SqlIdentifier column, boolean notNull, SqlParserPos pos) {
        return SET_NOT_NULL.createCall(pos, column, SqlLiteral.createBoolean(notNull, pos));
    }
}
