package org.modgres.api.role;

/**
 * A privilege on a table, sequence, schema, database or function, with the letter PostgreSQL's
 * {@code aclitem} text gives it. The order is the order of those letters in {@code arwdDxtUCTc},
 * then EXECUTE ({@code X}), last because stored lists keep privileges by position; no object has
 * EXECUTE besides others, so no list prints out of PostgreSQL's order. Which privileges an object
 * may have is its {@link PrivilegeTarget}'s to say. (The name is older than the privileges of
 * other objects.)
 */
public enum TablePrivilege {
    INSERT('a'), SELECT('r'), UPDATE('w'), DELETE('d'), TRUNCATE('D'), REFERENCES('x'), TRIGGER('t'),
    /** USAGE of a sequence or schema. */
    USAGE('U'),
    /** CREATE in a schema or database. */
    CREATE('C'),
    /** TEMPORARY tables in a database. */
    TEMPORARY('T'),
    /** CONNECT to a database. */
    CONNECT('c'),
    /** EXECUTE a function. */
    EXECUTE('X');

    private final char letter;

    TablePrivilege(char letter) {
        this.letter = letter;
    }

    /** Returns the letter of the privilege in an {@code aclitem}. */
    public char letter() {
        return letter;
    }

    /** Returns the privilege as SQL names it, as in {@code permission denied} messages. */
    public String sqlName() {
        return name();
    }
}
