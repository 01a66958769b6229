package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.RoleStatement;
import org.modgres.api.sql.Statement;
import org.modgres.api.sql.StatementKind;

class RoleStatementTest {

    @Test
    void create_role_with_every_attribute() {
        RoleStatement.Create create = assertInstanceOf(RoleStatement.Create.class, Parsing.one(
                "CREATE ROLE Alice WITH LOGIN SUPERUSER NOCREATEDB CREATEROLE NOINHERIT REPLICATION NOBYPASSRLS"
                        + " CONNECTION LIMIT -1 ENCRYPTED PASSWORD 'it''s' VALID UNTIL '2030-01-01';"));
        assertEquals("alice", create.name());
        assertFalse(create.user());
        RoleStatement.Options o = create.options();
        assertEquals(new RoleStatement.Options(true, false, true, false, true, true, false, -1,
                new RoleStatement.Password("it's"), "2030-01-01"), o);
        assertEquals(StatementKind.CREATE_ROLE, create.kind());
        assertEquals("CREATE ROLE", create.kind().commandTag(0));
    }

    @Test
    void create_user_and_a_quoted_name() {
        RoleStatement.Create create = assertInstanceOf(RoleStatement.Create.class,
                Parsing.one("create user \"Bob\" password null"));
        assertEquals("Bob", create.name());
        assertTrue(create.user());
        assertNull(create.options().password().value());
        assertNull(create.options().login());
    }

    @Test
    void alter_role_options_and_rename() {
        RoleStatement.Alter alter = assertInstanceOf(RoleStatement.Alter.class,
                Parsing.one("alter role alice nologin connection limit 3"));
        assertEquals(false, alter.options().login());
        assertEquals(3, alter.options().connectionLimit());
        RoleStatement.Rename rename = assertInstanceOf(RoleStatement.Rename.class,
                Parsing.one("ALTER USER alice RENAME TO alicia"));
        assertEquals("alicia", rename.newName());
        assertEquals(StatementKind.ALTER_ROLE, rename.kind());
    }

    @Test
    void drop_role_if_exists_with_several_names() {
        RoleStatement.Drop drop = assertInstanceOf(RoleStatement.Drop.class,
                Parsing.one("drop role if exists a, \"B\""));
        assertTrue(drop.ifExists());
        assertEquals(List.of("a", "B"), drop.names());
        assertEquals("drop role if exists a, \"B\"", drop.text());
    }

    @Test
    void statements_after_a_role_statement_go_to_the_main_parser() {
        List<Statement> statements = Parsing.parse("create role a; select 1");
        assertEquals(2, statements.size());
        assertEquals("create role a", statements.get(0).text());
        assertInstanceOf(PlannableStatement.class, statements.get(1));
    }

    @Test
    void errors_as_postgresql_reports_them() {
        PgException conflict = Parsing.error("create role c superuser nosuperuser");
        assertEquals(SqlState.SYNTAX_ERROR, conflict.sqlState());
        assertEquals("conflicting or redundant options", conflict.getMessage());
        assertEquals(25, conflict.position());
        PgException reserved = Parsing.error("create role public");
        assertEquals(SqlState.RESERVED_NAME, reserved.sqlState());
        assertEquals("role name \"public\" is reserved", reserved.getMessage());
        assertEquals(13, reserved.position());
        PgException unencrypted = Parsing.error("create role g unencrypted password 'x'");
        assertEquals(SqlState.FEATURE_NOT_SUPPORTED, unencrypted.sqlState());
        assertEquals(15, unencrypted.position());
        PgException unknown = Parsing.error("create role g frobnicate");
        assertEquals(SqlState.SYNTAX_ERROR, unknown.sqlState());
        assertEquals("syntax error at or near \"frobnicate\"", unknown.getMessage());
        assertEquals(SqlState.SYNTAX_ERROR, Parsing.error("drop role").sqlState());
    }
}
