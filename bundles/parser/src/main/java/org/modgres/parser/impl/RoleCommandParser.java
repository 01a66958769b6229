package org.modgres.parser.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.RoleStatement;
import org.modgres.api.sql.Statement;

/**
 * Reads CREATE ROLE / USER, ALTER ROLE / USER and DROP ROLE / USER, which the main grammar has no
 * place for, as PostgreSQL's gram.y does (CreateRoleStmt, AlterRoleStmt, RenameStmt, DropRoleStmt).
 * A role statement must come first in the string; the statements after it go to the main parser.
 * CREATE ROLE's membership clauses (IN ROLE, ROLE, ADMIN) are read; per-role settings
 * (ALTER ROLE ... SET) are not kept yet.
 */
final class RoleCommandParser {

    private final String sql;
    private final CopyTokens tokens;
    private final OptionsBuilder options = new OptionsBuilder();

    private RoleCommandParser(String sql) {
        this.sql = sql;
        this.tokens = new CopyTokens(sql);
    }

    /** Returns true when the string starts with CREATE, ALTER or DROP followed by ROLE or USER. */
    static boolean isRoleCommand(String sql) {
        CopyTokens tokens = new CopyTokens(sql);
        if (!tokens.acceptWord("create") && !tokens.acceptWord("alter") && !tokens.acceptWord("drop")) {
            return false;
        }
        if (tokens.acceptWord("role")) {
            return true;
        }
        return tokens.acceptWord("user") && !tokens.peekWord("mapping");
    }

    /** Parses the role statement at the start of the string, and the statements after it with {@code rest}. */
    static List<Statement> parse(String sql, Function<String, List<Statement>> rest) {
        RoleCommandParser parser = new RoleCommandParser(sql);
        return StatementStarts.followedByRest(parser.statement(), sql, parser.tokens, rest);
    }

    private RoleStatement statement() {
        int start = tokens.position();
        String verb = tokens.word();
        boolean user = tokens.peekWord("user");
        tokens.word();
        return switch (verb) {
            case "create" -> create(start, user);
            case "alter" -> alter(start);
            default -> drop(start);
        };
    }

    private RoleStatement.Create create(int start, boolean user) {
        String name = roleName();
        options(true);
        return new RoleStatement.Create(text(start), name, user, options.build(), options.membership());
    }

