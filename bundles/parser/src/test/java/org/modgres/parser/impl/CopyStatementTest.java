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
import org.modgres.api.sql.CopyOptions;
import org.modgres.api.sql.CopyStatement;
import org.modgres.api.sql.StatementKind;

class CopyStatementTest {

    private final PostgresSqlParser parser = new PostgresSqlParser();

    private CopyStatement copy(String sql) {
        List<org.modgres.api.sql.Statement> statements = parser.parse(sql);
        assertEquals(1, statements.size());
        return assertInstanceOf(CopyStatement.class, statements.get(0));
    }

    @Test
    void pgbench_copy_from_stdin_with_freeze() {
        CopyStatement copy = copy("copy pgbench_accounts from stdin with (freeze on)");
        assertEquals(List.of("pgbench_accounts"), copy.table());
        assertTrue(copy.from());
        assertEquals(CopyOptions.textDefaults(), copy.options());
        assertEquals(StatementKind.COPY, copy.kind());
    }

    @Test
    void freeze_is_accepted_in_both_option_syntaxes() {
        for (String sql : List.of("COPY t FROM STDIN WITH (FREEZE ON)", "copy t from stdin (freeze)",
                "copy t from stdin with (freeze true)", "copy t from stdin (freeze 'on', format csv)",
                "copy t from stdin freeze", "copy t from stdin with csv freeze header")) {
            assertTrue(copy(sql).from(), sql);
        }
        PgException notBoolean = assertThrows(PgException.class, () -> parser.parse("copy t from stdin (freeze maybe)"));
        assertEquals(SqlState.SYNTAX_ERROR, notBoolean.sqlState());
        assertEquals("freeze requires a Boolean value", notBoolean.getMessage());
        PgException legacyValue = assertThrows(PgException.class, () -> parser.parse("copy t from stdin freeze true"));
        assertEquals("syntax error at or near \"true\"", legacyValue.getMessage());
    }

    @Test
    void columns_and_qualified_quoted_names() {
        CopyStatement copy = copy("COPY public.\"MixedCase\" (id, \"Name\") FROM STDIN;");
        assertEquals(List.of("public", "MixedCase"), copy.table());
        assertEquals(List.of("id", "Name"), copy.columns());
    }

    @Test
    void query_to_stdout_with_legacy_csv_options() {
        CopyStatement copy = copy("COPY (select id, name from pytab order by id) TO STDOUT WITH CSV HEADER");
        assertNull(copy.table());
        assertFalse(copy.from());
        assertEquals(StatementKind.SELECT, copy.query().kind());
        assertTrue(copy.options().csv());
        assertTrue(copy.options().header());
        assertEquals(',', copy.options().delimiter());
        assertEquals("", copy.options().nullString());
    }

    @Test
    void new_style_options_override_the_format_defaults() {
        CopyStatement copy = copy("copy t to stdout (format csv, delimiter ';', null 'NA', quote '''', header false)");
        assertEquals(new CopyOptions(true, ';', "NA", false, '\'', '\''), copy.options());
        CopyStatement escaped = copy("copy t from stdin delimiter as E'\\t' null as ''");
        assertEquals(new CopyOptions(false, '\t', "", false, '"', '"'), escaped.options());
    }

    @Test
    void server_files_and_bad_options_are_refused_like_postgres() {
        assertEquals(SqlState.FEATURE_NOT_SUPPORTED,
                assertThrows(PgException.class, () -> parser.parse("copy t from '/etc/passwd'")).sqlState());
        PgException delimiter = assertThrows(PgException.class,
                () -> parser.parse("copy t from stdin (delimiter ';;')"));
        assertEquals("COPY delimiter must be a single one-byte character", delimiter.getMessage());
        PgException syntax = assertThrows(PgException.class, () -> parser.parse("copy t into stdin"));
        assertEquals(SqlState.SYNTAX_ERROR, syntax.sqlState());
        assertEquals("syntax error at or near \"into\"", syntax.getMessage());
        assertEquals(8, syntax.position());
    }

    @Test
    void binary_format_in_both_syntaxes() {
        assertEquals(CopyOptions.binaryDefaults(), copy("copy t to stdout (format binary)").options());
        assertEquals(CopyOptions.binaryDefaults(), copy("copy t from stdin with binary").options());
        assertTrue(copy("COPY t TO STDOUT BINARY").options().binary());
        assertFalse(copy("copy t to stdout").options().binary());
    }

    @Test
    void binary_format_refuses_text_options_as_postgres_does() {
        PgException delimiter = assertThrows(PgException.class,
                () -> parser.parse("copy t from stdin (format binary, delimiter ',')"));
        assertEquals(SqlState.SYNTAX_ERROR, delimiter.sqlState());
        assertEquals("cannot specify DELIMITER in BINARY mode", delimiter.getMessage());
        PgException nullString = assertThrows(PgException.class,
                () -> parser.parse("copy t from stdin (format binary, null 'x')"));
        assertEquals("cannot specify NULL in BINARY mode", nullString.getMessage());
        PgException header = assertThrows(PgException.class,
                () -> parser.parse("copy t to stdout (format binary, header)"));
        assertEquals(SqlState.FEATURE_NOT_SUPPORTED, header.sqlState());
        assertEquals("cannot specify HEADER in BINARY mode", header.getMessage());
        assertEquals("COPY escape available only in CSV mode", assertThrows(PgException.class,
                () -> parser.parse("copy t to stdout (format binary, escape 'x')")).getMessage());
    }
}
