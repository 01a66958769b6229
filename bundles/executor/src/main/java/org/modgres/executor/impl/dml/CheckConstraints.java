package org.modgres.executor.impl.dml;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.calcite.rel.RelNode;
import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.type.TextFormat;
import org.modgres.executor.impl.expr.ExpressionCompiler;

/**
 * The CHECK constraints of the table a statement writes, as the plan carries them (see
 * {@link org.modgres.api.plan.RelationalPlan#checks()}): each new row is refused, before it is
 * stored, when a condition is FALSE, the first such in the order of the names, as in PostgreSQL.
 */
final class CheckConstraints {

    /** A table without CHECK constraints. */
    static final CheckConstraints NONE = new CheckConstraints(null, List.of(), null);

    /** PostgreSQL shows at most this many bytes of each value of a failing row. */
    private static final int MAX_VALUE_LENGTH = 64;

    private final RowPipeline conditions;
    private final List<String> names;
    private final TableInfo table;

    private CheckConstraints(RowPipeline conditions, List<String> names, TableInfo table) {
        this.conditions = conditions;
        this.names = names;
        this.table = table;
    }

    /** @param checks the plan's checks, or null for none */
    static CheckConstraints compile(RelNode checks, ExpressionCompiler compiler, TableInfo table) {
        if (checks == null) {
            return NONE;
        }
        return new CheckConstraints(RowPipeline.compile(checks, compiler), checks.getRowType().getFieldNames(), table);
    }

    /** Throws 23514 when the new row, in the columns' types, makes a condition FALSE. */
    void check(Object[] row) {
        if (conditions == null) {
            return;
        }
        Object[] results = conditions.apply(row);
        for (int i = 0; i < results.length; i++) {
            if (Boolean.FALSE.equals(results[i])) {
                throw new PgException(SqlState.CHECK_VIOLATION, Severity.ERROR,
                        "new row for relation \"" + table.name() + "\" violates check constraint \"" + names.get(i)
                                + "\"", "Failing row contains " + rowText(table, row) + ".", null, 0, null);
            }
        }
    }

    /** Returns the row as PostgreSQL describes it in errors, each value as its type prints it: {@code (1, null, t)}. */
    static String rowText(TableInfo table, Object[] row) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            if (row[i] == null) {
                text.append("null");
            } else {
                text.append(clip(TextFormat.format(table.columns().get(i).type().type(), row[i])));
            }
        }
        return text.append(')').toString();
    }

    private static String clip(String value) {
        if (value.length() <= MAX_VALUE_LENGTH / 4) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_VALUE_LENGTH) {
            return value;
        }
        int length = 0;
        int bytesSoFar = 0;
        while (length < value.length()) {
            int codePoint = value.codePointAt(length);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytesSoFar + size > MAX_VALUE_LENGTH) {
                break;
            }
            bytesSoFar += size;
            length += Character.charCount(codePoint);
        }
        return value.substring(0, length) + "...";
    }
}
