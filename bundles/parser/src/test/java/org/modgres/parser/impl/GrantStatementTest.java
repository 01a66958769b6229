package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.GrantStatement;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.Statement;
import org.modgres.api.sql.StatementKind;

class GrantStatementTest {

    @Test
    void grant_privileges_on_tables_to_roles_and_public() {
        GrantStatement grant = assertInstanceOf(GrantStatement.class, Parsing.one(
                "GRANT select, Insert ON TABLE t, public.\"U\" TO alice, PUBLIC WITH GRANT OPTION;"));
        assertTrue(grant.grant());
        assertEquals(List.of(new GrantStatement.Privilege("SELECT", List.of()),
                new GrantStatement.Privilege("INSERT", List.of())), grant.privileges());
        assertEquals(List.of(List.of("t"), List.of("public", "U")), grant.tables());
        assertNull(grant.allInSchema());
        assertEquals(List.of("alice", GrantStatement.PUBLIC), grant.grantees());
        assertTrue(grant.grantOption());
        assertEquals(StatementKind.GRANT, grant.kind());
        assertEquals("GRANT", grant.kind().commandTag(0));
    }

    @Test
    void revoke_all_on_all_tables_in_schema() {
        GrantStatement revoke = assertInstanceOf(GrantStatement.class,
                Parsing.one("revoke all privileges on all tables in schema public from \"Bob\" cascade"));
        assertFalse(revoke.grant());
        assertEquals(List.of(), revoke.privileges());
        assertEquals("public", revoke.allInSchema());
        assertEquals(List.of("Bob"), revoke.grantees());
        assertFalse(revoke.grantOption());
        assertTrue(revoke.cascade());
        assertEquals("REVOKE", revoke.kind().commandTag(0));
    }

    @Test
    void revoke_restricts_unless_cascade_is_written() {
        assertFalse(assertInstanceOf(GrantStatement.class,
                Parsing.one("REVOKE SELECT ON t FROM bob RESTRICT")).cascade());
        assertFalse(assertInstanceOf(GrantStatement.class, Parsing.one("REVOKE SELECT ON t FROM bob")).cascade());
        assertTrue(assertInstanceOf(GrantStatement.class,
                Parsing.one("REVOKE GRANT OPTION FOR EXECUTE ON FUNCTION f(int) FROM bob CASCADE")).cascade());
    }

    @Test
    void revoke_grant_option_and_column_privileges() {
        GrantStatement revoke = assertInstanceOf(GrantStatement.class,
                Parsing.one("REVOKE GRANT OPTION FOR select (a, b), update on t from alice"));
        assertTrue(revoke.grantOption());
        assertEquals(new GrantStatement.Privilege("SELECT", List.of("a", "b")), revoke.privileges().get(0));
    }

    @Test
    void statements_after_a_grant_go_to_the_main_parser() {
        List<Statement> statements = new PostgresSqlParser().parse("grant select on t to alice; select 1");
        assertEquals(2, statements.size());
        assertEquals("grant select on t to alice", statements.get(0).text());
        assertInstanceOf(PlannableStatement.class, statements.get(1));
    }

    @Test
    void a_grant_may_follow_other_statements_in_one_string() {
        List<Statement> statements = new PostgresSqlParser().parse("begin; create table t (a text default 'x;y');"
                + " select 'a;''b', E'\\';', \"g;\" from t /* ; grant */ -- ;\n; GRANT select on t to alice; commit");
        assertEquals(List.of(StatementKind.BEGIN, StatementKind.CREATE_TABLE, StatementKind.SELECT,
                StatementKind.GRANT, StatementKind.COMMIT), statements.stream().map(Statement::kind).toList());
        assertEquals("GRANT select on t to alice", statements.get(3).text());
        PgException error = assertThrows(PgException.class,
                () -> new PostgresSqlParser().parse("select 1; grant select on t alice"));
        assertEquals(29, error.position(), "the position of \"alice\" in the whole string");
        assertEquals(27, StatementStarts.laterStatement("do $x$ ; grant $x$, $$;$$; grant",
                GrantCommandParser::isGrantCommand), "dollar quotes hide semicolons");
        assertEquals(-1, StatementStarts.laterStatement("grant x; select 1", GrantCommandParser::isGrantCommand));
    }