    private RoleStatement alter(int start) {
        String name = existingRoleName();
        if (tokens.acceptWord("rename")) {
            tokens.expectWord("to");
            String newName = roleName();
            return new RoleStatement.Rename(text(start), name, newName);
        }
        if (tokens.peekWord("set") || tokens.peekWord("reset") || tokens.peekWord("in")) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "ALTER ROLE ... SET and RESET are not supported");
        }
        options(false);
        return new RoleStatement.Alter(text(start), name, options.build());
    }

    private RoleStatement.Drop drop(int start) {
        boolean ifExists = false;
        if (tokens.acceptWord("if")) {
            tokens.expectWord("exists");
            ifExists = true;
        }
        List<String> names = new ArrayList<>();
        do {
            names.add(existingRoleName());
        } while (tokens.acceptSymbol(','));
        return new RoleStatement.Drop(text(start), ifExists, names);
    }

    /** The options of CREATE ROLE (with membership clauses) or ALTER ROLE, up to the end of the statement. */
    private void options(boolean create) {
        tokens.acceptWord("with");
        while (!tokens.atEnd() && !tokens.peekSymbol(';')) {
            int at = tokens.position();
            String word = tokens.word();
            switch (word) {
                case "superuser", "nosuperuser" -> options.superuser(flag(word), at);
                case "createdb", "nocreatedb" -> options.createDb(flag(word), at);
                case "createrole", "nocreaterole" -> options.createRole(flag(word), at);
                case "inherit", "noinherit" -> options.inherit(flag(word), at);
                case "login", "nologin" -> options.login(flag(word), at);
                case "replication", "noreplication" -> options.replication(flag(word), at);
                case "bypassrls", "nobypassrls" -> options.bypassRls(flag(word), at);
                case "connection" -> {
                    tokens.expectWord("limit");
                    options.connectionLimit(integer(), at);
                }
                case "encrypted" -> {
                    tokens.expectWord("password");
                    options.password(password(), at);
                }
                case "password" -> options.password(password(), at);
                case "unencrypted" -> throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, Severity.ERROR,
                        "UNENCRYPTED PASSWORD is no longer supported", null,
                        "Remove UNENCRYPTED to store the password in encrypted form instead.", at + 1, null);
                case "valid" -> {
                    tokens.expectWord("until");
                    options.validUntil(tokens.string(), at);
                }
                case "in", "role", "admin", "user" -> {
                    if (!create) {
                        throw unexpectedAt(at, word);
                    }
                    membershipClause(word, at);
                }
                case "sysid" -> {
                    if (!create) {
                        throw unexpectedAt(at, word);
                    }
                    throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, Severity.ERROR,
                            "SYSID is not supported", null, null, at + 1, null);
                }
                default -> throw unexpectedAt(at, word);
            }
        }
    }

    /** {@code IN ROLE | IN GROUP roles}, {@code ROLE | USER roles} or {@code ADMIN roles}. */
    private void membershipClause(String word, int at) {
        if (word.equals("in")) {
            if (!tokens.acceptWord("role")) {
                tokens.expectWord("group");
            }
        }
        List<String> names = new ArrayList<>();
        do {
            names.add(existingRoleName());
        } while (tokens.acceptSymbol(','));
        switch (word) {
            case "in" -> options.inRoles(names, at);
            case "admin" -> options.admins(names, at);
            default -> options.members(names, at);
        }
    }

    private static boolean flag(String word) {
        return !word.startsWith("no");
    }

    private RoleStatement.Password password() {
        if (tokens.acceptWord("null")) {
            return new RoleStatement.Password(null);
        }
        return new RoleStatement.Password(tokens.string());
    }

    private int integer() {
        boolean negative = tokens.acceptSymbol('-');
        int at = tokens.position();
        String digits = tokens.word();
        if (!digits.chars().allMatch(Character::isDigit)) {
            throw unexpectedAt(at, digits);
        }
        try {
            int value = Integer.parseInt(digits);
            return negative ? -value : value;
        } catch (NumberFormatException e) {
            throw unexpectedAt(at, digits);
        }
    }

    /** A role name being created or given: PUBLIC and NONE are reserved, as in gram.y's RoleId. */
    private String roleName() {
        int at = tokens.position();
        boolean quoted = tokens.peekSymbol('"');
        String name = tokens.name();
        if (!quoted && (name.equals("public") || name.equals("none"))) {
            throw new PgException(SqlState.RESERVED_NAME, Severity.ERROR,
                    "role name \"" + name + "\" is reserved", null, null, at + 1, null);
        }
        return name;
    }

    /** A role name that must exist; CURRENT_USER and the like are not supported yet. */
    private String existingRoleName() {
        int at = tokens.position();
        boolean quoted = tokens.peekSymbol('"');
        String name = tokens.name();
        if (!quoted && (name.equals("current_user") || name.equals("session_user") || name.equals("current_role"))) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, Severity.ERROR,
                    name.toUpperCase(java.util.Locale.ROOT) + " as a role name is not supported yet", null, null,
                    at + 1, null);
        }
        return name;
    }

    private String text(int start) {
        int end = tokens.position();
        return sql.substring(start, end).strip();
    }

    private PgException unexpectedAt(int at, String word) {
        return new PgException(SqlState.SYNTAX_ERROR, Severity.ERROR, "syntax error at or near \"" + word + "\"",
                null, null, at + 1, null);
    }

    /** Collects options, refusing one given twice as PostgreSQL's errorConflictingDefElem does. */
    private static final class OptionsBuilder {
        private Boolean superuser;
        private Boolean createDb;
        private Boolean createRole;
        private Boolean inherit;
        private Boolean login;
        private Boolean replication;
        private Boolean bypassRls;
        private Integer connectionLimit;
        private RoleStatement.Password password;
        private String validUntil;
        private List<String> inRoles;
        private List<String> members;
        private List<String> admins;

        void inRoles(List<String> value, int at) {
            check(inRoles, at);
            inRoles = value;
        }

        void members(List<String> value, int at) {
            check(members, at);
            members = value;
        }

        void admins(List<String> value, int at) {
            check(admins, at);
            admins = value;
        }

        RoleStatement.Membership membership() {
            return new RoleStatement.Membership(inRoles == null ? List.of() : inRoles,
                    members == null ? List.of() : members, admins == null ? List.of() : admins);
        }

        void superuser(boolean value, int at) {
            check(superuser, at);
            superuser = value;
        }

        void createDb(boolean value, int at) {
            check(createDb, at);
            createDb = value;
        }

        void createRole(boolean value, int at) {
            check(createRole, at);
            createRole = value;
        }

        void inherit(boolean value, int at) {
            check(inherit, at);
            inherit = value;
        }

        void login(boolean value, int at) {
            check(login, at);
            login = value;
        }

        void replication(boolean value, int at) {
            check(replication, at);
            replication = value;
        }

        void bypassRls(boolean value, int at) {
            check(bypassRls, at);
            bypassRls = value;
        }

        void connectionLimit(int value, int at) {
            check(connectionLimit, at);
            connectionLimit = value;
        }

        void password(RoleStatement.Password value, int at) {
            check(password, at);
            password = value;
        }

        void validUntil(String value, int at) {
            check(validUntil, at);
            validUntil = value;
        }

        private static void check(Object previous, int at) {
            if (previous != null) {
                throw new PgException(SqlState.SYNTAX_ERROR, Severity.ERROR, "conflicting or redundant options",
                        null, null, at + 1, null);
            }
        }

        RoleStatement.Options build() {
            return new RoleStatement.Options(superuser, createDb, createRole, inherit, login, replication,
                    bypassRls, connectionLimit, password, validUntil);
        }
    }
}
