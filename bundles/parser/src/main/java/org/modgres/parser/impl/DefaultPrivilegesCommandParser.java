package org.modgres.parser.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.DefaultPrivilegesStatement;
import org.modgres.api.sql.GrantStatement;
import org.modgres.api.sql.Statement;

/**
 * Reads {@code ALTER DEFAULT PRIVILEGES}, which the main grammar has no place for, as
 * PostgreSQL's gram.y does (AlterDefaultPrivilegesStmt), on tables, sequences, functions (also
 * written routines), types and schemas.
 */
final class DefaultPrivilegesCommandParser {

    private final String sql;
    private final CopyTokens tokens;

    private DefaultPrivilegesCommandParser(String sql) {
        this.sql = sql;
        this.tokens = new CopyTokens(sql);
    }

    /** Returns true when the string starts with ALTER DEFAULT PRIVILEGES. */
    static boolean isCommand(String sql) {
        CopyTokens ahead = new CopyTokens(sql);
        return ahead.acceptWord("alter") && ahead.acceptWord("default") && ahead.peekWord("privileges");
    }

    /** Parses the statement at the start of the string, and the statements after it with {@code rest}. */
    static List<Statement> parse(String sql, Function<String, List<Statement>> rest) {
        DefaultPrivilegesCommandParser parser = new DefaultPrivilegesCommandParser(sql);
        return StatementStarts.followedByRest(parser.statement(), sql, parser.tokens, rest);
    }

    private DefaultPrivilegesStatement statement() {
        int start = tokens.position();
        tokens.expectWord("alter");
        tokens.expectWord("default");
        tokens.expectWord("privileges");
        List<String> roles = new ArrayList<>();
        List<String> schemas = new ArrayList<>();
        while (true) {
            if (tokens.acceptWord("for")) {
                if (!tokens.acceptWord("role")) {
                    tokens.expectWord("user");
                }
                roles.addAll(names());
            } else if (tokens.acceptWord("in")) {
                tokens.expectWord("schema");
                schemas.addAll(names());
            } else {
                break;
            }
        }
        boolean grant = tokens.acceptWord("grant");
        if (!grant) {
            tokens.expectWord("revoke");
        }
        boolean grantOption = false;
        if (!grant && tokens.peekWord("grant")) {
            tokens.expectWord("grant");
            tokens.expectWord("option");
            tokens.expectWord("for");
            grantOption = true;
        }
        List<GrantStatement.Privilege> privileges = privileges();
        tokens.expectWord("on");
        String objectType = objectType();
        tokens.expectWord(grant ? "to" : "from");
        List<String> grantees = new ArrayList<>();
        do {
            tokens.acceptWord("group");
            grantees.add(tokens.name());
        } while (tokens.acceptSymbol(','));
        if (grant && tokens.acceptWord("with")) {
            tokens.expectWord("grant");
            tokens.expectWord("option");
            grantOption = true;
        }
        if (!grant && !tokens.acceptWord("restrict")) {
            tokens.acceptWord("cascade");
        }
        return new DefaultPrivilegesStatement(sql.substring(start, tokens.position()).strip(), roles, schemas, grant,
                privileges, objectType, grantees, grantOption);
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        do {
            names.add(tokens.name());
        } while (tokens.acceptSymbol(','));
        return names;
    }

    /** {@code ALL [PRIVILEGES]} or a list of privileges; column lists are not allowed here. */
    private List<GrantStatement.Privilege> privileges() {
        List<GrantStatement.Privilege> privileges = new ArrayList<>();
        if (tokens.acceptWord("all")) {
            tokens.acceptWord("privileges");
            return privileges;
        }
        do {
            String name = tokens.word().toUpperCase(Locale.ROOT);
            if (tokens.peekSymbol('(')) {
                throw new PgException(SqlState.INVALID_GRANT_OPERATION,
                        "column privileges are only valid for relations");
            }
            privileges.add(new GrantStatement.Privilege(name, List.of()));
        } while (tokens.acceptSymbol(','));
        return privileges;
    }

    private String objectType() {
        if (tokens.acceptWord("tables")) {
            return GrantStatement.TABLE;
        }
        if (tokens.acceptWord("sequences")) {
            return GrantStatement.SEQUENCE;
        }
        if (tokens.acceptWord("functions") || tokens.acceptWord("routines")) {
            return GrantStatement.FUNCTION;
        }
        if (tokens.acceptWord("schemas")) {
            return GrantStatement.SCHEMA;
        }
        if (tokens.acceptWord("types")) {
            return GrantStatement.TYPE;
        }
        tokens.expectWord("tables");
        return GrantStatement.TABLE;
    }
}
