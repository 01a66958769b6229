package org.modgres.api.storage;

/**
 * PostgreSQL's table-level lock modes, weakest first, with its table of which conflict. A
 * transaction holds the locks it takes until it ends: reading a table takes ACCESS SHARE, locking
 * its rows ROW SHARE, changing them ROW EXCLUSIVE, CREATE INDEX SHARE, a new foreign key SHARE
 * ROW EXCLUSIVE, and DROP, TRUNCATE and ALTER TABLE ACCESS EXCLUSIVE, so that no statement reads a
 * table while another changes what it is.
 */
public enum TableLockMode {
    ACCESS_SHARE("ACCESS SHARE"),
    ROW_SHARE("ROW SHARE"),
    ROW_EXCLUSIVE("ROW EXCLUSIVE"),
    SHARE_UPDATE_EXCLUSIVE("SHARE UPDATE EXCLUSIVE"),
    SHARE("SHARE"),
    SHARE_ROW_EXCLUSIVE("SHARE ROW EXCLUSIVE"),
    EXCLUSIVE("EXCLUSIVE"),
    ACCESS_EXCLUSIVE("ACCESS EXCLUSIVE");

    /** For each mode (by ordinal), the bit set of the modes it conflicts with. */
    private static final int[] CONFLICTS = {
        bits(7),
        bits(6, 7),
        bits(4, 5, 6, 7),
        bits(3, 4, 5, 6, 7),
        bits(2, 3, 5, 6, 7),
        bits(2, 3, 4, 5, 6, 7),
        bits(1, 2, 3, 4, 5, 6, 7),
        bits(0, 1, 2, 3, 4, 5, 6, 7),
    };

    private final String sqlName;

    TableLockMode(String sqlName) {
        this.sqlName = sqlName;
    }

    /** Returns the mode as LOCK TABLE ... IN ... MODE spells it, e.g. {@code ROW EXCLUSIVE}. */
    public String sqlName() {
        return sqlName;
    }

    /** Returns the mode's name in pg_locks, e.g. {@code RowExclusiveLock}. */
    public String lockName() {
        StringBuilder name = new StringBuilder();
        for (String word : sqlName.split(" ")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return name.append("Lock").toString();
    }

    /** Whether a transaction holding this mode keeps another from taking {@code other}. */
    public boolean conflictsWith(TableLockMode other) {
        return (CONFLICTS[ordinal()] & (1 << other.ordinal())) != 0;
    }

    private static int bits(int... ordinals) {
        int bits = 0;
        for (int ordinal : ordinals) {
            bits |= 1 << ordinal;
        }
        return bits;
    }
}
