package org.modgres.planner.calcite.impl;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.TableInfo;

/**
 * The names PostgreSQL makes up for constraints written without one: {@code table_columns_key},
 * {@code table_column_check}, {@code table_column_fkey}, cut to fit 63 bytes and followed by a
 * number when the name is taken, by a relation or a constraint of the schema or of the new table.
 */
final class ConstraintNames {

    /** NAMEDATALEN - 1. */
    private static final int MAX_LENGTH = 63;

    private final Set<String> taken = new HashSet<>();

    /** Takes the names of the schema's relations and constraints. */
    ConstraintNames(Catalog catalog, String schema) {
        for (TableInfo table : catalog.tables(schema)) {
            taken.add(table.name());
            if (!table.primaryKey().isEmpty()) {
                taken.add(table.name() + "_pkey");
            }
            table.constraints().forEach(c -> taken.add(c.name()));
        }
        for (SequenceInfo sequence : catalog.sequences(schema)) {
            taken.add(sequence.name());
        }
    }

    /** Marks a name given explicitly, or one the table has anyway, as taken. */
    void take(String name) {
        taken.add(name);
    }

    boolean isTaken(String name) {
        return taken.contains(name);
    }

    /** Chooses a free name {@code table_columns_label}, or {@code table_label} without columns, and takes it. */
    String choose(String table, List<String> columns, String label) {
        String columnPart = columns.isEmpty() ? null : String.join("_", columns);
        String name = objectName(table, columnPart, label);
        for (int i = 1; taken.contains(name); i++) {
            name = objectName(table, columnPart, label + i);
        }
        taken.add(name);
        return name;
    }

    /** Returns {@code name1_name2_label}, shortening the longer of the two names until it fits, as PostgreSQL does. */
    static String objectName(String name1, String name2, String label) {
        int overhead = label.length() + 1 + (name2 == null ? 0 : 1);
        int name1Chars = name1.length();
        int name2Chars = name2 == null ? 0 : name2.length();
        int available = MAX_LENGTH - overhead;
        while (name1Chars + name2Chars > available) {
            if (name1Chars > name2Chars) {
                name1Chars--;
            } else {
                name2Chars--;
            }
        }
        StringBuilder name = new StringBuilder(name1.substring(0, name1Chars));
        if (name2 != null) {
            name.append('_').append(name2, 0, name2Chars);
        }
        return name.append('_').append(label).toString();
    }
}
