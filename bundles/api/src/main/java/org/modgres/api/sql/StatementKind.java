package org.modgres.api.sql;

/** What a statement does; the session derives the CommandComplete tag from it. */
public enum StatementKind {
    SELECT("SELECT", true),
    VALUES("SELECT", true),
    INSERT("INSERT", true),
    UPDATE("UPDATE", true),
    DELETE("DELETE", true),
    CREATE_TABLE("CREATE TABLE", false),
    DROP_TABLE("DROP TABLE", false),
    ALTER_TABLE("ALTER TABLE", false),
    TRUNCATE("TRUNCATE TABLE", false),
    VACUUM("VACUUM", false),
    ANALYZE("ANALYZE", false),
    BEGIN("BEGIN", false),
    COMMIT("COMMIT", false),
    ROLLBACK("ROLLBACK", false),
    SAVEPOINT("SAVEPOINT", false),
    RELEASE("RELEASE", false),
    /** {@code ROLLBACK TO SAVEPOINT}, whose tag is ROLLBACK as in PostgreSQL. */
    ROLLBACK_TO("ROLLBACK", false),
    SET("SET", false),
    RESET("RESET", false),
    SHOW("SHOW", false),
    COPY("COPY", true);

    private final String tag;
    private final boolean countsRows;

    StatementKind(String tag, boolean countsRows) {
        this.tag = tag;
        this.countsRows = countsRows;
    }

    /** Returns the CommandComplete tag for the statement that affected or returned {@code rows}. */
    public String commandTag(long rows) {
        if (!countsRows) {
            return tag;
        }
        return this == INSERT ? "INSERT 0 " + rows : tag + " " + rows;
    }

    /**
     * Returns the command's name without a row count, as PostgreSQL's messages name it:
     * {@code cannot execute INSERT in a read-only transaction}.
     */
    public String commandName() {
        return tag;
    }
}
