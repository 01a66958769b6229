package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.DefaultPrivilegesStatement;
import org.modgres.api.sql.GrantStatement;
import org.modgres.api.sql.Statement;
import org.modgres.api.sql.StatementKind;

class DefaultPrivilegesStatementTest {

    @Test
    void grant_on_tables_for_role_in_schema() {
        DefaultPrivilegesStatement statement = assertInstanceOf(DefaultPrivilegesStatement.class, Parsing.one(
                "ALTER DEFAULT PRIVILEGES FOR ROLE alice, \"Bob\" IN SCHEMA public GRANT select, Insert ON TABLES"
                        + " TO carol, PUBLIC WITH GRANT OPTION;"));
        assertEquals(List.of("alice", "Bob"), statement.roles());
        assertEquals(List.of("public"), statement.schemas());
        assertTrue(statement.grant());
        assertEquals(List.of(new GrantStatement.Privilege("SELECT", List.of()),
                new GrantStatement.Privilege("INSERT", List.of())), statement.privileges());
        assertEquals(GrantStatement.TABLE, statement.objectType());
        assertEquals(List.of("carol", GrantStatement.PUBLIC), statement.grantees());
        assertTrue(statement.grantOption());
        assertEquals(StatementKind.ALTER_DEFAULT_PRIVILEGES, statement.kind());
        assertEquals("ALTER DEFAULT PRIVILEGES", statement.kind().commandTag(0));
    }

    @Test
    void revoke_all_on_sequences_without_role_or_schema() {
        DefaultPrivilegesStatement statement = assertInstanceOf(DefaultPrivilegesStatement.class,
                Parsing.one("alter default privileges revoke grant option for all privileges on sequences from bob"));
        assertEquals(List.of(), statement.roles());
        assertEquals(List.of(), statement.schemas());
        assertFalse(statement.grant());
        assertEquals(List.of(), statement.privileges());
        assertEquals(GrantStatement.SEQUENCE, statement.objectType());
        assertTrue(statement.grantOption());
    }

    @Test
    void follows_and_precedes_other_statements() {
        List<Statement> statements = new PostgresSqlParser().parse(
                "SELECT 1; ALTER DEFAULT PRIVILEGES IN SCHEMA s GRANT USAGE ON SEQUENCES TO bob; SELECT 2");
        assertEquals(3, statements.size());
        DefaultPrivilegesStatement statement = assertInstanceOf(DefaultPrivilegesStatement.class, statements.get(1));
        assertEquals("ALTER DEFAULT PRIVILEGES IN SCHEMA s GRANT USAGE ON SEQUENCES TO bob", statement.text());
        assertEquals(StatementKind.SELECT, statements.get(2).kind());
    }

    @Test
    void types() {
        DefaultPrivilegesStatement types = assertInstanceOf(DefaultPrivilegesStatement.class,
                Parsing.one("ALTER DEFAULT PRIVILEGES REVOKE USAGE ON TYPES FROM PUBLIC"));
        assertEquals(GrantStatement.TYPE, types.objectType());
    }

    @Test
    void functions_routines_and_schemas() {
        DefaultPrivilegesStatement functions = assertInstanceOf(DefaultPrivilegesStatement.class,
                Parsing.one("ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC"));
        assertEquals(GrantStatement.FUNCTION, functions.objectType());
        DefaultPrivilegesStatement routines = assertInstanceOf(DefaultPrivilegesStatement.class,
                Parsing.one("ALTER DEFAULT PRIVILEGES FOR ROLE dan GRANT ALL ON ROUTINES TO eve"));
        assertEquals(GrantStatement.FUNCTION, routines.objectType());
        DefaultPrivilegesStatement schemas = assertInstanceOf(DefaultPrivilegesStatement.class,
                Parsing.one("ALTER DEFAULT PRIVILEGES GRANT USAGE, CREATE ON SCHEMAS TO eve"));
        assertEquals(GrantStatement.SCHEMA, schemas.objectType());
        assertEquals(List.of("USAGE", "CREATE"), schemas.privileges().stream()
                .map(GrantStatement.Privilege::name).toList());
    }

    @Test
    void alter_role_is_still_a_role_statement() {
        Statement statement = Parsing.one("ALTER ROLE alice LOGIN");
        assertEquals(StatementKind.ALTER_ROLE, statement.kind());
    }
}
