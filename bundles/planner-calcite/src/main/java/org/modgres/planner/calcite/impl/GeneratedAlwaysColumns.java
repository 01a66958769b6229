package org.modgres.planner.calcite.impl;

import java.util.List;
import java.util.regex.Pattern;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;
import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableInfo;

/**
 * Refuses a value other than DEFAULT for a {@code GENERATED ALWAYS AS IDENTITY} column, as PostgreSQL
 * does (428C9), unless an INSERT says {@code OVERRIDING SYSTEM VALUE}.
 */
final class GeneratedAlwaysColumns {

    /** The parser accepts the clause without keeping a mark of it in the tree, so the text tells. */
    private static final Pattern OVERRIDING_SYSTEM_VALUE = Pattern.compile("(?i)\\boverriding\\s+system\\s+value\\b");

    private GeneratedAlwaysColumns() {
    }

    /** @param table the table the statement writes, or null when it writes none of the catalog's */
    static void check(SqlNode dml, TableInfo table, String text) {
        if (table == null || table.columns().stream().noneMatch(GeneratedAlwaysColumns::isAlways)) {
            return;
        }
        if (dml instanceof SqlInsert insert && !OVERRIDING_SYSTEM_VALUE.matcher(text).find()) {
            checkInsert(insert, table);
        } else if (dml instanceof SqlUpdate update) {
            checkUpdate(update, table);
        }
    }

    private static void checkInsert(SqlInsert insert, TableInfo table) {
        List<String> targets = insert.getTargetColumnList() == null
                ? table.columns().stream().map(ColumnInfo::name).toList()
                : insert.getTargetColumnList().stream().map(node -> ((SqlIdentifier) node).getSimple()).toList();
        for (int i = 0; i < targets.size(); i++) {
            ColumnInfo column = column(table, targets.get(i));
            if (column != null && isAlways(column) && !allDefault(insert.getSource(), i)) {
                throw new PgException(SqlState.GENERATED_ALWAYS, Severity.ERROR,
                        "cannot insert a non-DEFAULT value into column \"" + column.name() + "\"",
                        detail(column), "Use OVERRIDING SYSTEM VALUE to override.", 0, null);
            }
        }
    }

    private static void checkUpdate(SqlUpdate update, TableInfo table) {
        SqlNodeList targets = update.getTargetColumnList();
        for (int i = 0; i < targets.size(); i++) {
            ColumnInfo column = column(table, ((SqlIdentifier) targets.get(i)).getSimple());
            if (column != null && isAlways(column) && update.getSourceExpressionList().get(i).getKind() != SqlKind.DEFAULT) {
                throw new PgException(SqlState.GENERATED_ALWAYS, Severity.ERROR,
                        "column \"" + column.name() + "\" can only be updated to DEFAULT", detail(column), null, 0,
                        null);
            }
        }
    }

    /** True when the source is a VALUES list whose every row has DEFAULT at the position. */
    private static boolean allDefault(SqlNode source, int position) {
        if (source.getKind() != SqlKind.VALUES) {
            return false;
        }
        for (SqlNode row : ((SqlCall) source).getOperandList()) {
            if (!(row instanceof SqlCall call) || position >= call.operandCount()
                    || call.operand(position).getKind() != SqlKind.DEFAULT) {
                return false;
            }
        }
        return true;
    }

    private static String detail(ColumnInfo column) {
        return "Column \"" + column.name() + "\" is an identity column defined as GENERATED ALWAYS.";
    }

    private static boolean isAlways(ColumnInfo column) {
        return column.identity() == ColumnInfo.Identity.ALWAYS;
    }

    private static ColumnInfo column(TableInfo table, String name) {
        return table.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }
}