    @Test
    void other_targets_are_not_supported_and_bad_syntax_is_reported() {
        PgException procedure = assertThrows(PgException.class,
                () -> Parsing.one("grant execute on procedure f to alice"));
        assertEquals(SqlState.FEATURE_NOT_SUPPORTED, procedure.sqlState());
        PgException syntax = assertThrows(PgException.class, () -> Parsing.one("grant select on t alice"));
        assertEquals(SqlState.SYNTAX_ERROR, syntax.sqlState());
        assertEquals("syntax error at or near \"alice\"", syntax.getMessage());
    }

    @Test
    void grant_on_schemas_and_sequences() {
        GrantStatement schemas = assertInstanceOf(GrantStatement.class,
                Parsing.one("GRANT usage, CREATE ON SCHEMA s, \"T\" TO alice WITH GRANT OPTION"));
        assertEquals(GrantStatement.SCHEMA, schemas.objectType());
        assertEquals(List.of(List.of("s"), List.of("T")), schemas.tables());
        assertEquals(List.of(new GrantStatement.Privilege("USAGE", List.of()),
                new GrantStatement.Privilege("CREATE", List.of())), schemas.privileges());
        GrantStatement sequences = assertInstanceOf(GrantStatement.class,
                Parsing.one("revoke update on sequence s.q, r from public"));
        assertEquals(GrantStatement.SEQUENCE, sequences.objectType());
        assertEquals(List.of(List.of("s", "q"), List.of("r")), sequences.tables());
        GrantStatement all = assertInstanceOf(GrantStatement.class,
                Parsing.one("grant select on all sequences in schema s to bob"));
        assertEquals(GrantStatement.SEQUENCE, all.objectType());
        assertEquals("s", all.allInSchema());
        GrantStatement table = assertInstanceOf(GrantStatement.class, Parsing.one("grant select on t to bob"));
        assertEquals(GrantStatement.TABLE, table.objectType());
    }

    @Test
    void grant_and_revoke_on_databases() {
        GrantStatement grant = assertInstanceOf(GrantStatement.class,
                Parsing.one("GRANT connect, TEMP, create ON DATABASE postgres, \"D\" TO alice WITH GRANT OPTION"));
        assertEquals(GrantStatement.DATABASE, grant.objectType());
        assertEquals(List.of(List.of("postgres"), List.of("D")), grant.tables());
        assertEquals(List.of(new GrantStatement.Privilege("CONNECT", List.of()),
                new GrantStatement.Privilege("TEMP", List.of()),
                new GrantStatement.Privilege("CREATE", List.of())), grant.privileges());
        assertTrue(grant.grantOption());
        GrantStatement revoke = assertInstanceOf(GrantStatement.class,
                Parsing.one("revoke all privileges on database postgres from public"));
        assertEquals(GrantStatement.DATABASE, revoke.objectType());
        assertFalse(revoke.grant());
        assertTrue(revoke.privileges().isEmpty());
        assertEquals(List.of(GrantStatement.PUBLIC), revoke.grantees());
    }

    @Test
    void grant_and_revoke_execute_on_functions() {
        GrantStatement grant = assertInstanceOf(GrantStatement.class, Parsing.one(
                "GRANT EXECUTE ON FUNCTION now(), pg_catalog.upper( TEXT ), f(Double  Precision, numeric(10, 2)), abs "
                        + "TO alice"));
        assertEquals(GrantStatement.FUNCTION, grant.objectType());
        assertEquals(List.of(List.of("now", "("), List.of("pg_catalog", "upper", "(", "text"),
                List.of("f", "(", "double precision", "numeric(10, 2)"), List.of("abs")), grant.tables());
        assertEquals(List.of(new GrantStatement.Privilege("EXECUTE", List.of())), grant.privileges());
        GrantStatement revoke = assertInstanceOf(GrantStatement.class,
                Parsing.one("revoke all on all functions in schema pg_catalog from public"));
        assertEquals(GrantStatement.FUNCTION, revoke.objectType());
        assertEquals("pg_catalog", revoke.allInSchema());
        assertFalse(revoke.grant());
    }
}
