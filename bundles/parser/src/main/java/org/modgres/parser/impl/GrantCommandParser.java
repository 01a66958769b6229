package org.modgres.parser.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.GrantStatement;
import org.modgres.api.sql.RoleStatement;
import org.modgres.api.sql.Statement;

/**
 * Reads GRANT and REVOKE of privileges on tables, sequences, schemas, databases and functions and of role
 * membership, which the main grammar
 * has no place for, as PostgreSQL's gram.y does (GrantStmt, RevokeStmt, GrantRoleStmt,
 * RevokeRoleStmt). A GRANT or REVOKE must come first in the string; the statements after it go to
 * the main parser. Other targets (procedures, types, languages...) are refused as not
 * supported yet.
 */
final class GrantCommandParser {

    private final String sql;
    private final CopyTokens tokens;

    private GrantCommandParser(String sql) {
        this.sql = sql;
        this.tokens = new CopyTokens(sql);
    }

    /** Returns true when the string starts with GRANT or REVOKE. */
    static boolean isGrantCommand(String firstWord) {
        return firstWord.equals("grant") || firstWord.equals("revoke");
    }

    /** Parses the statement at the start of the string, and the statements after it with {@code rest}. */
    static List<Statement> parse(String sql, Function<String, List<Statement>> rest) {
        GrantCommandParser parser = new GrantCommandParser(sql);
        return StatementStarts.followedByRest(parser.statement(), sql, parser.tokens, rest);
    }

    /**
     * Parses a string whose statements before {@code grantAt} are for the main grammar and whose
     * GRANT or REVOKE starts there, as one list with positions in the whole string.
     */
    static List<Statement> parseAround(String sql, int grantAt, Function<String, List<Statement>> parser) {
        List<Statement> statements = new ArrayList<>(parser.apply(sql.substring(0, grantAt)));
        try {
            statements.addAll(parser.apply(sql.substring(grantAt)));
        } catch (PgException e) {
            throw e.position() > 0 ? e.withPosition(e.position() + grantAt) : e;
        }
        return statements;
    }

    private Statement statement() {
        return isRoleGrant(sql) ? roleGrant() : privilegeGrant();
    }

    /**
     * Returns whether the GRANT or REVOKE at the start of the string is of roles: a list
     * followed by TO or FROM, without the ON of privileges.
     */
    private static boolean isRoleGrant(String sql) {
        CopyTokens ahead = new CopyTokens(sql);
        ahead.word();
        try {
            while (!ahead.atEnd() && !ahead.peekSymbol(';')) {
                if (ahead.peekWord("on")) {
                    return false;
                }
                if (ahead.peekWord("to") || ahead.peekWord("from")) {
                    return true;
                }
                if (ahead.peekSymbol('(')) {
                    ahead.parenthesised();
                } else if (!ahead.acceptSymbol(',')) {
                    ahead.name();
                }
            }
        } catch (PgException notAList) {
            return false;
        }
        return false;
    }

    /** {@code GRANT roles TO roles [WITH ADMIN OPTION]}, {@code REVOKE [ADMIN OPTION FOR] roles FROM roles}. */
    private RoleStatement.GrantRole roleGrant() {
        int start = tokens.position();
        boolean grant = tokens.word().equals("grant");
        boolean adminOption = false;
        if (!grant) {
            CopyTokens ahead = new CopyTokens(sql.substring(tokens.position()));
            if (ahead.acceptWord("admin") && ahead.peekWord("option")) {
                tokens.expectWord("admin");
                tokens.expectWord("option");
                tokens.expectWord("for");
                adminOption = true;
            }
        }
        List<String> roles = new ArrayList<>();
        do {
            roles.add(tokens.name());
            if (tokens.peekSymbol('(')) {
                throw new PgException(SqlState.INVALID_GRANT_OPERATION,
                        "column names cannot be included in GRANT/REVOKE ROLE");
            }
        } while (tokens.acceptSymbol(','));
        tokens.expectWord(grant ? "to" : "from");
        List<String> members = new ArrayList<>();
        do {
            members.add(grantee());
        } while (tokens.acceptSymbol(','));
        if (grant && tokens.acceptWord("with")) {
            tokens.expectWord("admin");
            tokens.expectWord("option");
            adminOption = true;
        }
        if (tokens.peekWord("granted")) {
            throw notSupported("GRANTED BY is");
        }
        if (!grant && !tokens.acceptWord("restrict")) {
            tokens.acceptWord("cascade");
        }
        return new RoleStatement.GrantRole(text(start), grant, roles, members, adminOption);
    }

