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
    BEGIN("BEGIN", false),
    COMMIT("COMMIT", false),
    ROLLBACK("ROLLBACK", false),
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
}
