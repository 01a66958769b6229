package org.modgres.api.role;

/**
 * A privilege on a table, with the letter PostgreSQL's {@code aclitem} text gives it. The order is
 * the order of those letters in {@code arwdDxt}.
 */
public enum TablePrivilege {
    INSERT('a'), SELECT('r'), UPDATE('w'), DELETE('d'), TRUNCATE('D'), REFERENCES('x'), TRIGGER('t');

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
