package org.modgres.api.sql;

import java.util.List;
import java.util.Objects;

/**
 * CREATE ROLE / USER, ALTER ROLE / USER (attributes, or RENAME TO) and DROP ROLE / USER. Names are
 * as PostgreSQL resolves them: folded to lower case unless quoted.
 */
public sealed interface RoleStatement extends Statement {

    /**
     * The attributes a statement sets; a null field is one the statement does not mention.
     *
     * @param password        the PASSWORD clause, or null when there is none
     * @param validUntil      the VALID UNTIL timestamp's text, unparsed
     */
    record Options(Boolean superuser, Boolean createDb, Boolean createRole, Boolean inherit, Boolean login,
                   Boolean replication, Boolean bypassRls, Integer connectionLimit, Password password,
                   String validUntil) {

        public static final Options NONE = new Options(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * {@code PASSWORD 'text'} or {@code PASSWORD NULL}.
     *
     * @param value the password as written (plain, or already an MD5 hash or SCRAM verifier); null
     *              for PASSWORD NULL
     */
    record Password(String value) {

        /** Never shows the password. */
        @Override
        public String toString() {
            return value == null ? "Password[NULL]" : "Password[(set)]";
        }
    }

    /** {@code CREATE ROLE name [WITH] options}; {@code user} for CREATE USER, whose default is LOGIN. */
    record Create(String text, String name, boolean user, Options options) implements RoleStatement {
        public Create {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(options, "options");
        }

        @Override
        public StatementKind kind() {
            return StatementKind.CREATE_ROLE;
        }
    }

    /** {@code ALTER ROLE name [WITH] options}. */
    record Alter(String text, String name, Options options) implements RoleStatement {
        public Alter {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(options, "options");
        }

        @Override
        public StatementKind kind() {
            return StatementKind.ALTER_ROLE;
        }
    }

    /** {@code ALTER ROLE name RENAME TO newName}. */
    record Rename(String text, String name, String newName) implements RoleStatement {
        public Rename {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(newName, "newName");
        }

        @Override
        public StatementKind kind() {
            return StatementKind.ALTER_ROLE;
        }
    }

    /** {@code DROP ROLE [IF EXISTS] name [, ...]}. */
    record Drop(String text, boolean ifExists, List<String> names) implements RoleStatement {
        public Drop {
            Objects.requireNonNull(text, "text");
            names = List.copyOf(names);
            if (names.isEmpty()) {
                throw new IllegalArgumentException("DROP ROLE needs a role");
            }
        }

        @Override
        public StatementKind kind() {
            return StatementKind.DROP_ROLE;
        }
    }
}
