package org.modgres.pgcatalog.impl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.modgres.api.storage.ColumnInfo;

/**
 * A column's DEFAULT as {@code pg_get_expr} shows it. The catalog keeps the planner's text; this
 * writes what PostgreSQL writes for the common forms: a sequence call with its regclass cast
 * ({@code nextval('t_id_seq'::regclass)}) and a string constant with its type
 * ({@code 'x'::text}).
 */
final class DefaultTexts {

    private static final Pattern NEXTVAL = Pattern.compile("nextval\\('((?:[^']|'')*)'\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");

    private DefaultTexts() {
    }

    /** Returns the text of a column's default, or null when it has none or is an identity column. */
    static String of(ColumnInfo column) {
        String kept = column.defaultExpression();
        if (kept == null || column.identity() != null) {
            return null;
        }
        if (STRING.matcher(kept).matches()) {
            return kept + "::" + TypeNames.format(column.type().type().oid(), -1, false);
        }
        Matcher nextval = NEXTVAL.matcher(kept);
        return nextval.replaceAll(match -> Matcher.quoteReplacement("nextval('" + match.group(1) + "'::regclass)"));
    }

    /** Returns whether the column has a default pg_attrdef lists (identity columns have none). */
    static boolean hasDefault(ColumnInfo column) {
        return column.defaultExpression() != null && column.identity() == null;
    }
}
