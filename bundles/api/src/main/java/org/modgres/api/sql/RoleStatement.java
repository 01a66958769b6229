package org.modgres.api.sql;

import java.util.List;
import java.util.Objects;

/**
 * CREATE ROLE / USER, ALTER ROLE / USER (attributes, or RENAME TO), DROP ROLE / USER, and GRANT
 * and REVOKE of role membership. Names are as PostgreSQL resolves them: folded to lower case
 * unless quoted.
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

    /**
     * The membership clauses of CREATE ROLE.
     *
     * @param inRoles the roles of {@code IN ROLE}, which the new role joins
     * @param members the roles of {@code ROLE} (or {@code USER}), which join the new role
     * @param admins  the roles of {@code ADMIN}, which join it WITH ADMIN OPTION
     */
    record Membership(List<String> inRoles, List<String> members, List<String> admins) {

        public static final Membership NONE = new Membership(List.of(), List.of(), List.of());

        public Membership {
            inRoles = List.copyOf(inRoles);
            members = List.copyOf(members);
            admins = List.copyOf(admins);
        }
    }

    /** {@code CREATE ROLE name [WITH] options}; {@code user} for CREATE USER, whose default is LOGIN. */
    record Create(String text, String name, boolean user, Options options, Membership membership)
            implements RoleStatement {
        public Create {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(membership, "membership");
        }

        /** A CREATE ROLE without membership clauses. */
        public Create(String text, String name, boolean user, Options options) {
            this(text, name, user, options, Membership.NONE);
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

    /**
     * {@code GRANT role [, ...] TO role [, ...] [WITH ADMIN OPTION]} and
     * {@code REVOKE [ADMIN OPTION FOR] role [, ...] FROM role [, ...] [CASCADE | RESTRICT]}.
     *
     * @param grant       true for GRANT, false for REVOKE
     * @param roles       the roles granted or revoked
     * @param members     the roles that join or leave them
     * @param adminOption WITH ADMIN OPTION of a GRANT; ADMIN OPTION FOR of a REVOKE
     */
    record GrantRole(String text, boolean grant, List<String> roles, List<String> members, boolean adminOption)
            implements RoleStatement {
        public GrantRole {
            Objects.requireNonNull(text, "text");
            roles = List.copyOf(roles);
            members = List.copyOf(members);
            if (roles.isEmpty() || members.isEmpty()) {
                throw new IllegalArgumentException("GRANT of a role needs roles and members");
            }
        }

        @Override
        public StatementKind kind() {
            return grant ? StatementKind.GRANT_ROLE : StatementKind.REVOKE_ROLE;
        }
    }
}
