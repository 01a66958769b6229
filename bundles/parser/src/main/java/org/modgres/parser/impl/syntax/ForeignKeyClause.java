package org.modgres.parser.impl.syntax;

import java.util.Locale;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.modgres.api.error.SqlState;

/**
 * {@code REFERENCES table [(columns)] [MATCH SIMPLE] [ON DELETE action] [ON UPDATE action]
 * [NOT DEFERRABLE] [INITIALLY IMMEDIATE]} as the grammar reads it. What would make the
 * constraint behave otherwise than PostgreSQL's default (MATCH FULL, deferred checking) is refused.
 */
public final class ForeignKeyClause {

    private final SqlIdentifier table;
    private final SqlNodeList columns;
    private String onDelete;
    private String onUpdate;

    /** @param columns the referenced columns, or null for the referenced table's primary key */
    public ForeignKeyClause(SqlIdentifier table, SqlNodeList columns, SqlParserPos pos) {
        this.table = table;
        this.columns = columns == null ? new SqlNodeList(pos) : columns;
    }

    /** {@code ON DELETE action}: the action's words, e.g. {@code SET NULL}. */
    public void onDelete(String action, SqlParserPos pos) {
        if (onDelete != null) {
            throw new ParserException(SqlState.SYNTAX_ERROR, "conflicting constraint properties", pos);
        }
        onDelete = action;
    }

    public void onUpdate(String action, SqlParserPos pos) {
        if (onUpdate != null) {
            throw new ParserException(SqlState.SYNTAX_ERROR, "conflicting constraint properties", pos);
        }
        onUpdate = action;
    }

    /** {@code MATCH SIMPLE}, the default, or MATCH FULL or PARTIAL, which are not supported. */
    public void match(String type, SqlParserPos pos) {
        switch (type.toUpperCase(Locale.ROOT)) {
            case "SIMPLE" -> {
            }
            case "PARTIAL" -> throw new ParserException(SqlState.FEATURE_NOT_SUPPORTED,
                    "MATCH PARTIAL not yet implemented", pos);
            default -> throw new ParserException(SqlState.FEATURE_NOT_SUPPORTED,
                    "MATCH " + type.toUpperCase(Locale.ROOT) + " is not supported", pos);
        }
    }

    /** {@code DEFERRABLE} or {@code INITIALLY DEFERRED}: checking at commit is not supported. */
    public void deferrable(SqlParserPos pos) {
        throw new ParserException(SqlState.FEATURE_NOT_SUPPORTED, "deferrable constraints are not supported", pos);
    }

    SqlIdentifier table() {
        return table;
    }

    SqlNodeList columns() {
        return columns;
    }

    String onDelete() {
        return onDelete == null ? "NO ACTION" : onDelete;
    }

    String onUpdate() {
        return onUpdate == null ? "NO ACTION" : onUpdate;
    }
}
