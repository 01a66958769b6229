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
import org.modgres.api.sql.SchemaStatement;
import org.modgres.api.sql.Statement;
import org.modgres.api.sql.StatementKind;
import org.modgres.api.sql.ViewStatement;

/** CREATE SCHEMA, DROP SCHEMA, CREATE [OR REPLACE] VIEW and DROP VIEW, alone and among other statements. */
class SchemaViewStatementTest {

    @Test
    void create_schema_with_a_name_an_owner_or_both() {
        SchemaStatement.Create named = assertInstanceOf(SchemaStatement.Create.class,
                Parsing.one("CREATE SCHEMA IF NOT EXISTS \"Sales\""));
        assertTrue(named.ifNotExists());
        assertEquals("Sales", named.name());
        assertNull(named.authorization());
        assertEquals("CREATE SCHEMA", named.kind().commandTag(0));
        SchemaStatement.Create owned = assertInstanceOf(SchemaStatement.Create.class,
                Parsing.one("create schema authorization Alice"));
        assertNull(owned.name());
        assertEquals("alice", owned.authorization());
        SchemaStatement.Create both = assertInstanceOf(SchemaStatement.Create.class,
                Parsing.one("create schema s authorization bob"));
        assertEquals("s", both.name());
        assertEquals("bob", both.authorization());
    }

    @Test
    void drop_schema_with_several_names_and_cascade() {
        SchemaStatement.Drop drop = assertInstanceOf(SchemaStatement.Drop.class,
                Parsing.one("drop schema if exists a, \"B\" cascade"));
        assertTrue(drop.ifExists());
        assertEquals(List.of("a", "B"), drop.names());
        assertTrue(drop.cascade());
        assertEquals(StatementKind.DROP_SCHEMA, drop.kind());
        assertFalse(assertInstanceOf(SchemaStatement.Drop.class, Parsing.one("drop schema a restrict")).cascade());
    }

    @Test
    void create_view_keeps_its_query_for_the_planner() {
        ViewStatement.Create create = assertInstanceOf(ViewStatement.Create.class,
                Parsing.one("create or replace view s.v (x, \"Y\") as select a, b::text from t where a > 1"));
        assertTrue(create.orReplace());
        assertEquals(List.of("s", "v"), create.name());
        assertEquals(List.of("x", "Y"), create.columns());
        assertEquals(StatementKind.SELECT, create.query().kind());
        assertEquals("select a, b::text from t where a > 1", create.query().text());
        assertEquals("create or replace view s.v (x, \"Y\") as select a, b::text from t where a > 1", create.text());
        assertEquals("CREATE VIEW", create.kind().commandTag(0));
    }

    @Test
    void views_and_schemas_among_other_statements() {
        List<Statement> statements = Parsing.parse("select 1; create schema s; create view s.v as values (1), (2);"
                + " drop view if exists s.v, w cascade; drop schema s; select 2");
        assertEquals(6, statements.size());
        assertInstanceOf(SchemaStatement.Create.class, statements.get(1));
        ViewStatement.Create create = assertInstanceOf(ViewStatement.Create.class, statements.get(2));
        assertEquals(StatementKind.VALUES, create.query().kind());
        ViewStatement.Drop drop = assertInstanceOf(ViewStatement.Drop.class, statements.get(3));
        assertEquals(List.of(List.of("s", "v"), List.of("w")), drop.names());
        assertTrue(drop.ifExists());
        assertTrue(drop.cascade());
        assertInstanceOf(SchemaStatement.Drop.class, statements.get(4));
        assertEquals(StatementKind.SELECT, statements.get(5).kind());
    }

    @Test
    void what_modgres_cannot_do_yet_is_refused() {
        assertEquals(SqlState.FEATURE_NOT_SUPPORTED, refused("create temp view v as select 1").sqlState());
        assertEquals(SqlState.FEATURE_NOT_SUPPORTED, refused("create recursive view v (n) as select 1").sqlState());
        assertEquals(SqlState.FEATURE_NOT_SUPPORTED, refused("create schema s create table t (a int)").sqlState());
        assertEquals(SqlState.SYNTAX_ERROR, refused("create view v as insert into t values (1)").sqlState());
    }

    private static PgException refused(String sql) {
        return assertThrows(PgException.class, () -> Parsing.parse(sql));
    }
}
