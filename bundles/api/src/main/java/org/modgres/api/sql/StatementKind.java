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
    LOCK_TABLE("LOCK TABLE", false),
    VACUUM("VACUUM", false),
    ANALYZE("ANALYZE", false),
    CHECKPOINT("CHECKPOINT", false),
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
    EXPLAIN("EXPLAIN", false),
    DECLARE_CURSOR("DECLARE CURSOR", false),
    FETCH("FETCH", true),
    MOVE("MOVE", true),
    CLOSE_CURSOR("CLOSE CURSOR", false),
    PREPARE("PREPARE", false),
    /** The tag of an EXECUTE is the executed statement's; this one is for messages. */
    EXECUTE("EXECUTE", false),
    DEALLOCATE("DEALLOCATE", false),
    CREATE_ROLE("CREATE ROLE", false),
    ALTER_ROLE("ALTER ROLE", false),
    DROP_ROLE("DROP ROLE", false),
    CREATE_SEQUENCE("CREATE SEQUENCE", false),
    ALTER_SEQUENCE("ALTER SEQUENCE", false),
    DROP_SEQUENCE("DROP SEQUENCE", false),
    COPY("COPY", true),
    GRANT("GRANT", false),
    REVOKE("REVOKE", false),
    GRANT_ROLE("GRANT ROLE", false),
    REVOKE_ROLE("REVOKE ROLE", false),
    ALTER_DEFAULT_PRIVILEGES("ALTER DEFAULT PRIVILEGES", false),
    /** DISCARD; the tag names what was discarded, as {@code DISCARD ALL}. */
    DISCARD("DISCARD", false),
    CREATE_INDEX("CREATE INDEX", false),
    DROP_INDEX("DROP INDEX", false),
    CREATE_SCHEMA("CREATE SCHEMA", false),
    DROP_SCHEMA("DROP SCHEMA", false),
    CREATE_VIEW("CREATE VIEW", false),
    DROP_VIEW("DROP VIEW", false),
    ALTER_VIEW("ALTER VIEW", false),
    COMMENT("COMMENT", false);

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
