package org.modgres.pgcatalog.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableInfo;

/**
 * The columns a CHECK constraint mentions. The storage keeps only the expression's text, so this
 * finds the table's column names in it as whole identifiers, outside string literals, folding
 * unquoted ones to lower case as the parser does.
 */
final class CheckColumns {

    private CheckColumns() {
    }

    /** Returns the positions of the table's columns the expression names, in the table's order. */
    static List<Integer> of(String expression, TableInfo table) {
        List<String> names = identifiers(expression);
        List<Integer> columns = new ArrayList<>();
        List<ColumnInfo> tableColumns = table.columns();
        for (int i = 0; i < tableColumns.size(); i++) {
            if (names.contains(tableColumns.get(i).name())) {
                columns.add(i);
            }
        }
        return columns;
    }

    static List<String> identifiers(String text) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                StringBuilder quoted = new StringBuilder();
                int j = i + 1;
                while (j < text.length()) {
                    if (text.charAt(j) == c) {
                        if (j + 1 < text.length() && text.charAt(j + 1) == c) {
                            quoted.append(c);
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    quoted.append(text.charAt(j++));
                }
                if (c == '"') {
                    names.add(quoted.toString());
                }
                i = j + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_'
                        || text.charAt(j) == '$')) {
                    j++;
                }
                names.add(text.substring(i, j).toLowerCase(Locale.ROOT));
                i = j;
            } else if (Character.isDigit(c)) {
                // a number such as 1e5 is no identifier
                while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                    i++;
                }
            } else {
                i++;
            }
        }
        return names;
    }
}
