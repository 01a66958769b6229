package org.modgres.executor.batch;

/** A vector kernel for {@code column IS [NOT] NULL}. */
record NullCondition(int column, boolean wantNull) implements BatchCondition {

    @Override
    public int select(Object[][] rows, int size) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            Object[] row = rows[i];
            if ((row[column] == null) == wantNull) {
                rows[kept++] = row;
            }
        }
        return kept;
    }

    @Override
    public String toString() {
        return "$" + column + (wantNull ? " IS NULL" : " IS NOT NULL");
    }
}