    private GrantStatement privilegeGrant() {
        int start = tokens.position();
        boolean grant = tokens.word().equals("grant");
        boolean grantOption = false;
        if (!grant && tokens.peekWord("grant")) {
            tokens.expectWord("grant");
            tokens.expectWord("option");
            tokens.expectWord("for");
            grantOption = true;
        }
        List<GrantStatement.Privilege> privileges = privileges();
        tokens.expectWord("on");
        List<List<String>> tables = new ArrayList<>();
        String schema = null;
        String objectType = GrantStatement.TABLE;
        if (tokens.acceptWord("all")) {
            if (tokens.acceptWord("sequences")) {
                objectType = GrantStatement.SEQUENCE;
            } else if (tokens.acceptWord("functions")) {
                objectType = GrantStatement.FUNCTION;
            } else {
                tokens.expectWord("tables");
            }
            tokens.expectWord("in");
            tokens.expectWord("schema");
            schema = tokens.name();
            if (tokens.peekSymbol(',')) {
                throw notSupported("ALL TABLES IN SCHEMA with several schemas is");
            }
        } else if (tokens.acceptWord("function")) {
            objectType = GrantStatement.FUNCTION;
            do {
                tables.add(function());
            } while (tokens.acceptSymbol(','));
        } else if (tokens.peekWord("schema") || tokens.peekWord("database")) {
            objectType = tokens.word().equals("schema") ? GrantStatement.SCHEMA : GrantStatement.DATABASE;
            do {
                tables.add(List.of(tokens.name()));
            } while (tokens.acceptSymbol(','));
        } else {
            if (tokens.acceptWord("sequence")) {
                objectType = GrantStatement.SEQUENCE;
            } else {
                refuseOtherTargets();
                tokens.acceptWord("table");
            }
            do {
                tables.add(tokens.qualifiedName());
            } while (tokens.acceptSymbol(','));
        }
        tokens.expectWord(grant ? "to" : "from");
        List<String> grantees = new ArrayList<>();
        do {
            grantees.add(grantee());
        } while (tokens.acceptSymbol(','));
        if (grant && tokens.acceptWord("with")) {
            tokens.expectWord("grant");
            tokens.expectWord("option");
            grantOption = true;
        }
        if (tokens.peekWord("granted")) {
            throw notSupported("GRANTED BY is");
        }
        boolean cascade = !grant && !tokens.acceptWord("restrict") && tokens.acceptWord("cascade");
        return new GrantStatement(text(start), grant, privileges, tables, schema, grantees, grantOption, objectType,
                cascade);
    }

    /** {@code ALL [PRIVILEGES] [(columns)]} or a list of privileges, each with optional columns. */
    private List<GrantStatement.Privilege> privileges() {
        List<GrantStatement.Privilege> privileges = new ArrayList<>();
        if (tokens.acceptWord("all")) {
            tokens.acceptWord("privileges");
            if (tokens.peekSymbol('(')) {
                privileges.add(new GrantStatement.Privilege("ALL", columns()));
            }
            return privileges;
        }
        do {
            String name = tokens.word().toUpperCase(Locale.ROOT);
            privileges.add(new GrantStatement.Privilege(name, tokens.peekSymbol('(') ? columns() : List.of()));
        } while (tokens.acceptSymbol(','));
        return privileges;
    }

    private List<String> columns() {
        tokens.expectSymbol('(');
        List<String> columns = new ArrayList<>();
        do {
            columns.add(tokens.name());
        } while (tokens.acceptSymbol(','));
        tokens.expectSymbol(')');
        return columns;
    }

    /**
     * A function as GRANT names it: its name, and when written its argument list, as
     * {@link GrantStatement#ARGUMENTS} and each type with its words one space apart, in lower case.
     */
    private List<String> function() {
        List<String> function = new ArrayList<>(tokens.qualifiedName());
        if (!tokens.peekSymbol('(')) {
            return function;
        }
        function.add(GrantStatement.ARGUMENTS);
        String arguments = tokens.parenthesised();
        int depth = 0;
        int from = 0;
        for (int i = 0; i <= arguments.length(); i++) {
            char c = i < arguments.length() ? arguments.charAt(i) : ',';
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                String type = arguments.substring(from, i).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
                if (!type.isEmpty() || i < arguments.length()) {
                    function.add(type);
                }
                from = i + 1;
            }
        }
        return function;
    }

    private void refuseOtherTargets() {
        for (String target : List.of("procedure", "routine",
                "language", "type", "domain", "foreign", "large", "tablespace", "parameter")) {
            if (tokens.peekWord(target)) {
                throw notSupported("privileges on " + target.toUpperCase(Locale.ROOT) + " objects are");
            }
        }
    }


    /** A grantee: PUBLIC (the name public, quoted or not, as gram.y's RoleSpec reads it) or a role. */
    private String grantee() {
        tokens.acceptWord("group");
        int at = tokens.position();
        boolean quoted = tokens.peekSymbol('"');
        String name = tokens.name();
        if (!quoted && (name.equals("current_user") || name.equals("session_user") || name.equals("current_role"))) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, Severity.ERROR,
                    name.toUpperCase(Locale.ROOT) + " as a role name is not supported yet", null, null, at + 1, null);
        }
        return name;
    }

    private String text(int start) {
        return sql.substring(start, tokens.position()).strip();
    }

    private static PgException notSupported(String what) {
        return new PgException(SqlState.FEATURE_NOT_SUPPORTED, what + " not supported yet");
    }
}
